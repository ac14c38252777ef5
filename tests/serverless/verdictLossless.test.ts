/**
 * A verdict changes only the keys it owns (`polyai_verdict` and its Insights keys in `conversations`): every other
 * byte of the task attributes is written back as TaskRouter gave it, so other systems' numbers survive
 * (`9007199254740993`, `123456789012345678901`, `1e400`, `-0`, `1.0`), as do unicode escapes, whitespace and key
 * order (integer-like keys included, which a parse would move to the front).
 */
import fc from 'fast-check';
import type { StoredVerdict } from '@polyai-context/model';
import { fuzz } from '../support/fuzz';
import { DEFAULT_INSIGHTS_SLOTS } from '../../serverless/src/lib/insights';
import { memberValueAt, objectMembers, removeMember, rootObject, setMember } from '../../serverless/src/lib/jsonText';
import type { TaskRouterGateway } from '../../serverless/src/lib/taskrouter';
import { storeVerdict } from '../../serverless/src/lib/verdictStore';

const TASK = `WT${'a'.repeat(32)}`;
const AT = new Date('2026-11-30T12:00:00.000Z');

/** TaskRouter handing out `attributes` exactly and recording what is written back. */
function taskWith(attributes: string): TaskRouterGateway & { written: string[] } {
  const written: string[] = [];
  return {
    written,
    async fetchTask(sid) {
      return { sid, assignmentStatus: 'assigned', attributes, etag: '"1"' };
    },
    async updateTaskAttributes(_sid, text) {
      written.push(text);
    },
  };
}

async function saveVerdict(attributes: string, input: { verdict: 'right' | 'wrong'; reason: 'wrong_intent' | null }) {
  const task = taskWith(attributes);
  const result = await storeVerdict(task, TASK, { ...input, by: 'agent' }, { slots: DEFAULT_INSIGHTS_SLOTS, deadlineMs: 5_000, maxAttempts: 1, now: () => AT });
  expect(result.ok).toBe(true);
  expect(task.written).toHaveLength(1);
  return task.written[0];
}

const verdictJson = (stored: Omit<StoredVerdict, 'at' | 'by'>, keys: string[]) =>
  JSON.stringify({ ...stored, by: 'agent', at: AT.toISOString(), insights_keys: keys });

// Other systems' attributes as they might sit in TaskRouter: spaces, a newline, escapes, numbers JS cannot hold.
const THEIRS = [
  '{ "b": 9007199254740993, "1": 123456789012345678901,\n',
  '  "big": 1e400, "neg": -0, "one": 1.0, "tiny": -0.0e0, "name": "Jos\\u00e9 \\"{[q]}\\"", "list": [1.50, {"n": 1E+2}],\n',
  '  "conversations": {"conversation_attribute_1": 1e400, "case": "\\ud83d\\ude00"} , "z": null }',
].join('');

describe('a verdict writes back every byte it does not own', () => {
  it('first verdict: adds its members after the others, and nothing else changes', async () => {
    const written = await saveVerdict(THEIRS, { verdict: 'wrong', reason: 'wrong_intent' });
    const expected = THEIRS.replace(
      '"case": "\\ud83d\\ude00"}',
      '"case": "\\ud83d\\ude00","conversation_attribute_9":"Context wrong","conversation_attribute_10":"Wrong intent"}',
    ).replace(
      '"z": null }',
      `"z": null,"polyai_verdict":${verdictJson({ verdict: 'wrong', reason: 'wrong_intent' }, ['conversation_attribute_9', 'conversation_attribute_10'])} }`,
    );
    expect(written).toBe(expected);
    for (const token of ['9007199254740993', '123456789012345678901', '1e400', '"neg": -0', '1.0', '-0.0e0', '1E+2', '1.50', 'Jos\\u00e9', '\\ud83d\\ude00']) {
      expect(written).toContain(token);
    }
    // Key order as written: "1" is not moved before "b".
    expect(objectMembers(written, rootObject(written)).map((member) => member.key)).toEqual(['b', '1', 'big', 'neg', 'one', 'tiny', 'name', 'list', 'conversations', 'z', 'polyai_verdict']);
  });

  it('a changed verdict: replaces its own members and removes the Insights key it no longer writes, in place', async () => {
    const before = THEIRS.replace(
      '"case": "\\ud83d\\ude00"}',
      '"conversation_attribute_9":"Context wrong", "case": "\\ud83d\\ude00", "conversation_attribute_10":"Wrong intent"}',
    ).replace('"z": null }', `"polyai_verdict": ${verdictJson({ verdict: 'wrong', reason: 'wrong_intent' }, ['conversation_attribute_9', 'conversation_attribute_10'])}, "z": null }`);
    const written = await saveVerdict(before, { verdict: 'right', reason: null });
    const expected = THEIRS.replace('"case": "\\ud83d\\ude00"}', '"conversation_attribute_9":"Context right", "case": "\\ud83d\\ude00"}').replace(
      '"z": null }',
      `"polyai_verdict": ${verdictJson({ verdict: 'right', reason: null }, ['conversation_attribute_9'])}, "z": null }`,
    );
    expect(written).toBe(expected);
  });

  it('no conversations yet: adds one with only its own values', async () => {
    const written = await saveVerdict('{"n":9007199254740993}', { verdict: 'right', reason: null });
    expect(written).toBe(`{"n":9007199254740993,"conversations":{"conversation_attribute_9":"Context right"},"polyai_verdict":${verdictJson({ verdict: 'right', reason: null }, ['conversation_attribute_9'])}}`);
  });
});

