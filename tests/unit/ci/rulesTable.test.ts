/**
 * @jest-environment node
 */
import * as fs from 'fs';
import * as path from 'path';

// docs/rules.md promises, rule by rule, the test that fails when the rule breaks. A cited file that moved or a
// test that was renamed leaves the rule unguarded while the table still reads as guarded: every citation must
// name a test file that exists and test names found in it.
const ROOT = path.join(__dirname, '..', '..', '..');
const RULES = fs.readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8');
// Two sections record past runs (what failed under load, what failed when a rule was broken by hand), in the
// names jest printed then: they are history, not promises about today's tests.
const HISTORY = /^## (Load:|Broken by hand)/;

/** The rules table without its records of past runs. */
function rulesNow(markdown: string): string {
  return markdown
    .split(/^(?=## )/m)
    .filter((section) => !HISTORY.test(section))
    .join('');
}

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(full);
    return /\.test\.tsx?$/.test(entry.name) ? [path.relative(ROOT, full)] : [];
  });
}
const TEST_FILES = testFiles(path.join(ROOT, 'tests'));

/** A citation is a path under tests/, or a file name the table uses when only one test file has it. */
function resolveCited(cited: string, files: readonly string[] = TEST_FILES): string | undefined {
  if (cited.startsWith('tests/')) return files.includes(cited) ? cited : undefined;
  const matches = files.filter((file) => path.basename(file) === cited);
  return matches.length === 1 ? matches[0] : undefined;
}

interface Citation {
  readonly row: string;
  readonly file: string;
  readonly names: readonly string[];
}

/**
 * Citations in the tables' rows: `` `file.test.ts` › *name*, *name…* `` or `same file › *name*` (the file cited
 * last before it, in this row or an earlier row of the same table). Names end in "…" when the citation gives only their beginning; `%s` stands for what
 * `it.each` fills in; " › " separates a describe block from its test.
 */
function citations(markdown: string): Citation[] {
  const found: Citation[] = [];
  let file = '';
  for (const row of markdown.split('\n')) {
    if (!row.startsWith('|')) {
      file = '';
      continue;
    }
    const pattern = /(?:`([^`\s]+\.test\.tsx?)`|same file)(\s*›\s*((?:\*[^*]+\*(?:\s*\([^)]*\))?(?:,\s*)?)+))?/g;
    for (const [, cited, , list] of row.matchAll(pattern)) {
      if (cited !== undefined) file = cited;
      const names = list === undefined ? [] : [...list.matchAll(/\*([^*]+)\*/g)].map(([, name]) => name);
      found.push({ row: row.slice(0, 80), file, names });
    }
  }
  return found;
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const PLACEHOLDER = /%[sdijfop#]|\$\{[^}]*\}|\$[a-zA-Z_.]+/;

/** The strings written in a test file (test and block names among them), quotes' escapes undone. */
function stringsIn(source: string): string[] {
  return [...source.matchAll(/'((?:[^'\\\n]|\\.)*)'|"((?:[^"\\\n]|\\.)*)"|`((?:[^`\\]|\\.)*)`/g)].map(([, single, double, template]) =>
    (single ?? double ?? template).replace(/\\(.)/g, '$1'),
  );
}

/**
 * Whether a cited name is one of the file's tests: written there as cited (its beginning, or a part between
 * "…"), or, for a test named by `it.each` or a template, the full name it is given (`%s` and `${…}` matching
 * any value).
 */
function namedIn(source: string, name: string): boolean {
  const strings = stringsIn(source);
  const named = name.replace(/\\`/g, '`');
  return named.split(' › ').every((part) => {
    const cut = part.replace(/^…|…$/g, '');
    const pieces = cut.split(/…|%[sdijfop#]/).map(escapeRegExp);
    const asWritten = new RegExp(pieces.join('.*?'));
    const fullName = (written: string): boolean =>
      !part.includes('…') && new RegExp(`^${written.split(PLACEHOLDER).map(escapeRegExp).join('.+?')}$`).test(part);
    return strings.some((written) => asWritten.test(written) || fullName(written));
  });
}

describe('docs/rules.md cites tests that exist', () => {
  const all = citations(rulesNow(RULES));

  it('cites tests in most rows (the table was read)', () => {
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((citation) => citation.names.length > 0).length).toBeGreaterThan(60);
  });

  it('names test files that exist, by path or by a file name only one test file has', () => {
    const missing = all.filter((citation) => resolveCited(citation.file) === undefined).map(({ row, file }) => `${file} (row: ${row})`);
    expect(missing).toEqual([]);
  });

  it('names tests that are written in the file it cites', () => {
    const missing = all.flatMap(({ file, names }) => {
      const resolved = resolveCited(file);
      if (resolved === undefined) return [];
      const source = fs.readFileSync(path.join(ROOT, resolved), 'utf8');
      return names.filter((name) => !namedIn(source, name)).map((name) => `${resolved} › ${name}`);
    });
    expect(missing).toEqual([]);
  });
});

describe('the citation reader', () => {
  it('reads a path, names after it and "same file"', () => {
    const table = '| rule | `tests/a.test.ts` › *first…*, *second %s* (4 cases); same file › *third* |\n| next | same file › *fourth* |';
    expect(citations(table).map(({ file, names }) => [file, names])).toEqual([
      ['tests/a.test.ts', ['first…', 'second %s']],
      ['tests/a.test.ts', ['third']],
      ['tests/a.test.ts', ['fourth']],
    ]);
    expect(citations('| a | `tests/a.test.ts` |\n\n| b | same file › *x* |').map(({ file }) => file)).toEqual(['tests/a.test.ts', '']);
  });

  it('leaves out the records of past runs, and only them', () => {
    const doc = '## 8. The tab\n| a | `tests/a.test.ts` |\n## Broken by hand\n| b | `tests/b.test.ts` |\n## Bugs found\n| c | `tests/c.test.ts` |\n';
    expect(citations(rulesNow(doc)).map(({ file }) => file)).toEqual(['tests/a.test.ts', 'tests/c.test.ts']);
  });

  it('refuses a moved file and a file name two test files share', () => {
    expect(resolveCited('tests/unit/views/tabOpening.test.tsx')).toBeUndefined();
    expect(resolveCited('tests/unit/flex/container/tabOpening.test.tsx')).toBe('tests/unit/flex/container/tabOpening.test.tsx');
    expect(resolveCited('x.test.ts', ['tests/a/x.test.ts', 'tests/b/x.test.ts'])).toBeUndefined();
  });

  it('finds a name by its beginning, through escapes and it.each placeholders, and not a renamed one', () => {
    const source = "it.each(cases)('a %s reservation: %s allowed = %s, by task SID', f);\nit('shows the agent\\'s verdict, read-only', f);";
    expect(namedIn(source, 'a %s reservation: %s allowed…')).toBe(true);
    expect(namedIn(source, 'a pending reservation: write allowed = false, by task SID')).toBe(true);
    expect(namedIn(source, "shows the agent's verdict…")).toBe(true);
    expect(namedIn(source, '…verdict, read-only')).toBe(true);
    expect(namedIn(source, 'a %s reservation: reading the conversation it names is allowed = %s')).toBe(false);
    expect(namedIn(source, 'a pending reservation: write refused')).toBe(false);
  });
});
