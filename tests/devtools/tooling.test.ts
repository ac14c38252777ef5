/**
 * What an admin runs says what the admin guide says, and installs and builds stay
 * quiet. (Strict CLI parsing and `npm test` leaving nothing behind are in cliArgs.test.ts.)
 */
import * as babel from '@babel/core';
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
    const { performance } = customise({ performance: { hints: 'warning', maxAssetSize: 250_000 }, module: { rules: [] }, optimization: { minimizer: [] } });
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
    const { compiled, untouched, image } = customisedBabelRule();
    expect(compiled.include).toEqual([path.join(ROOT, 'src'), path.join(ROOT, 'packages')]);
    expect(untouched).toBe(image);
  });

  it('npm run build keeps template literals, destructuring and default parameters as written for the browserslist targets', () => {
    const source = "export function f({ a = 1, ...rest }, [b, c] = [], d = 2) { return `${a}:${b}:${c}:${d}:${rest.x?.y ?? 'none'}`; }";
    const compile = (options: object) => withBabelEnv('production', () => babel.transformSync(source, { ...options, filename: path.join(ROOT, 'src', 'probe.ts'), cwd: ROOT })?.code ?? '');
    const { compiled, flexOptions } = customisedBabelRule();
    const ours = compile(compiled.options);
    expect(ours).toMatch(/function f\(\{\s*a = 1,\s*\.\.\.rest\s*\}, \[b, c\] = \[\], d = 2\)/);
    expect(ours).toContain('`${a}:${b}:${c}:${d}:${');
    expect(ours).not.toMatch(/slicedToArray|objectWithoutProperties|\.concat\(|void 0 \?|=== null \|\|/);
    // `?.` and `??` are still compiled (webpack 4's parser reads neither), as shorter `== null` tests.
    expect(ours).toMatch(/== null \? void 0 : _rest\$x\.y\) != null/);
    // What flex-plugin-scripts' own options make of the same source, for the same browsers: ES5 and helpers.
    const theirs = compile(flexOptions);
    expect(theirs).toMatch(/slicedToArray/);
    expect(theirs).toContain('"".concat(a');
  });

  it('npm run build minifies with flex-plugin-scripts\' Terser, a second compress pass and only capitalised function names kept, and the bench\'s Paste floor the same way', async () => {
    const terserPlugin = require.resolve('terser-webpack-plugin', { paths: [require.resolve('@twilio/flex-plugin-webpack')] });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const TerserPlugin = require(terserPlugin) as new (options: object) => TerserInstance;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const terser = require(require.resolve('terser', { paths: [terserPlugin] })) as { minify: (code: string, options: object) => Promise<{ code?: string }> };
    // What flex-plugin-scripts 7.1.2 sets (its webpack config's _getOptimization).
    const terserOptions = { parse: { ecma: 8 }, compress: { ecma: 5, warnings: false, comparisons: false, inline: 2 }, mangle: { safari10: true }, keep_classnames: true, keep_fnames: true, output: { ecma: 5, comments: false, ascii_only: true } };
    const flexOptimization = () => ({ splitChunks: false, minimize: true, minimizer: [new TerserPlugin({ terserOptions, sourceMap: true })] });
    const source = 'export function TurnRow(row) { return readTurn(row) + readTurn(row.next); } function readTurn(row) { return String(row.text) + TurnRow.name; }';
    for (const config of ['webpack.config.js', 'bench/fixtures/paste-floor-plugin/webpack.config.js']) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const customise = require(path.join(ROOT, config)) as (config: object) => { optimization: { splitChunks: boolean; minimizer: TerserInstance[] } };
      const { optimization } = customise({ performance: {}, module: { rules: [] }, optimization: flexOptimization() });
      expect(optimization.splitChunks).toBe(false);
      expect(optimization.minimizer).toHaveLength(1);
      expect(optimization.minimizer[0]).toBeInstanceOf(TerserPlugin);
      const { keep_fnames: keptNames, ...rest } = optimization.minimizer[0].options.terserOptions as typeof terserOptions & { keep_fnames: unknown };
      expect(optimization.minimizer[0].options.sourceMap).toBe(true);
      expect(rest).toEqual({ ...terserOptions, keep_fnames: undefined, compress: { ...terserOptions.compress, passes: 2 } } as object);
      const minified = (await terser.minify(source, { ...rest, keep_fnames: keptNames, module: true })).code ?? '';
      // A component's name stays for React's component stacks (and fault reports); a helper's is shortened.
      expect(minified).toMatch(/function TurnRow\(/);
      expect(minified).not.toContain('readTurn');
    }
  });
});

/** The Babel rule flex-plugin-scripts 7.1.2 builds (one `oneOf` rule, src/ only), before and after webpack.config.js. */
function customisedBabelRule() {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const customise = require(path.join(ROOT, 'webpack.config.js')) as (config: object) => { module: { rules: Array<{ oneOf?: Array<BabelRule> }> } };
  const reactAppPreset = require.resolve('babel-preset-react-app', { paths: [require.resolve('@twilio/flex-plugin-webpack')] });
  const flexOptions = { babelrc: false, configFile: false, presets: [reactAppPreset] };
  const rule = { test: /\.(ts|tsx|js)$/, include: path.join(ROOT, 'src'), loader: require.resolve('babel-loader'), options: flexOptions };
  const image = { test: [/\.png$/], loader: 'url-loader' };
  const { module } = customise({ performance: {}, module: { rules: [{ parser: { requireEnsure: false } }, { oneOf: [image, rule] }] }, optimization: { minimizer: [] } });
  const [untouched, compiled] = module.rules[1].oneOf ?? [];
  return { compiled: compiled as BabelRule & { options: babel.TransformOptions }, untouched, image, flexOptions };
}

interface TerserInstance {
  options: { sourceMap?: boolean; terserOptions: object };
}

interface BabelRule {
  include?: unknown;
  options?: babel.TransformOptions;
}

/** babel-preset-react-app reads its mode from BABEL_ENV (jest sets NODE_ENV=test). */
function withBabelEnv<T>(env: string, run: () => T): T {
  const saved = process.env.BABEL_ENV;
  process.env.BABEL_ENV = env;
  try {
    return run();
  } finally {
    if (saved === undefined) delete process.env.BABEL_ENV;
    else process.env.BABEL_ENV = saved;
  }
}
