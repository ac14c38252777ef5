/**
 * The development servers' one HTTP helper (devtools/lib/http.js, on Express), through the PolyAI stand-in
 * that uses it: the mode switch as the developer guide's curl sends it, a taken port, and close() ending answers that
 * never come.
 */
import * as net from 'net';

import { startStandin, STANDIN_API_KEY, type Standin } from '../../devtools/polyai-standin/standin';

let standin: Standin;
beforeEach(async () => {
  standin = await startStandin();
});
afterEach(() => standin.close());

const switchMode = (body: string, contentType: string) =>
  fetch(`${standin.url}/__standin/mode`, { method: 'POST', headers: { 'content-type': contentType }, body });
const handoffState = () => fetch(`${standin.url}/v1/acme/billing/handoff_state?id=CA5f1d2c3b4a5968778695a4b3c2d1e0f9`, { headers: { 'x-api-key': STANDIN_API_KEY } });

describe('development HTTP helper', () => {
  it('reads the mode switch as JSON whatever its content type (curl -d sends a form type)', async () => {
    const switched = await switchMode('{"mode":"500","times":1}', 'application/x-www-form-urlencoded');
    expect(switched.status).toBe(200);
    await expect(switched.json()).resolves.toMatchObject({ mode: '500', times: 1 });
    expect((await handoffState()).status).toBe(500);
    expect((await handoffState()).status).toBe(200); // `times: 1` used up
  });

  it('answers its own 400 in JSON to a body that is not JSON, and 404 in PolyAI\'s shape elsewhere', async () => {
    const garbage = await switchMode('{"mode":', 'application/json');
    expect(garbage.status).toBe(400);
    await expect(garbage.json()).resolves.toEqual({ error: expect.stringContaining('mode must be one of') });
    const elsewhere = await fetch(`${standin.url}/v2/nothing`);
    expect(elsewhere.status).toBe(404);
    await expect(elsewhere.json()).resolves.toEqual({ error_message: 'Not found' });
  });

  it('rejects a taken port with EADDRINUSE instead of crashing', async () => {
    const port = Number(new URL(standin.url).port);
    await expect(startStandin({ port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });

  it('close() ends a request that never gets an answer', async () => {
    standin.setMode('hang');
    const socket = net.connect(Number(new URL(standin.url).port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(`GET /v1/acme/billing/handoff_state?id=x HTTP/1.1\r\nHost: 127.0.0.1\r\nx-api-key: ${STANDIN_API_KEY}\r\n\r\n`);
    const ended = new Promise((resolve) => socket.once('close', resolve));
    await new Promise((resolve) => setTimeout(resolve, 50));
    await standin.close();
    await expect(ended).resolves.toBe(false); // closed by the server, no error
  });
});
