/**
 * Every command-line tool parses strictly (Node's util.parseArgs): --help answers,
 * a bad or unknown option stops with one `error:` line and exit code 2 instead of running with a default,
 * and a busy port is reported in one line. The development tools run from source through devtools/run.js, as
 * `npm run drill` and `npm run polyai:standin` run them.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

import { createArgs, UsageError } from '../../scripts/lib/cliArgs';

const ROOT = path.join(__dirname, '..', '..');
const RUN_TS = path.join(ROOT, 'devtools/run.js');
const drill = [RUN_TS, path.join(ROOT, 'devtools/outage-drill/cli.ts')];
const standin = [RUN_TS, path.join(ROOT, 'devtools/polyai-standin/cli.ts')];

/**
 * How long a tool may take to exit before it counts as hung. Not a race: each test waits for the exit, and on a
 * busy machine (a CPU hog beside the suite) starting a TypeScript tool alone took more than 15 s.
 */
const HUNG_TOOL_MS = 120_000;

/** Runs a tool that must stop at once (it never reaches its real work with these arguments). */
function run(command: string | string[], args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, [command, ...args].flat(), { encoding: 'utf8', timeout: HUNG_TOOL_MS, env: { ...process.env, ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const usageError = (stderr: string) => stderr.trim().split('\n')[0];

describe('strict command lines', () => {
  it.each([
    [['--calls=abc'], 'error: --calls must be a whole number from 1 to 10000, got "abc"'],
    [['--calls=0'], 'error: --calls must be a whole number from 1 to 10000, got "0"'],
    [['--calls=2.5'], 'error: --calls must be a whole number from 1 to 10000, got "2.5"'],
    [['--callz=5'], "error: Unknown option '--callz'"],
    [['--calls'], 'error: --calls needs a value, e.g. --calls=1000'],
    [['extra'], "error: Unexpected argument 'extra'"],
  ])('npm run drill -- %j exits 2 with one clear line', (args, message) => {
    const result = run(drill, args);
    expect(result.status).toBe(2);
    expect(usageError(result.stderr)).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(result.stdout).toBe(''); // no drill ran
  });

  it('npm run drill -- --help lists the options and exits 0 without running', () => {
    const result = run(drill, ['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: npm run drill');
    for (const option of ['--calls', '--concurrency', '--seed', '--help']) expect(result.stdout).toContain(option);
    expect(result.stdout).not.toContain('routed');
  });

  it('npm run polyai:standin -- --port=abc is an error, not port 4010', () => {
    const result = run(standin, ['--port=abc']);
    expect(result.status).toBe(2);
    expect(usageError(result.stderr)).toBe('error: --port must be a whole number from 1 to 65535, got "abc"');
    expect(run(standin, ['--mode=nope']).stderr).toContain('error: --mode must be one of');
  });

  it('reports a busy port in one line', async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as net.AddressInfo;
    try {
      const child = spawn(process.execPath, [...standin, `--port=${port}`], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const status = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      expect(status).toBe(1);
      expect(stderr.trim()).toBe(`Port ${port} on 127.0.0.1 is already in use (PolyAI stand-in). Stop whatever uses it, or pick another port: npm run polyai:standin -- --port=${port + 1}.`);
    } finally {
      blocker.close();
    }
  }, HUNG_TOOL_MS);

  it.each([
    ['devtools/preview/cli.js', ['--port=abc'], 'error: --port must be a whole number from 0 to 65535, got "abc"'],
    ['devtools/preview/cli.js', ['--prot=1'], "error: Unknown option '--prot'"],
    ['devtools/preview/screenshots.js', ['--out=x'], "error: Unknown option '--out'"],
    ['bench/run.js', ['nosuch'], 'error: unknown argument "nosuch": choose from bundle, model, browser, functionOverhead'],
    ['bench/run.js', ['--quick'], "error: Unknown option '--quick'"],
    ['scripts/check-bundle-size.js', ['--budget=1'], "error: Unknown option '--budget'"],
    ['scripts/check-bundle-secrets.js', ['--bundel=x'], "error: Unknown option '--bundel'"],
    ['serverless/scripts/build.mjs', ['--out=x'], "error: Unknown option '--out'"],
    ['scripts/mutationSummary.mjs', ['--survivor'], "error: Unknown option '--survivor'"],
    ['scripts/mutationSummary.mjs', ['--survivors=yes'], 'error: --survivors takes no value'],
    ['scripts/mutationSummary.mjs', ['model'], "error: Unexpected argument 'model'. This command does not take positional arguments"],
  ])('%s %j exits 2 with one clear line', (file, args, message) => {
    const result = run(path.join(ROOT, file), args);
    expect(result.status).toBe(2);
    expect(usageError(result.stderr)).toBe(message);
  });

  it.each(['devtools/preview/cli.js', 'devtools/preview/screenshots.js', 'bench/run.js', 'scripts/check-bundle-size.js', 'scripts/check-bundle-secrets.js', 'scripts/mutationSummary.mjs', 'serverless/scripts/build.mjs'])('%s --help answers and exits 0', (file) => {
    const result = run(path.join(ROOT, file), ['--help']);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Usage: /);
  });

  it('npm run mutation:summary -- --survivors runs the summary (the switch is read, not refused)', () => {
    const help = run(path.join(ROOT, 'scripts/mutationSummary.mjs'), ['--help']);
    expect(help.stdout).toContain('--survivors');
    const result = run(path.join(ROOT, 'scripts/mutationSummary.mjs'), ['--survivors']);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/No mutation report yet for|score/);
  });

  it('the preview rejects a bad PORT too', () => {
    const result = run(path.join(ROOT, 'devtools/preview/cli.js'), [], { PORT: 'eighty' });
    expect(result.status).toBe(2);
    expect(usageError(result.stderr)).toBe('error: PORT must be a port number (0-65535), got "eighty"');
  });

  it('reads both --name=value and --name value, and keeps repeatable options', () => {
    const args = createArgs('tool', ['--mode', '500', '--env=a', '--env', 'b', '--json']);
    expect(args.string('mode', 'mode')).toBe('500');
    expect(args.strings('env', 'env files')).toEqual(['a', 'b']);
    expect(args.boolean('json', 'as JSON')).toBe(true);
    expect(args.integer('calls', 'calls', { fallback: 7, min: 1, max: 9 })).toBe(7);
    expect(args.check()).toBe('ok');
    expect(() => createArgs('tool', ['--json=yes']).boolean('json', 'as JSON')).toThrow(UsageError);
  });
});

describe('npm test', () => {
  it('leaves no temporary results folder behind', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'polyai-npm-test-'));
    try {
      const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/run-tests.js'), 'tests/unit/strings/languages.test.ts', '--selectProjects', 'unit'], {
        encoding: 'utf8',
        timeout: HUNG_TOOL_MS,
        cwd: ROOT,
        env: { ...process.env, TMPDIR: tmp },
      });
      expect(result.stdout).toMatch(/^\d+ passed, 0 failed$/m);
      expect(result.status).toBe(0);
      // jest's own transform cache (jest_*) is kept on purpose; nothing of ours may remain.
      expect(fs.readdirSync(tmp).filter((entry) => !entry.startsWith('jest_'))).toEqual([]);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
