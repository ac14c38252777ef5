/**
 * The Functions' deadline holds while PolyAI trickles its body and V8 collects garbage
 * (nodejs/node#55428 loses a fetch's abort signal after a GC). jest cannot force GC in its own workers, so the
 * scenario runs in a child `node --expose-gc` (tests/serverless/support/trickleUnderGc.ts, bundled here).
 */
import { spawnSync } from 'child_process';
import { buildSync } from 'esbuild';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { withDeadline } from '../../serverless/src/lib/deadline';

/** On top of the event loop's measured lateness: the old client did not answer at all within 10 s. */
const MARGIN_MS = 1_500;

describe('the deadline the Functions enforce themselves', () => {
  it('answers every call within the attempt timeout while the body trickles and GC runs every 20 ms', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyai-trickle-'));
    try {
      const outfile = path.join(outdir, 'trickle.js');
      buildSync({ entryPoints: [path.join(__dirname, 'support/trickleUnderGc.ts')], bundle: true, platform: 'node', outfile, logLevel: 'error' });
      const child = spawnSync(process.execPath, ['--expose-gc', outfile], { encoding: 'utf8', timeout: 30_000 });
      expect(child.stderr).toBe('');
      const { attemptMs, outcome, lagMs } = JSON.parse(child.stdout) as { attemptMs: number; outcome: Array<{ status: number; ms: number }> | 'stuck'; lagMs: number };
      expect(outcome).not.toBe('stuck');
      const calls = outcome as Array<{ status: number; ms: number }>;
      expect(calls).toHaveLength(20);
      for (const call of calls) {
        expect(call.status).toBe(504);
        expect(call.ms).toBeLessThanOrEqual(attemptMs + MARGIN_MS + lagMs);
      }
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });

  it('settles with the timeout answer when the work never settles, and aborts its signal', async () => {
    let signal: AbortSignal | undefined;
    const result = await withDeadline(30, (given) => ((signal = given), new Promise<string>(() => undefined)), () => 'timed out');
    expect(result).toBe('timed out');
    expect(signal?.aborted).toBe(true);
  });

  it('passes on the work\'s answer and leaves its signal alone when it is in time', async () => {
    let signal: AbortSignal | undefined;
    await expect(withDeadline(1_000, async (given) => ((signal = given), 'answer'), () => 'timed out')).resolves.toBe('answer');
    expect(signal?.aborted).toBe(false);
  });
});
