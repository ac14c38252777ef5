/**
 * What the Function-overhead benchmark runs in Node: the loopback PolyAI stand-in, the local Twilio
 * runtime shim and the environment the outage drill gives the Functions (all development tools of
 * serverless/dev). The Function itself is the built file in serverless/dist/functions.
 */
export { startStandin, STANDIN_API_KEY } from '../../serverless/dev/polyai-standin';
export { invokeFunction } from '../../serverless/dev/localRuntime';
export { drillEnv } from '../../serverless/dev/outageDrill';
