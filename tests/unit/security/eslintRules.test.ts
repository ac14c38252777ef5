/**
 * @jest-environment node
 */
import { spawnSync } from 'child_process';
import * as path from 'path';

// The lint rules that keep markup and eval out of the plugin, proven to fire on a probe file. ESLint 9
// loads its flat config through ESM import(), so it runs in a child process rather than inside jest.
const ROOT = path.join(__dirname, '..', '..', '..');
const PROBE = [
  /* 1 */ "import React from 'react';",
  /* 2 */ 'export function Probe({ html }: { html: string }): JSX.Element {',
  /* 3 */ '  const element = document.createElement("div");',
  /* 4 */ '  element.innerHTML = html;',
  /* 5 */ '  element.insertAdjacentHTML("beforeend", html);',
  /* 6 */ '  document.write(html);',
  /* 7 */ '  eval(html);',
  /* 8 */ '  const run = new Function(html);',
  /* 9 */ '  setTimeout("run()", 10);',
  /* 10 */ '  setInterval(html + "", 10);',
  /* 11 */ '  window.setTimeout(`${html}`, 10);',
  /* 12 */ '  const link = "javascript:void(0)";',
  /* 13 */ '  return <div dangerouslySetInnerHTML={{ __html: html }} data-run={run} data-link={link} />;',
  /* 14 */ '}',
].join('\n');

interface LintMessage {
  ruleId: string | null;
  line: number;
}

function lintProbe(): LintMessage[] {
  const eslint = path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js');
  const run = spawnSync(process.execPath, [eslint, '--stdin', '--stdin-filename', 'src/views/SecurityProbe.tsx', '--format', 'json'], {
    cwd: ROOT,
    input: PROBE,
    encoding: 'utf8',
  });
  expect(run.stdout).not.toBe('');
  const [result] = JSON.parse(run.stdout) as Array<{ messages: LintMessage[] }>;
  return result.messages;
}

describe('ESLint security rules', () => {
  const messages = lintProbe();
  const firedAt = (ruleId: string) => messages.filter((message) => message.ruleId === ruleId).map((message) => message.line);

  it.each([
    ['no-restricted-properties', [4, 5, 6]],
    ['no-eval', [7]],
    ['no-new-func', [8]],
    ['no-implied-eval', [9, 10, 11]],
    ['no-script-url', [12]],
    ['no-restricted-syntax', [13]],
  ])('%s fires on lines %j of the probe', (ruleId, lines) => {
    expect(firedAt(ruleId)).toEqual(lines);
  });
});
