/**
 * `npm run preview` as a developer meets it: serves real Flex with the production plugin bundle, prints its URL, says so when the port is taken, stops on a
 * signal; its backend (built Functions + PolyAI stand-in) takes only the preview's own token and origin.
 */
import * as fs from 'fs';
import * as path from 'path';

import { sampleTask, spawnPreview, stopPreview, waitForUrl, waitForUrls } from './support/preview';

const ROOT = path.join(__dirname, '..', '..');

/** Every source file under `dir` (relative to the repository). */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' }).filter((file) => /\.[tj]sx?$/.test(file)).map((file) => path.join(dir, file));
}

function exitOf(child: ReturnType<typeof spawnPreview>): Promise<{ code: number | null; output: string }> {
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

describe('npm run preview', () => {
  it('serves the desktop, refuses a taken port with a clear message, and exits cleanly on SIGTERM', async () => {
    const first = spawnPreview();
    try {
      const url = await waitForUrl(first);
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      await expect(page.text()).resolves.toContain('<div id="root"></div>');
      // Nothing leaves the machine: the page's policy allows its own origin and the local Functions only.
      expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
      const config = await (await fetch(`${url}appConfig.js`)).text();
      expect(config).toContain('"polyai_context"');
      // The plugin Flex loads is the production bundle `flex-plugin build` wrote, byte for byte.
      const session = await (await fetch(`${url}preview-session.js`)).text();
      const { pluginUrl } = JSON.parse(/var previewSession = (.*);/.exec(session)![1]) as { pluginUrl: string };
      const served = Buffer.from(await (await fetch(new URL(pluginUrl, url))).arrayBuffer());
      expect(served.equals(fs.readFileSync(path.join(ROOT, 'build', 'plugin-polyai-context.js')))).toBe(true);

      const port = Number(new URL(url).port);
      const second = await exitOf(spawnPreview(port));
      expect(second.code).toBe(1);
      expect(second.output).toContain(`Port ${port} on 127.0.0.1 is already in use`);

      const exited = exitOf(first);
      first.kill('SIGTERM');
      await expect(exited).resolves.toMatchObject({ code: 0 });
    } finally {
      await stopPreview(first);
    }
  });

  it("serves the built Functions to the preview's origin and token only, and Ctrl-C stops all of it", async () => {
    const child = spawnPreview();
    try {
      const { url, functionsUrl, standinUrl } = await waitForUrls(child);
      const origin = new URL(url).origin;
      const session = await (await fetch(`${url}preview-session.js`)).text();
      const { flexToken } = JSON.parse(/var previewSession = (.*);/.exec(session)![1]) as { flexToken: string };
      const ask = (token: string, from: string) =>
        fetch(`${functionsUrl}/polyai-conversation`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Origin: from },
          // The verified sample, which the preview's agent holds, bound as the routing Functions bind it.
          body: JSON.stringify({ Token: token, taskSid: sampleTask('verified').taskSid, conversationId: 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9' }),
        });

      const ok = await ask(flexToken, origin);
      expect(ok.status).toBe(200);
      expect(ok.headers.get('access-control-allow-origin')).toBe(origin);
      await expect(ok.json()).resolves.toMatchObject({ conversation: { conversationId: 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9' } });
      // Same claims, another signature: the development validator accepts only the token it minted.
      const forged = flexToken.replace(/\.[^.]+$/, '.forged');
      await expect(ask(forged, origin).then((response) => response.status)).resolves.toBe(401);
      await expect(ask(flexToken, 'https://evil.example').then((response) => response.status)).resolves.toBe(403);

      const exited = exitOf(child);
      child.kill('SIGINT');
      await expect(exited).resolves.toMatchObject({ code: 0 });
      for (const address of [url, functionsUrl, standinUrl]) await expect(fetch(address)).rejects.toThrow();
    } finally {
      await stopPreview(child);
    }
  });

  it('keeps the development token validator out of everything deployable', () => {
    const deployable = [...sourceFiles('src'), ...sourceFiles(path.join('serverless', 'src'))];
    expect(deployable.length).toBeGreaterThan(20);
    const offenders = deployable.filter((file) => /preview\/|developmentTokenValidator|inMemoryTaskRouter/.test(fs.readFileSync(path.join(ROOT, file), 'utf8')));
    expect(offenders).toEqual([]);
  });
});
