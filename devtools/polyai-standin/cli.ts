/**
 * DEVELOPMENT TOOL — `npm run polyai:standin [-- --mode=500 --port=4010 --seed=1]`: the PolyAI stand-in as a
 * process, for the offline preview and manual runs of `twilio serverless:start`.
 */
import { parseCommandLine, portInUseMessage } from '../../scripts/lib/cliArgs';
import { MODES, STANDIN_API_KEY, STANDIN_CONVERSATIONS_API_KEY, startStandin } from './standin';

const { mode, port, seed } = parseCommandLine('npm run polyai:standin -- [--mode=ok] [--port=4010] [--seed=1]', (args) => ({
  mode: args.choice('mode', 'how the stand-in answers', MODES, 'ok'),
  port: args.integer('port', 'port on 127.0.0.1', { fallback: 4010, min: 1, max: 65535 }),
  seed: args.integer('seed', 'seed of the generated data', { fallback: 1, min: 1, max: 2 ** 31 }),
}));

startStandin({ port, mode, seed }).then(
  (standin) => {
    console.log(`PolyAI stand-in (development only) on ${standin.url}, mode ${mode}`);
    console.log(`POLYAI_BASE_URL=${standin.url} POLYAI_API_KEY=${STANDIN_API_KEY}`);
    console.log(`POLYAI_CONVERSATIONS_BASE_URL=${standin.url} POLYAI_CONVERSATIONS_API_KEY=${STANDIN_CONVERSATIONS_API_KEY}`);
    console.log(`switch: curl -XPOST ${standin.url}/__standin/mode -d '{"mode":"500"}'`);
    const stop = () => standin.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
  (error: unknown) => {
    console.error(portInUseMessage(error, 'PolyAI stand-in', port, `pick another port: npm run polyai:standin -- --port=${port + 1}`) ?? `PolyAI stand-in could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
