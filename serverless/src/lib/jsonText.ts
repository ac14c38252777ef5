/**
 * Edits a JSON object's members in its text, leaving every other byte as it was. Parsing and stringifying task
 * attributes would rewrite other systems' values: `9007199254740993` becomes `…992`, `1e400` becomes `null`,
 * `-0` becomes `0`, `1.0` becomes `1`, `"\u00e9"` becomes `"é"`, and integer-like keys move to the front. So a
 * write that owns a few keys changes only those members' text. The text must be valid JSON (callers check it with
 * `JSON.parse` first); on valid JSON the scan below is exact.
 */

export interface MemberSpan {
  /** The key, decoded. */
  key: string;
  /** Where the member's key string starts. */
  start: number;
  /** Where its value starts and ends (exclusive). */
  valueStart: number;
  valueEnd: number;
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);

function skipWhitespace(text: string, at: number): number {
  let index = at;
  while (index < text.length && WHITESPACE.has(text[index])) index += 1;
  return index;
}

/** End (exclusive) of the string starting with the quote at `at`. */
function stringEnd(text: string, at: number): number {
  let index = at + 1;
  while (index < text.length && text[index] !== '"') index += text[index] === '\\' ? 2 : 1;
  return index + 1;
}

/** End (exclusive) of the value starting at `at` (no leading whitespace). Iterative: any nesting depth. */
function valueEnd(text: string, at: number): number {
  const first = text[at];
  if (first === '"') return stringEnd(text, at);
  if (first !== '{' && first !== '[') {
    let index = at;
    while (index < text.length && !WHITESPACE.has(text[index]) && text[index] !== ',' && text[index] !== '}' && text[index] !== ']') index += 1;
    return index;
  }
  let depth = 0;
  let index = at;
  while (index < text.length) {
    const char = text[index];
    if (char === '"') {
      index = stringEnd(text, index);
      continue;
    }
    if (char === '{' || char === '[') depth += 1;
    else if (char === '}' || char === ']') {
      depth -= 1;
      if (depth === 0) return index + 1;
    }
    index += 1;
  }
  return index;
}

/** The members of the object whose `{` is at `open`, in order. */
export function objectMembers(text: string, open: number): MemberSpan[] {
  const members: MemberSpan[] = [];
  let index = skipWhitespace(text, open + 1);
  while (text[index] === '"') {
    const keyEnd = stringEnd(text, index);
    const key = JSON.parse(text.slice(index, keyEnd)) as string;
    const valueStart = skipWhitespace(text, skipWhitespace(text, keyEnd) + 1); // past the colon
    const end = valueEnd(text, valueStart);
    members.push({ key, start: index, valueStart, valueEnd: end });
    index = skipWhitespace(text, end);
    if (text[index] === ',') index = skipWhitespace(text, index + 1);
  }
  return members;
}

/** Index of the top-level `{` of `text`. */
export function rootObject(text: string): number {
  return skipWhitespace(text, 0);
}

/**
 * `text` with the member `key` of the object at `open` set to `valueJson` (every occurrence, so JSON.parse's
 * last-one-wins reads it too), or added after the last member.
 */
export function setMember(text: string, open: number, key: string, valueJson: string): string {
  const members = objectMembers(text, open);
  const same = members.filter((member) => member.key === key);
  if (same.length === 0) {
    const last = members[members.length - 1];
    const member = `${JSON.stringify(key)}:${valueJson}`;
    return last === undefined ? `${text.slice(0, open + 1)}${member}${text.slice(open + 1)}` : `${text.slice(0, last.valueEnd)},${member}${text.slice(last.valueEnd)}`;
  }
  let edited = text;
  for (const member of same.reverse()) edited = `${edited.slice(0, member.valueStart)}${valueJson}${edited.slice(member.valueEnd)}`;
  return edited;
}

/** `text` without any member `key` of the object at `open` (its comma and the whitespace before the next member go too). */
export function removeMember(text: string, open: number, key: string): string {
  let edited = text;
  for (;;) {
    const members = objectMembers(edited, open);
    const index = members.findIndex((member) => member.key === key);
    if (index === -1) return edited;
    const member = members[index];
    const next = members[index + 1];
    const previous = members[index - 1];
    if (next !== undefined) edited = `${edited.slice(0, member.start)}${edited.slice(next.start)}`;
    else if (previous !== undefined) edited = `${edited.slice(0, previous.valueEnd)}${edited.slice(member.valueEnd)}`;
    else edited = `${edited.slice(0, member.start)}${edited.slice(member.valueEnd)}`;
  }
}

/** Where the value of the last member `key` of the object at `open` starts; undefined when there is none. */
export function memberValueAt(text: string, open: number, key: string): number | undefined {
  const same = objectMembers(text, open).filter((member) => member.key === key);
  return same.length === 0 ? undefined : same[same.length - 1].valueStart;
}
