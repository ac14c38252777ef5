#!/usr/bin/env node
/**
 * CI gate after `npm run build`: the production plugin bundle runs in every agent's browser, so it must
 * carry no PolyAI host (the browser never calls PolyAI: the Functions do), no API key and no value from
 * the Functions' environment files. Prints what it checked (key names, never values); exits 1 on a find.
 *
 *   node scripts/check-bundle-secrets.js [--bundle build/plugin-polyai-context.js] [--env file ...]
 * Without --env it reads whichever of serverless/.env, serverless/.env.example, .env exist.
 */
const fs = require('fs');
const path = require('path');

const { parseCommandLine } = require('./lib/cliArgs');

const ROOT = path.join(__dirname, '..');
const DEFAULT_BUNDLE = 'build/plugin-polyai-context.js';
const DEFAULT_ENV_FILES = ['serverless/.env', 'serverless/.env.example', '.env'];
// Environment values shorter than this (`true`, `us-1`, `8`) are settings, not secrets, and occur in any bundle.
const MIN_SECRET_CHARS = 8;

const PATTERNS = [
  { name: 'PolyAI host polyai.app', pattern: /polyai\.app/i },
  { name: 'PolyAI host platform.polyai', pattern: /platform\.polyai/i },
  // `x-api-key` with a literal value, in header-object, setHeader or raw-header form.
  { name: 'x-api-key value', pattern: /x-api-key["'`]?\s*[:=,]\s*["'`][^"'`\s]{4,}/i },
];

function readOptions() {
  return parseCommandLine('node scripts/check-bundle-secrets.js [--bundle=<file>] [--env=<file> ...]', (args) => {
    const bundle = args.string('bundle', 'the built plugin bundle', DEFAULT_BUNDLE);
    const envFiles = args.strings('env', `an env file whose values must not be in the bundle (repeatable; default: ${DEFAULT_ENV_FILES.join(', ')})`);
    return { bundle, envFiles: envFiles.length > 0 ? envFiles : null };
  });
}

/** KEY=VALUE pairs of a dotenv file; quotes stripped, comments and blanks skipped. */
function readEnv(file) {
  const entries = [];
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const match = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line);
    if (!match) continue;
    const value = match[2].replace(/^(["'])(.*)\1$/, '$2').replace(/\s+#.*$/, '');
    if (value.length >= MIN_SECRET_CHARS) entries.push({ key: match[1], value });
  }
  return entries;
}

function main() {
  const options = readOptions();
  const bundlePath = path.resolve(ROOT, options.bundle);
  if (!fs.existsSync(bundlePath)) {
    console.error(`check-bundle-secrets: ${options.bundle} not found: run \`npm run build\` first.`);
    return 1;
  }
  const bundle = fs.readFileSync(bundlePath, 'utf8');
  const findings = [];
  for (const { name, pattern } of PATTERNS) if (pattern.test(bundle)) findings.push(name);

  const envFiles = (options.envFiles ?? DEFAULT_ENV_FILES).filter((file) => fs.existsSync(path.resolve(ROOT, file)));
  const envChecked = [];
  for (const file of envFiles) {
    for (const { key, value } of readEnv(path.resolve(ROOT, file))) {
      envChecked.push(`${file}:${key}`);
      if (bundle.includes(value)) findings.push(`value of ${key} from ${file}`);
    }
  }

  console.log(`check-bundle-secrets: ${options.bundle} (${bundle.length} chars)`);
  console.log(`  checked: ${PATTERNS.map(({ name }) => name).join(', ')}`);
  console.log(`  env values (>= ${MIN_SECRET_CHARS} chars): ${envChecked.length > 0 ? envChecked.join(', ') : 'none (no env file present)'}`);
  if (findings.length > 0) {
    console.error(`check-bundle-secrets: FAILED, the bundle contains: ${findings.join('; ')}`);
    return 1;
  }
  console.log('check-bundle-secrets: clean');
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`check-bundle-secrets: ${error.message}`);
  process.exitCode = 1;
}
