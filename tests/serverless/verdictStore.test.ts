/**
 * lib/verdictStore on its own, against a scripted TaskRouter gateway: the 4,096-character limit at its exact edge,
 * which earlier Insights keys count as ours, the deadline and attempt bounds, and each failure's status and text.
 */
import type { StoredVerdict } from '@polyai-context/model';
import { DEFAULT_INSIGHTS_SLOTS, INSIGHTS_FIELDS, MAX_TASK_ATTRIBUTES_CHARS, type InsightsSlots } from '../../serverless/src/lib/insights';
import { TaskRouterError, type TaskRouterGateway, type TaskSnapshot } from '../../serverless/src/lib/taskrouter';
import { attributesWithVerdict, OUT_OF_TIME, storeVerdict, within } from '../../serverless/src/lib/verdictStore';

const TASK = `WT${'a'.repeat(32)}`;
const STORED: StoredVerdict = { verdict: 'wrong', reason: 'wrong_intent', by: 'agent', at: '2026-11-30T12:00:00.000Z' };
const NO_SLOTS = Object.fromEntries(INSIGHTS_FIELDS.map((field) => [field, null])) as InsightsSlots;
const INPUT = { verdict: 'right' as const, reason: null, by: 'agent' as const };

interface Script {
  status?: string;
  attributes?: string;
  /** Called on each fetch (e.g. to move the clock); may throw or never answer. */
  onFetch?: () => Promise<void> | void;
  update?: () => Promise<void>;
}

function gateway(script: Script = {}): TaskRouterGateway & { updates: string[]; fetches: number } {
  const updates: string[] = [];
  let fetches = 0;
  return {
    updates,
    get fetches() {
      return fetches;
    },
    async fetchTask(sid): Promise<TaskSnapshot> {
      fetches += 1;
      await script.onFetch?.();
      return { sid, assignmentStatus: script.status ?? 'assigned', attributes: script.attributes ?? '{"type":"inbound"}', etag: `"${fetches}"` };
    },
    async updateTaskAttributes(_sid, attributes) {
      if (script.update) return script.update();
      updates.push(attributes);
    },
  };
}

/** The verdict merged into `attributes` written as compact JSON, as most writers send them. */
const merged = (attributes: Record<string, unknown>, slots: InsightsSlots) => attributesWithVerdict(JSON.stringify(attributes), attributes, STORED, slots);
const options = (extra: Partial<Parameters<typeof storeVerdict>[3]> = {}) => ({ slots: DEFAULT_INSIGHTS_SLOTS, deadlineMs: 5_000, maxAttempts: 4, ...extra });
const conflict = async () => {
  throw new TaskRouterError(412);
};

afterEach(() => {
  jest.restoreAllMocks();
  jest.useRealTimers();
});

describe('attributesWithVerdict: the 4,096-character limit', () => {
  /** Attributes whose merged result is exactly `target` characters long with the given slots. */
  function paddedTo(target: number, slots: InsightsSlots): Record<string, unknown> {
    const probe = merged({ pad: '' }, slots);
    const length = JSON.stringify(probe?.attributes).length;
    return { pad: 'x'.repeat(target - length) };
  }

  it('keeps the Insights values when the result is exactly at the limit', () => {
    const next = merged(paddedTo(MAX_TASK_ATTRIBUTES_CHARS, DEFAULT_INSIGHTS_SLOTS), DEFAULT_INSIGHTS_SLOTS);
    expect(JSON.stringify(next?.attributes).length).toBe(MAX_TASK_ATTRIBUTES_CHARS);
    expect(next?.insights).toBe(true);
  });

  it('one character over drops the Insights values and keeps the bare verdict with no keys', () => {
    const next = merged(paddedTo(MAX_TASK_ATTRIBUTES_CHARS + 1, DEFAULT_INSIGHTS_SLOTS), DEFAULT_INSIGHTS_SLOTS);
    expect(next?.insights).toBe(false);
    expect(next?.attributes).not.toHaveProperty('conversations');
    expect(next?.attributes.polyai_verdict).toEqual({ ...STORED, insights_keys: [] });
  });

  it('reports no Insights when no value was written (no slots)', () => {
    const next = merged({ type: 'inbound' }, NO_SLOTS);
    const attributes = { type: 'inbound', polyai_verdict: { ...STORED, insights_keys: [] } };
    expect(next).toEqual({ text: JSON.stringify(attributes), attributes, insights: false });
  });

  it('refuses the bare verdict when even it does not fit', () => {
    expect(merged(paddedTo(MAX_TASK_ATTRIBUTES_CHARS + 200, NO_SLOTS), NO_SLOTS)).toBeNull();
  });
});

