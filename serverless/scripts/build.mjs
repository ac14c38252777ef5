// Bundles each Function (with the shared model, `@polyai-context/model` from packages/model, and the PolyAI
// client) into one self-contained file in dist/functions/, which is what `twilio serverless:deploy` uploads,
// and nothing else (the development tools in devtools/ run from source). `--outdir=<dir>` builds elsewhere (tests).
import { build } from 'esbuild';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The repository's one argument parser (the build, like the model it bundles, runs inside the repository).
const { parseCommandLine } = createRequire(import.meta.url)('../../scripts/lib/cliArgs.js');
const outdir = parseCommandLine('node serverless/scripts/build.mjs [--outdir=<dir>]', (args) =>
  args.string('outdir', 'where to build (default serverless/dist)'),
) ?? join(root, 'dist');
const functions = readdirSync(join(root, 'src/functions')).filter((file) => file.endsWith('.ts'));

const common = { bundle: true, platform: 'node', target: 'node18', format: 'cjs', logLevel: 'warning', legalComments: 'none' };
rmSync(outdir, { recursive: true, force: true });
await build({ ...common, entryPoints: functions.map((file) => join(root, 'src/functions', file)), outdir: join(outdir, 'functions') });
// No static assets, but the Serverless Toolkit expects an assets folder next to the functions one.
mkdirSync(join(outdir, 'assets'), { recursive: true });
console.log(`built ${functions.length} Functions into ${join(outdir, 'functions')}`);
