/**
 * DEVELOPMENT TOOL — `npm run polyai:standin [-- --mode=500 --port=4010 --seed=1]`: the PolyAI stand-in as a
 * process, for the offline preview and manual runs of `twilio serverless:start`.
 */
import { countFlag, finishArgs, flag } from '../lib/args';
import { isStandinMode, MODES, STANDIN_API_KEY, STANDIN_CONVERSATIONS_API_KEY, startStandin } from './standin';
import { portInUseMessage } from '../../scripts/lib/cliArgs';

const mode = flag('mode', `how the stand-in answers: ${MODES.join(', ')} (default ok)`) ?? 'ok';
const port = countFlag('port', 4010, 65535, 'port on 127.0.0.1');
const seed = countFlag('seed', 1, 2 ** 31, 'seed of the generated data');
finishArgs('npm run polyai:standin -- [--mode=ok] [--port=4010] [--seed=1]');
if (!isStandinMode(mode)) {
  console.error(`error: --mode must be one of ${MODES.join(', ')}, got "${mode}"\nRun with --help to see the options.`);
  process.exit(2);
}
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
