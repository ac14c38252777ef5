/**
 * @jest-environment node
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

// The model is a package (packages/model, @polyai-context/model) and serverless/ another; code reaches
// a package by its name, never by a relative path into it or out of it.
const ROOT = path.join(__dirname, '..', '..', '..');
const PACKAGES = [path.join(ROOT, 'packages', 'model'), path.join(ROOT, 'serverless')];
const SPECIFIER = /(?:from|import|require\(|jest\.mock\()\s*['"](\.{1,2}\/[^'"]+)['"]/g;

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sourceFiles(full);
    return /\.(ts|tsx|js|mjs)$/.test(entry.name) ? [full] : [];
  });
}

const packageOf = (file: string) => PACKAGES.find((pkg) => file.startsWith(pkg + path.sep)) ?? ROOT;

describe('package boundaries', () => {
  it('no relative import crosses into or out of a package (src, packages, the Functions, devtools, tests, preview, bench)', () => {
    const crossings: string[] = [];
    for (const dir of ['src', 'packages', 'serverless/src', 'serverless/scripts', 'devtools', 'tests', 'preview', 'bench']) {
      for (const file of sourceFiles(path.join(ROOT, dir))) {
        for (const [, specifier] of fs.readFileSync(file, 'utf8').matchAll(SPECIFIER)) {
          const target = path.resolve(path.dirname(file), specifier);
          // The root package's tests drive serverless/ (its handlers), as they drive src/: only imports that
          // leave a package, or enter the model package, cross a boundary.
          const from = packageOf(file);
          const to = packageOf(target);
          const leaves = from !== ROOT && to !== from;
          const entersModel = to === PACKAGES[0] && from !== to;
          if (leaves || entersModel) crossings.push(`${path.relative(ROOT, file)}: ${specifier}`);
        }
      }
    }
    expect(crossings).toEqual([]);
  });

  it('views are pure: nothing in src/views imports Flex, the Flex-bound code (src/flex) or the calls to the Functions', () => {
    const impure = sourceFiles(path.join(ROOT, 'src', 'views')).flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/from\s+'([^']+)'/g)]
        .map(([, specifier]) => specifier)
        .filter((specifier) => specifier === '@twilio/flex-ui' || (specifier.startsWith('.') && ['flex', 'functionCalls'].some((folder) => path.resolve(path.dirname(file), specifier).startsWith(path.join(ROOT, 'src', folder) + path.sep))))
        .map((specifier) => `${path.relative(ROOT, file)}: ${specifier}`),
    );
    expect(impure).toEqual([]);
  });

  it('ESLint refuses such an import in serverless/ and in the plugin', () => {
    const eslint = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
    const lint = (filename: string, source: string) => {
      const run = spawnSync(process.execPath, [eslint, '--stdin', '--stdin-filename', filename, '--format', 'json'], { cwd: ROOT, input: source, encoding: 'utf8' });
      const [result] = JSON.parse(run.stdout) as Array<{ messages: Array<{ ruleId: string | null }> }>;
      return result.messages.map((message) => message.ruleId);
    };
    expect(lint('serverless/src/lib/probe.ts', "import { own } from '../../../src/model';\nexport const read = own;\n")).toContain('no-restricted-imports');
    expect(lint('src/views/probe.ts', "import { own } from '../../packages/model/src';\nexport const read = own;\n")).toContain('no-restricted-imports');
    expect(lint('serverless/src/lib/probe.ts', "import { own } from '@polyai-context/model';\nexport const read = own;\n")).not.toContain('no-restricted-imports');
    // Views: no Flex, no request, no Flex-bound code; the model and Paste packages are theirs.
    expect(lint('src/views/Probe/probe.ts', "import { saveVerdict } from '../../functionCalls/verdictClient';\nexport const save = saveVerdict;\n")).toContain('no-restricted-imports');
    expect(lint('src/views/Probe/probe.ts', "import { Manager } from '@twilio/flex-ui';\nexport const manager = Manager;\n")).toContain('no-restricted-imports');
    expect(lint('src/views/Probe/probe.ts', "import { flexToken } from '../../flex/flexToken';\nexport const token = flexToken;\n")).toContain('no-restricted-imports');
    expect(lint('src/views/Probe/probe.ts', "import { Badge } from '@twilio-paste/core';\nexport const badge = Badge;\n")).toContain('no-restricted-imports');
    expect(lint('src/views/Probe/probe.ts', "import { parseConversation } from '@polyai-context/model';\nimport { Badge } from '@twilio-paste/core/badge';\nexport const used = [parseConversation, Badge];\n")).not.toContain('no-restricted-imports');
    expect(lint('src/flex/container/probe.ts', "import { saveVerdict } from '../../functionCalls/verdictClient';\nexport const save = saveVerdict;\n")).not.toContain('no-restricted-imports');
  });
});

describe('the repository stands alone', () => {
  it('no tracked file names a folder beside the repository (a user\'s clone has nothing there)', () => {
    const beside = ['..', 'shared'].join('/');
    const files = spawnSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).stdout.split('\0').filter(Boolean);
    expect(files.length).toBeGreaterThan(100);
    const naming = files.filter((file) => fs.existsSync(path.join(ROOT, file)) && !/\.(png|svg|jpe?g)$/.test(file) && fs.readFileSync(path.join(ROOT, file), 'utf8').includes(beside));
    expect(naming).toEqual([]);
  });
});
