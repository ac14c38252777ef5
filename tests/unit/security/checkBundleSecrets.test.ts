/**
 * @jest-environment node
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// The CI gate on the production bundle must be able to fail: each forbidden thing, planted in a stand-in
// bundle, fails it; a clean bundle passes; values are never printed.
const SCRIPT = path.join(__dirname, '..', '..', '..', 'scripts', 'check-bundle-secrets.js');

function check(bundleText: string, envText?: string): { status: number | null; output: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-secrets-'));
  const bundle = path.join(dir, 'plugin.js');
  fs.writeFileSync(bundle, bundleText);
  const args = [SCRIPT, '--bundle', bundle];
  if (envText !== undefined) {
    fs.writeFileSync(path.join(dir, '.env'), envText);
    args.push('--env', path.join(dir, '.env'));
  }
  const run = spawnSync(process.execPath, args, { encoding: 'utf8' });
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: run.status, output: run.stdout + run.stderr };
}

const ENV = ['# PolyAI', 'POLYAI_API_KEY="pk_live_9f8e7d6c5b4a"', 'POLYAI_REGION=us-1', 'export ACCOUNT_SID=AC0123456789abcdef', ''].join('\n');

describe('check-bundle-secrets', () => {
  it('passes a clean bundle and says what it checked, without printing values', () => {
    const { status, output } = check('console.log("PolyAI Context"); fetch("/polyai-context?id=CA1")', ENV);
    expect(status).toBe(0);
    expect(output).toContain('PolyAI host polyai.app');
    expect(output).toContain('x-api-key value');
    expect(output).toMatch(/\.env:POLYAI_API_KEY, .*\.env:ACCOUNT_SID/);
    expect(output).not.toContain('pk_live_9f8e7d6c5b4a');
    expect(output).not.toContain('POLYAI_REGION'); // short settings are not treated as secrets
  });

  it.each([
    ['a PolyAI API host', 'fetch("https://api.us-1.platform.polyai.app/v1/a/p/handoff_state")'],
    ['a PolyAI host without a scheme', 'const host = "POLYAI.APP";'],
    ['an x-api-key header value', 'headers: { "x-api-key": "abc123secret" }'],
    ['an x-api-key set with setHeader', "req.setHeader('X-API-KEY', 'abc123secret')"],
    ['an env file value', 'const k = "pk_live_9f8e7d6c5b4a";'],
    ['another env file value', 'sid:"AC0123456789abcdef"'],
  ])('fails on %s', (_what, bundleText) => {
    const { status, output } = check(bundleText, ENV);
    expect(status).toBe(1);
    expect(output).toContain('FAILED');
    expect(output).not.toContain('pk_live_9f8e7d6c5b4a');
  });

  it('fails when there is no bundle to check', () => {
    const run = spawnSync(process.execPath, [SCRIPT, '--bundle', path.join(os.tmpdir(), 'no-such-bundle.js')], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('not found');
  });
});
