/**
 * @jest-environment node
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// `npm test` (scripts/run-tests.js) always ends and leaves nothing running, whatever a test does.
const ROOT = path.join(__dirname, '..', '..', '..');
const FIXTURES = path.join(ROOT, 'tests', 'fixtures', 'testCommand');

function runTestCommandOn(fixture: string, env: NodeJS.ProcessEnv = {}) {
  const config = JSON.stringify({ rootDir: FIXTURES, testMatch: [`<rootDir>/${fixture}`], testEnvironment: 'node' });
  return spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'run-tests.js'), '--config', config], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 180_000,
    env: { ...process.env, ...env },
  });
}

/** Running, not a zombie left for a parent (here, a container's init) to reap. */
const isRunning = (pid: number) => {
  try {
    return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
};

describe('npm test always ends and leaves nothing running', () => {
  it('stops a process a test left running, in a group of its own, and counts it as a failure', () => {
    const pidFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'polyai-leftover-')), 'pid');
    const run = runTestCommandOn('leavesAProcess.fixture.js', { LEFTOVER_PID_FILE: pidFile });
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    fs.rmSync(path.dirname(pidFile), { recursive: true, force: true });
    expect(run.stderr).toMatch(new RegExp(`1 process\\(es\\) started by the tests outlived them and were stopped:\\n +${pid} sleep 600`));
    expect(run.stdout).toMatch(/^1 passed, 1 failed$/m);
    expect(run.status).toBe(1);
    expect(isRunning(pid)).toBe(false);
  });

  it('stops a jest that wrote its results but does not exit, and counts it as a failure', () => {
    const run = runTestCommandOn('keepsJestAlive.fixture.js');
    expect(run.stderr).toContain('jest wrote its results but had not exited 15 s later');
    expect(run.stdout).toMatch(/^1 passed, 1 failed$/m);
    expect(run.status).toBe(1);
  });
});
