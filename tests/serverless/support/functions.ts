/** Helpers for the Function tests: environments, the stand-in's lifecycle, Flex tokens, captured logs. */
import { drillEnv } from '../../../devtools/outage-drill/outageDrill';
import { startStandin, type Standin, type StandinOptions } from '../../../devtools/polyai-standin/standin';
import { InMemoryTaskRouter } from '../../../devtools/taskrouter/inMemoryTaskRouter';
import type { TokenValidator } from '../../../serverless/src/lib/flexToken';
import type { PluginDeps } from '../../../serverless/src/lib/pluginFunction';
import { BINDING_ATTRIBUTE, verifiedBinding } from '../../../serverless/src/lib/taskBinding';
import { invokeFunction } from '../../../devtools/functions-runtime/localRuntime';

export { invokeFunction };
export { DRILL_WORKFLOW_SID as WORKFLOW_SID, taskAttributesFrom } from '../../../devtools/outage-drill/outageDrill';

export const ACCOUNT_SID = `AC${'1'.repeat(32)}`;
export const VERIFIED_CALL = 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9';
export const UNKNOWN_CALL = `CA${'a'.repeat(32)}`;
export const FLEX_ORIGIN = 'https://flex.twilio.com';
export const WORKSPACE_SID = `WS${'3'.repeat(32)}`;
export const WORKER_SID = `WK${'4'.repeat(32)}`;

/** The Functions' environment against a PolyAI at `baseUrl` (the stand-in by default). */
export function functionEnv(baseUrl = 'http://127.0.0.1:9', overrides: Record<string, string> = {}): Record<string, string> {
  return {
    ...drillEnv(baseUrl),
    ACCOUNT_SID,
    AUTH_TOKEN: 'auth-token-secret',
    FLEX_ALLOWED_ORIGINS: `${FLEX_ORIGIN}, https://flex.example.com/`,
    TASKROUTER_WORKSPACE_SID: WORKSPACE_SID,
    // Flex Insights values off, so route tests compare the attributes they are about; insightsRoutes.test.ts
    // runs every route with the default slots.
    POLYAI_INSIGHTS_SLOTS: 'off',
    ...overrides,
  };
}

/** Starts a stand-in before each test and closes it after; `current()` is the running one. */
export function standinPerTest(options: StandinOptions = {}): () => Standin {
  let standin: Standin | undefined;
  beforeEach(async () => {
    standin = await startStandin(options);
  });
  afterEach(async () => {
    await standin?.close();
    standin = undefined;
  });
  return () => {
    if (standin === undefined) throw new Error('the stand-in runs only inside a test');
    return standin;
  };
}

/** Log lines the Functions wrote during the current test (console.log is silenced and recorded). */
export function captureLogs(): () => string[] {
  let spy: jest.SpyInstance | undefined;
  beforeEach(() => {
    spy = jest.spyOn(console, 'log').mockImplementation(() => undefined);
  });
  afterEach(() => spy?.mockRestore());
  return () => (spy?.mock.calls ?? []).map((args) => args.map(String).join(' '));
}

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A token shaped like a Flex (Twilio access) token. Unsigned: only the injected validator judges it. */
export function flexToken(claims: { sub?: string; exp?: number; grants?: Record<string, unknown> } = {}): string {
  const now = Math.floor(Date.now() / 1000);
  return [
    base64url({ alg: 'HS256', typ: 'JWT', cty: 'twilio-fpa;v=1' }),
    base64url({ iss: `SK${'2'.repeat(32)}`, sub: ACCOUNT_SID, exp: now + 3600, grants: { identity: 'agent' }, ...claims }),
    'signature',
  ].join('.');
}

/**
 * A routed task's attributes without their binding (lib/taskBinding), which, when present, must verify under
 * functionEnv()'s key: routes compare what they write, which the binding's expiry (the clock) would blur.
 */
export function unbound(attributes: unknown): Record<string, unknown> {
  const { [BINDING_ATTRIBUTE]: binding, ...rest } = attributes as Record<string, unknown>;
  if (binding !== undefined) expect(verifiedBinding(attributes, functionEnv())).not.toBeNull();
  return rest;
}

type Handler = Parameters<typeof invokeFunction>[0];
export type PluginFunctionFactory = (deps: PluginDeps & { taskRouter: InMemoryTaskRouter }) => Handler;

/** The task the agent (WORKER_SID) holds in `agentHolding`'s TaskRouter. */
export const HELD_TASK_SID = `WT${'5'.repeat(32)}`;

/**
 * A TaskRouter in which the agent (WORKER_SID) has accepted one task, with these attributes and the signed
 * binding the routing Functions would have given it (signed with functionEnv()'s key).
 */
export function agentHolding(attributes: object): InMemoryTaskRouter {
  const taskRouter = new InMemoryTaskRouter();
  taskRouter.addRoutedTask(HELD_TASK_SID, attributes, functionEnv(), { reservations: { [WORKER_SID]: 'accepted' } });
  return taskRouter;
}

/**
 * A plugin-facing Function (lib/pluginFunction) with a fake token validator (an agent, WORKER_SID), a TaskRouter
 * in which that agent holds the verified call's task, and a PolyAI answering `polyai`: `call(params, headers)`
 * invokes it as a browser on the Flex origin would, naming that task unless `params` names another.
 */
export function pluginCaller(factory: PluginFunctionFactory, polyai: { status: number; body?: unknown }) {
  const validateToken = jest.fn<ReturnType<TokenValidator>, Parameters<TokenValidator>>(async () => ({ valid: true, worker_sid: WORKER_SID, roles: ['agent'] }));
  const fetch = jest.fn(async () => new Response(JSON.stringify(polyai.body ?? {}), { status: polyai.status }));
  const taskRouter = agentHolding({ call_sid: VERIFIED_CALL, polyai: { id: VERIFIED_CALL, data: {} } });
  const handler = factory({ validateToken, taskRouter, fetch: fetch as unknown as typeof globalThis.fetch });
  const call = (body: Record<string, unknown>, headers: Record<string, string> = { origin: FLEX_ORIGIN }) =>
    invokeFunction(handler, functionEnv(), { taskSid: HELD_TASK_SID, ...body, request: { headers, cookies: {} } });
  return { call, validateToken, fetch, taskRouter };
}
