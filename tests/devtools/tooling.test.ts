/**
 * What an admin runs says what the admin guide says, and installs and builds stay
 * quiet. (Strict CLI parsing and `npm test` leaving nothing behind are in cliArgs.test.ts.)
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string>; overrides: Record<string, string> };
const adminGuide = fs.readFileSync(path.join(ROOT, 'docs', 'admin-guide.md'), 'utf8');
const budget = JSON.parse(fs.readFileSync(path.join(ROOT, 'bundle-budget.json'), 'utf8')) as { maxRawBytes: number };

describe('admin commands and install/build noise', () => {
  it('npm run release passes the --name and --description of the admin guide\'s release command', () => {
    const documented = /twilio flex:plugins:release --plugin plugin-polyai-context@latest \\\n\s+--name "([^"]+)" --description "([^"]+)"/.exec(adminGuide);
    expect(documented).not.toBeNull();
    expect(pkg.scripts.release).toContain(`--name "${documented![1]}"`);
    expect(pkg.scripts.release).toContain(`--description "${documented![2]}"`);
  });

  it('the dependency tree is valid: no peer conflict left for npm to warn about (npm ls --all)', () => {
    const ls = spawnSync('npm', ['ls', '--all'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
    expect(ls.stderr).not.toMatch(/invalid|ERESOLVE|missing/);
    expect(ls.status).toBe(0);
    // The one conflict @twilio/flex-ui carries (date-fns ^2 beside date-fns-tz 3, whose peer is date-fns ^3),
    // settled on the last date-fns 2 (see docs/developer-guide.md, "Install and build notes").
    expect(pkg.overrides['date-fns']).toBe('2.30.0');
  });

  it('npm run build keeps the terminal and warns about size only past the reviewed budget', () => {
    expect(pkg.scripts.build).toMatch(/^PERSIST_TERMINAL=true flex-plugin build$/);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const customise = require(path.join(ROOT, 'webpack.config.js')) as (config: object) => { performance: { hints: string; maxAssetSize: number; maxEntrypointSize: number; assetFilter: (file: string) => boolean } };
    const { performance } = customise({ performance: { hints: 'warning', maxAssetSize: 250_000 }, module: { rules: [] } });
    expect(performance.hints).toBe('warning');
    expect(performance.maxAssetSize).toBe(budget.maxRawBytes);
    expect(performance.maxEntrypointSize).toBe(budget.maxRawBytes);
    expect(performance.assetFilter('plugin-polyai-context.js')).toBe(true);
    expect(performance.assetFilter('plugin-polyai-context.js.map')).toBe(false);
    // One budget, the build's own: CI's size check (and the bench, through it) reads the same file.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect((require(path.join(ROOT, 'scripts', 'check-bundle-size.js')) as { BUDGET_FILE: string }).BUDGET_FILE).toBe(path.join(ROOT, 'bundle-budget.json'));
  });

  it('npm run build compiles the workspace packages (TypeScript sources) as it compiles src/', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const customise = require(path.join(ROOT, 'webpack.config.js')) as (config: object) => { module: { rules: Array<{ oneOf?: Array<{ loader?: string; include?: unknown }> }> } };
    // The shape flex-plugin-scripts 7.1.2 builds: one `oneOf` rule whose Babel loader includes src/ only.
    const babel = { test: /\.(ts|tsx|js)$/, include: path.join(ROOT, 'src'), loader: require.resolve('babel-loader') };
    const image = { test: [/\.png$/], loader: 'url-loader' };
    const { module } = customise({ performance: {}, module: { rules: [{ parser: { requireEnsure: false } }, { oneOf: [image, babel] }] } });
    const [compiled, untouched] = [module.rules[1].oneOf?.[1], module.rules[1].oneOf?.[0]];
    expect(compiled?.include).toEqual([path.join(ROOT, 'src'), path.join(ROOT, 'packages')]);
    expect(untouched).toBe(image);
  });
});