describe('a conversations value that is not an object is someone else\'s', () => {
  it('is left as it is; only the verdict is added', async () => {
    const written = await saveVerdict('{"conversations":"legacy 1.0"}', { verdict: 'right', reason: null });
    expect(written).toBe(`{"conversations":"legacy 1.0","polyai_verdict":${verdictJson({ verdict: 'right', reason: null }, [])}}`);
  });
});

describe('jsonText: members found exactly, edits confined to them', () => {
  it('finds members whose strings hold quotes, braces and escapes, at any nesting, with any whitespace', () => {
    const text = ' {\t"a\\"}" : "x\\\\\\"}]" ,"b":[{"c":"]}"},[]],"":{},"d":true }';
    expect(objectMembers(text, rootObject(text)).map((member) => [member.key, text.slice(member.valueStart, member.valueEnd)])).toEqual([
      ['a"}', '"x\\\\\\"}]"'],
      ['b', '[{"c":"]}"},[]]'],
      ['', '{}'],
      ['d', 'true'],
    ]);
  });

  it('sets every duplicate of a key (JSON.parse reads the last), adds to an empty object, removes first, middle and last members', () => {
    expect(setMember('{"k":1,"x":2,"k":3}', 0, 'k', '"v"')).toBe('{"k":"v","x":2,"k":"v"}');
    expect(setMember('{ }', 0, 'k', '1')).toBe('{"k":1 }');
    expect(removeMember('{"a":1, "b":2, "c":3}', 0, 'a')).toBe('{"b":2, "c":3}');
    expect(removeMember('{"a":1, "b":2, "c":3}', 0, 'b')).toBe('{"a":1, "c":3}');
    expect(removeMember('{"a":1, "b":2, "c":3}', 0, 'c')).toBe('{"a":1, "b":2}');
    expect(removeMember('{ "a":1 }', 0, 'a')).toBe('{  }');
    expect(removeMember('{"a":1,"a":2}', 0, 'a')).toBe('{}');
    expect(memberValueAt('{"a":{},"a":{"x":1}}', 0, 'a')).toBe(12);
  });

  it('on any JSON object, compact or indented: set and remove mean what JSON.parse reads, and the text before an added member stays', () => {
    const object = fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 });
    fuzz(fc.tuple(object, fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), fc.constantFrom(undefined, 1, '\t', ' \n')), ([record, key, value, indent]) => {
      const text = JSON.stringify(record, null, indent);
      const open = rootObject(text);
      const valueJson = JSON.stringify(value);
      const set = setMember(text, open, key, valueJson);
      expect(JSON.parse(set)).toEqual({ ...JSON.parse(text), [key]: JSON.parse(valueJson) }); // as JSON holds them: -0 reads as 0
      if (!Object.prototype.hasOwnProperty.call(record, key)) expect(set.startsWith(text.slice(0, text.lastIndexOf('}')).trimEnd())).toBe(true);
      const expected = JSON.parse(text) as Record<string, unknown>;
      delete expected[key];
      expect(JSON.parse(removeMember(text, open, key))).toEqual(expected);
    }, 0.005);
  });
});
