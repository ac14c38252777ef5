/**
 * What the Function-overhead benchmark runs in Node: the loopback PolyAI stand-in, the local Twilio
 * runtime shim and the environment the outage drill gives the Functions (all development tools of
 * devtools/). The Function itself is the built file in serverless/dist/functions.
 */
export { startStandin, STANDIN_API_KEY } from '../../devtools/polyai-standin/standin';
export { invokeFunction } from '../../devtools/functions-runtime/localRuntime';
export { drillEnv } from '../../devtools/outage-drill/outageDrill';
