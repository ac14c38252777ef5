/**
 * Development tools live apart from what ships and from the tests. No dev tool reads `tests/`
 * (the fixtures they share with the tests are in devtools/fixtures), the preview does not depend on the
 * outage drill, and the Functions' build holds the Functions and nothing else.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { build } from 'esbuild';

import { STANDIN_API_KEY } from '../../devtools/polyai-standin/standin';

const ROOT = path.join(__dirname, '..', '..');

function filesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    return entry.isDirectory() ? filesUnder(file) : /\.(ts|tsx|js)$/.test(entry.name) ? [file] : [];
  });
}

/** The project files an entry reaches through its imports (packages left out). */
async function inputsOf(entry: string): Promise<string[]> {
  const result = await build({ entryPoints: [path.join(ROOT, entry)], bundle: true, write: false, metafile: true, packages: 'external', platform: 'node', logLevel: 'silent' });
  return Object.keys(result.metafile.inputs);
}

describe('development tools apart', () => {
  it('no dev tool imports or reads anything under tests/', () => {
    const readers = filesUnder(path.join(ROOT, 'devtools')).filter((file) => /['"`](\.\.\/)+tests\/|['"]tests['"]/.test(fs.readFileSync(file, 'utf8')));
    expect(readers.map((file) => path.relative(ROOT, file))).toEqual([]);
  });

  it.each(['devtools/preview/backend.ts', 'preview/app/main.tsx'])('%s does not depend on the outage drill', async (entry) => {
    const inputs = await inputsOf(entry);
    expect(inputs).toContain(entry);
    expect(inputs.filter((input) => input.startsWith('devtools/outage-drill/'))).toEqual([]);
  });

  it('the Functions build holds only the Functions: no dev tool, no stand-in key', () => {
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'polyai-layout-'));
    try {
      const built = spawnSync(process.execPath, [path.join(ROOT, 'serverless/scripts/build.mjs'), `--outdir=${outdir}`], { encoding: 'utf8' });
      expect(built.status).toBe(0);
      expect(fs.readdirSync(outdir).sort()).toEqual(['assets', 'functions']);
      const functions = fs.readdirSync(path.join(outdir, 'functions'));
      expect(functions.length).toBeGreaterThan(0);
      for (const file of functions) expect(fs.readFileSync(path.join(outdir, 'functions', file), 'utf8')).not.toContain(STANDIN_API_KEY);
    } finally {
      fs.rmSync(outdir, { recursive: true, force: true });
    }
  });
});
