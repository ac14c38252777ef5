/**
 * The built Functions under Twilio's own local runtime: the `@twilio/runtime-handler` 2.1.0 development server
 * that `twilio serverless:start` (twilio-run 5) runs for this project, an Express app listening on 127.0.0.1
 * here (the CLI binds every interface). So event merging, body parsing and preflight are Twilio's, not an
 * imitation. What it shows, and docs/SECURITY.md states:
 * - the runtime answers every OPTIONS itself (`*`, credentials true): the Functions never see a preflight, so
 *   nothing may rest on one; the CORS the Functions control is the one on their POST answers;
 * - the query and the body are merged over the event after the runtime's own `request`, so a caller can send a
 *   `request` of her own: one of another shape is refused, one of the runtime's shape cannot be told apart, and
 *   decides nothing but the CORS headers of the answer (the token and the task binding decide access);
 * - `.protected` is not enforced locally: a protected Function answers an unsigned request here.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import type { AddressInfo } from 'net';
import * as os from 'os';
import * as path from 'path';
import { startStandin, standinEnv, type Standin } from '../../devtools/polyai-standin/standin';
import { verifiedBinding } from '../../serverless/src/lib/taskBinding';
import { ACCOUNT_SID, captureLogs, FLEX_ORIGIN, flexToken, VERIFIED_CALL } from './support/functions';

captureLogs();
const serverless = path.join(__dirname, '../../serverless');
const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyai-twilio-run-'));
const ENV = { ACCOUNT_SID, AUTH_TOKEN: 'auth-token-secret', FLEX_ALLOWED_ORIGINS: FLEX_ORIGIN, TASKROUTER_WORKSPACE_SID: `WS${'3'.repeat(32)}`, POLYAI_INSIGHTS_SLOTS: 'off' };

interface RuntimeServer {
  url: string;
  close(): Promise<void>;
}

/** twilio-run's way of finding the Functions, and the runtime handler's server, as `twilio serverless:start` pairs them. */
async function startRuntime(env: Record<string, string>): Promise<RuntimeServer> {
  /* eslint-disable @typescript-eslint/no-require-imports -- the runtime is loaded as twilio-run loads it, from the project */
  const { getFunctionsAndAssets } = require(path.join(serverless, 'node_modules/twilio-run/dist/runtime/internal/runtime-paths'));
  const { LocalDevelopmentServer } = require(require.resolve('@twilio/runtime-handler/dev', { paths: [serverless] }));
  /* eslint-enable @typescript-eslint/no-require-imports */
  const routes = await getFunctionsAndAssets(outdir, {});
  const runtime = new LocalDevelopmentServer(0, { baseDir: outdir, env, port: 0, url: 'http://127.0.0.1', detailedLogs: false, live: false, logs: false, legacyMode: false, appName: 'polyai-context', forkProcess: false, routes, enableDebugLogs: false });
  const app = runtime.getApp() as { listen(port: number, host: string, done: () => void): import('http').Server };
  const server = await new Promise<import('http').Server>((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let runtime: RuntimeServer;
let standin: Standin;

beforeAll(async () => {
  const build = spawnSync(process.execPath, [path.join(serverless, 'scripts/build.mjs'), `--outdir=${outdir}`], { encoding: 'utf8' });
  expect(build.status).toBe(0);
  standin = await startStandin();
  runtime = await startRuntime({ ...ENV, ...standinEnv(standin.url) });
});
afterAll(async () => {
  await runtime?.close();
  await standin?.close();
  fs.rmSync(outdir, { recursive: true, force: true });
});

const post = (fn: string, body: string, headers: Record<string, string>) => fetch(`${runtime.url}/${fn}`, { method: 'POST', headers, body });
const json = { 'content-type': 'application/json' };

describe('preflight is the runtime\'s', () => {
  it('answers OPTIONS for any origin with its own headers: the Functions never see it', async () => {
    const response = await fetch(`${runtime.url}/polyai-conversation`, { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-credentials')).toBe('true');
  });
});

describe('the CORS the Functions control: their POST answers', () => {
  it('refuses an origin outside FLEX_ALLOWED_ORIGINS (403, no CORS headers) and names an allowed one', async () => {
    const body = JSON.stringify({ Token: flexToken(), taskSid: `WT${'5'.repeat(32)}`, conversationId: VERIFIED_CALL });
    const evil = await post('polyai-conversation', body, { ...json, origin: 'https://evil.example' });
    expect(evil.status).toBe(403);
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    // The token is checked next (401 here, before Twilio's validator is asked: no token).
    const allowed = await post('polyai-conversation', JSON.stringify({ taskSid: `WT${'5'.repeat(32)}`, conversationId: VERIFIED_CALL }), { ...json, origin: FLEX_ORIGIN });
    expect(allowed.status).toBe(401);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(FLEX_ORIGIN);
  });
});

describe('a caller\'s own `request` key', () => {
  it.each([
    ['?request=1 (query)', '?request=1', '{}'],
    ['a string in the body', '', '{"request":"x"}'],
    ['an object without headers in the body', '', '{"request":{"cookies":{}}}'],
  ])('%s replaces the runtime\'s and is refused (400)', async (_, query, body) => {
    const response = await fetch(`${runtime.url}/polyai-conversation${query}`, { method: 'POST', headers: { ...json, origin: 'https://evil.example' }, body });
    expect(response.status).toBe(400);
    await expect(response.json()).resolves.toEqual({ error: { status: 400, message: 'The request names a `request` of its own: only the runtime may.' } });
  });

  it('of the runtime\'s shape cannot be told apart: it decides only the CORS headers, which name the claimed origin, not the caller\'s', async () => {
    const spoof = JSON.stringify({ request: { headers: { origin: FLEX_ORIGIN }, cookies: {} }, taskSid: `WT${'5'.repeat(32)}`, conversationId: VERIFIED_CALL });
    const response = await post('polyai-conversation', spoof, { ...json, origin: 'https://evil.example' });
    // A browser on evil.example is not given the answer (its origin is not the one named); the token still decides.
    expect(response.status).toBe(401);
    expect(response.headers.get('access-control-allow-origin')).not.toBe('https://evil.example');
  });
});

describe('event merging and body parsing', () => {
  it('Studio\'s form-encoded parameters and the query reach the Function as one event; the task comes out bound', async () => {
    const response = await fetch(`${runtime.url}/polyai-handoff?from=%2B447700900123`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ call_sid: VERIFIED_CALL }).toString(),
    });
    // `.protected` is not enforced by the local runtime: an unsigned request is served.
    expect(response.status).toBe(200);
    const attributes = (await response.json()) as Record<string, unknown>;
    expect(attributes).toMatchObject({ type: 'inbound', from: '+447700900123', call_sid: VERIFIED_CALL, polyai: { id: VERIFIED_CALL } });
    expect(verifiedBinding(attributes, ENV)).toEqual({ callSid: VERIFIED_CALL, id: VERIFIED_CALL, sharedId: expect.any(String) });
  });

  it('a truncated JSON body gets the runtime\'s own 400 before the Function runs', async () => {
    const response = await post('polyai-conversation', '{"Token":', { ...json, origin: FLEX_ORIGIN });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
  });
});
