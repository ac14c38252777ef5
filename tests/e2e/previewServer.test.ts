/** `npm run preview` as a developer meets it: prints its URL, says so when the port is taken, stops on a signal. */
import { spawnPreview, stopPreview, waitForUrl } from './support/preview';

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
      const config = await (await fetch(`${url}appConfig.js`)).text();
      expect(config).toContain('"polyai_context"');

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
});