describe('attributesWithVerdict: which earlier keys are ours', () => {
  it('removes only string keys of at most 40 characters, the first ten, that an earlier verdict listed', () => {
    const forty = 'k'.repeat(40);
    const fortyOne = 'k'.repeat(41);
    const tenth = Array.from({ length: 9 }, (_, i) => `own_${i}`);
    const conversations = { [forty]: 'mine', [fortyOne]: 'theirs', x: 'theirs', ...Object.fromEntries(tenth.map((key) => [key, 'mine'])), eleventh: 'theirs' };
    const attributes = { conversations, polyai_verdict: { ...STORED, insights_keys: [['x'], 7, fortyOne, forty, ...tenth, 'eleventh'] } };
    const next = merged(attributes, NO_SLOTS);
    expect(next?.attributes.conversations).toEqual({ [fortyOne]: 'theirs', x: 'theirs', eleventh: 'theirs' });
  });

  it('owns nothing when the earlier verdict has no key list', () => {
    const attributes = { conversations: { 'Stryker was here': 'theirs' }, polyai_verdict: { ...STORED } };
    expect(merged(attributes, NO_SLOTS)?.attributes.conversations).toEqual({ 'Stryker was here': 'theirs' });
  });
});

describe('storeVerdict: failures and their texts', () => {
  it.each(['completed', 'canceled'])('refuses a %s task with 409', async (status) => {
    const result = await storeVerdict(gateway({ status }), TASK, INPUT, options());
    expect(result).toEqual({ ok: false, status: 409, message: 'The task is already completed: its verdict can no longer change.', attempts: 1 });
  });

  it('answers 502 when the attributes are not a JSON object', async () => {
    const result = await storeVerdict(gateway({ attributes: '[1]' }), TASK, INPUT, options());
    expect(result).toEqual({ ok: false, status: 502, message: 'The task attributes are not a JSON object.', attempts: 1 });
  });

  it('answers 413 naming the limit when the attributes are full', async () => {
    const result = await storeVerdict(gateway({ attributes: JSON.stringify({ pad: 'x'.repeat(MAX_TASK_ATTRIBUTES_CHARS) }) }), TASK, INPUT, options());
    expect(result).toEqual({ ok: false, status: 413, message: 'The task attributes are full (TaskRouter allows 4096 characters): the verdict was not stored.', attempts: 1 });
  });

  it('stops at the first non-conflict TaskRouter error and names its status', async () => {
    const store = gateway({ update: async () => Promise.reject(new TaskRouterError(500)) });
    const result = await storeVerdict(store, TASK, INPUT, options());
    expect(result).toEqual({ ok: false, status: 502, message: 'TaskRouter refused the update (500).', attempts: 1 });
    expect(store.fetches).toBe(1);
  });

  it('treats a 412-looking error that is not TaskRouter\'s as a failure, not a conflict', async () => {
    const result = await storeVerdict(gateway({ update: async () => Promise.reject(Object.assign(new Error('x'), { status: 412 })) }), TASK, INPUT, options());
    expect(result).toEqual({ ok: false, status: 502, message: 'TaskRouter refused the update (502).', attempts: 1 });
  });

  it('answers 404 when the task is gone', async () => {
    const result = await storeVerdict(gateway({ onFetch: () => Promise.reject(new TaskRouterError(404)) }), TASK, INPUT, options());
    expect(result).toEqual({ ok: false, status: 404, message: 'The task no longer exists.', attempts: 1 });
  });

  it('answers 504 when TaskRouter does not answer within the deadline', async () => {
    const result = await storeVerdict(gateway({ onFetch: () => new Promise<void>(() => undefined) }), TASK, INPUT, options({ deadlineMs: 20 }));
    expect(result).toEqual({ ok: false, status: 504, message: 'TaskRouter did not answer in time: the verdict may not be stored.', attempts: 1 });
  });
});

describe('storeVerdict: deadline and attempts', () => {
  /** A clock that moves `step` ms on every fetch. */
  function steppingClock(step: number) {
    let now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    return () => {
      now += step;
    };
  }

  it('stops retrying conflicts once the deadline has passed', async () => {
    const store = gateway({ onFetch: steppingClock(600), update: conflict });
    const result = await storeVerdict(store, TASK, INPUT, options({ deadlineMs: 1_000, maxAttempts: 5 }));
    expect(result).toMatchObject({ ok: false, status: 409, message: 'The task kept changing while the verdict was saved: try again.', attempts: 2 });
  });

  it('does not start an attempt with exactly no time left', async () => {
    const store = gateway({ onFetch: steppingClock(500), update: conflict });
    const result = await storeVerdict(store, TASK, INPUT, options({ deadlineMs: 1_000, maxAttempts: 5 }));
    expect(result).toMatchObject({ status: 409, attempts: 2 });
  });
});

describe('within', () => {
  it('rejects with TaskRouterError(504) once the time has passed', async () => {
    await expect(within(10, new Promise(() => undefined))).rejects.toMatchObject({ status: 504 });
  });

  it('lets an answer that comes in time through', async () => {
    await expect(within(200, new Promise((resolve) => setTimeout(() => resolve('ok'), 5)))).resolves.toBe('ok');
  });

  it('leaves no timer behind once the promise settles', async () => {
    jest.useFakeTimers();
    await expect(within(60_000, Promise.resolve('ok'))).resolves.toBe('ok');
    expect(jest.getTimerCount()).toBe(0);
  });
});

describe('storeVerdict: says what happened', () => {
  it('with no time left at all it answers 504 "not saved", never that the task kept changing', async () => {
    const store = gateway({ update: conflict });
    const result = await storeVerdict(store, TASK, INPUT, options({ deadlineMs: 0, maxAttempts: 4 }));
    expect(result).toEqual({ ok: false, status: 504, message: OUT_OF_TIME, attempts: 0 });
  });
});
