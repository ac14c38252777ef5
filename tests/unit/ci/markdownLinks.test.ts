/**
 * @jest-environment node
 */
import * as fs from 'fs';
import * as path from 'path';

// The README is the front door and docs/ the guides behind it: every relative link between them, and every
// `#anchor` into one of them, must land on a file or heading that exists, and the README stays one short page.
const ROOT = path.join(__dirname, '..', '..', '..');
const DOCS = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).filter((file) => file.endsWith('.md')).map((file) => `docs/${file}`)];

/** GitHub's heading anchors: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const [, heading] of withoutFences(markdown).matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

/** Fenced code blocks carry examples, not headings or links. */
function withoutFences(markdown: string): string {
  return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1\s*$/gm, '');
}

/** Neither does inline code. */
function withoutCode(markdown: string): string {
  return withoutFences(markdown).replace(/`[^`\n]*`/g, '``');
}

/** Every link target in a Markdown text: inline links and images, and reference definitions. */
function linkTargets(markdown: string): string[] {
  const text = withoutCode(markdown);
  const inline = [...text.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map(([, target]) => target);
  const references = [...text.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+.*)?$/gm)].map(([, target]) => target);
  return [...inline, ...references];
}

/** What is wrong with one relative link from `from` (a repository path), or null when it resolves. */
function brokenLink(from: string, target: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return null; // https:, mailto: …
  const [file, anchor] = target.split('#', 2);
  const resolved = file === '' ? path.join(ROOT, from) : path.join(ROOT, path.dirname(from), decodeURIComponent(file));
  if (!resolved.startsWith(ROOT + path.sep)) return `${from}: ${target} leaves the repository`;
  if (!fs.existsSync(resolved)) return `${from}: ${target} does not exist`;
  if (anchor !== undefined && resolved.endsWith('.md') && !headingAnchors(fs.readFileSync(resolved, 'utf8')).has(anchor)) {
    return `${from}: ${target} names no heading of ${path.relative(ROOT, resolved)}`;
  }
  return null;
}

describe('the documentation house', () => {
  it('reads links and anchors as GitHub does (so the check can fail)', () => {
    expect(linkTargets('see [guide](docs/admin-guide.md#1-functions) and ![shot](a.png "t"), not `[x](y.md)`\n\n[ref]: docs/x.md')).toEqual([
      'docs/admin-guide.md#1-functions',
      'a.png',
      'docs/x.md',
    ]);
    expect(linkTargets('```sh\n[x](nowhere.md)\n```\n')).toEqual([]);
    expect([...headingAnchors('# A guide\n## 1. Functions: `serverless/` first\n## Roll back\n## Roll back\n```\n# not a heading\n```')]).toEqual([
      'a-guide',
      '1-functions-serverless-first',
      'roll-back',
      'roll-back-1',
    ]);
    expect(brokenLink('README.md', 'docs/no-such-guide.md')).toBe('README.md: docs/no-such-guide.md does not exist');
    expect(brokenLink('README.md', '#no-such-heading')).toBe('README.md: #no-such-heading names no heading of README.md');
    expect(brokenLink('docs/x.md', '../../outside.md')).toBe('docs/x.md: ../../outside.md leaves the repository');
    expect(brokenLink('docs/x.md', '../README.md')).toBeNull();
    expect(brokenLink('README.md', 'https://www.twilio.com/docs/no-such-page')).toBeNull();
  });

  it('every relative link in README.md and docs/*.md lands on an existing file (and heading)', () => {
    expect(DOCS.length).toBeGreaterThan(3);
    const broken = DOCS.flatMap((doc) => linkTargets(fs.readFileSync(path.join(ROOT, doc), 'utf8')).map((target) => brokenLink(doc, target)));
    expect(broken.filter((problem) => problem !== null)).toEqual([]);
  });

  it('every `npm run` a guide names is a script of the package it runs in (the root, or serverless/ by --prefix)', () => {
    const scripts = (dir: string) => Object.keys((JSON.parse(fs.readFileSync(path.join(ROOT, dir, 'package.json'), 'utf8')) as { scripts: object }).scripts);
    const known = { root: scripts('.'), serverless: scripts('serverless') };
    const unknown = DOCS.flatMap((doc) =>
      [...fs.readFileSync(path.join(ROOT, doc), 'utf8').matchAll(/npm (--prefix serverless )?run (?:--silent )?([a-z][a-z:_-]*[a-z])/g)]
        .filter(([, prefix, script]) => !known[prefix ? 'serverless' : 'root'].includes(script))
        .map(([command]) => `${doc}: ${command}`),
    );
    expect(known.root).toContain('deploy');
    expect(known.serverless).not.toContain('release'); // the trap this guards: `npm run release` in serverless/
    expect(unknown).toEqual([]);
  });

  it('the README is a front door: at most 250 lines, none wider than 120 characters', () => {
    const lines = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8').trimEnd().split('\n');
    expect(lines.length).toBeLessThanOrEqual(250);
    expect(lines.map((line, index) => ({ line: index + 1, width: [...line].length })).filter(({ width }) => width > 120)).toEqual([]);
  });
});
