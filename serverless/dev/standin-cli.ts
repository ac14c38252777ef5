/**
 * DEVELOPMENT TOOL — `npm run polyai:standin [-- --mode=500 --port=4010 --seed=1]`: the PolyAI stand-in as a
 * process, for the offline preview and manual runs of `twilio serverless:start`.
 */
import { countFlag, flag } from './args';
import { isStandinMode, MODES, STANDIN_API_KEY, STANDIN_CONVERSATIONS_API_KEY, startStandin } from './polyai-standin';

const mode = flag('mode') ?? 'ok';
if (!isStandinMode(mode)) {
  console.error(`--mode must be one of ${MODES.join(', ')}`);
  process.exit(2);
}
startStandin({ port: countFlag('port', 4010, 65535), mode, seed: countFlag('seed', 1, 2 ** 31) }).then((standin) => {
  console.log(`PolyAI stand-in (development only) on ${standin.url}, mode ${mode}`);
  console.log(`POLYAI_BASE_URL=${standin.url} POLYAI_API_KEY=${STANDIN_API_KEY}`);
  console.log(`POLYAI_CONVERSATIONS_BASE_URL=${standin.url} POLYAI_CONVERSATIONS_API_KEY=${STANDIN_CONVERSATIONS_API_KEY}`);
  console.log(`switch: curl -XPOST ${standin.url}/__standin/mode -d '{"mode":"500"}'`);
  const stop = () => standin.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
});
