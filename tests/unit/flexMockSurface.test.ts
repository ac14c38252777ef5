/**
 * The jest stand-in for `@twilio/flex-ui` (tests/__mocks__) may only offer what the real 2.17.1 package
 * offers: checked by the compiler (`npm run typecheck` resolves `@twilio/flex-ui` to the real types) and
 * here against the real package's own declaration files.
 */
import * as fs from 'fs';
import * as path from 'path';
import type * as RealFlex from '@twilio/flex-ui';

import * as MockFlex from '../__mocks__/@twilio/flex-ui';

/** The mock's test-only helpers: not part of Flex's surface. */
const TEST_ONLY = ['TaskContextProvider', 'mockFlexState', 'RecordedFragment', 'resetFlex'] as const;
type MockSurface = Exclude<keyof typeof MockFlex, (typeof TEST_ONLY)[number]>;

// Compile-time: every mock export the plugin can import exists in the real package.
const surfaceExistsInRealFlex: MockSurface extends keyof typeof RealFlex ? true : false = true;
// And the registration APIs the plugin calls take the arguments the mock records.
type ContentAdd = (typeof RealFlex)['TaskCanvasTabs']['Content']['add'];
const contentAddTakesElementAndOptions: Parameters<ContentAdd> extends [unknown, unknown?] ? true : false = true;

function declarationFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.d.ts')).map((file) => path.join(dir, file));
}

describe('the @twilio/flex-ui jest mock', () => {
  it('offers only names the real package declares', () => {
    expect(surfaceExistsInRealFlex && contentAddTakesElementAndOptions).toBe(true);
    const real = path.join(path.dirname(require.resolve('@twilio/flex-ui/package.json')), 'src');
    const declarations = declarationFiles(real).map((file) => fs.readFileSync(file, 'utf8')).join('\n');
    const names = Object.keys(MockFlex).filter((name) => !(TEST_ONLY as readonly string[]).includes(name));
    expect(names.length).toBeGreaterThan(8);
    const missing = names.filter((name) => !new RegExp(`export (declare )?(const|class|function|type|interface|enum) ${name}\\b|export \\{[^}]*\\b${name}\\b`).test(declarations));
    expect(missing).toEqual([]);
  });
});
