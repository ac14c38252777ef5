import * as model from '@polyai-context/model';
import { compileMaskPatterns, DEFAULT_MASK_PATTERNS, type ConversationTurn } from '@polyai-context/model';
import { lazyMasks, shownTurns, warmInIdleTime } from '../../../src/views/Transcript/shownTurns';

const patterns = compileMaskPatterns(DEFAULT_MASK_PATTERNS);
const turn = (index: number, text: string, entities: ConversationTurn['entities'] = []): ConversationTurn => ({
  index,
  speaker: 'caller',
  text,
  dtmf: null,
  translation: null,
  time: null,
  intents: [],
  entities,
  silence: false,
  outOfDomain: false,
});

const call = [turn(0, 'hello'), turn(1, 'my pin is 1234', [{ name: 'pin', values: ['1234'] }]), turn(2, 'card 4111111111111111 please')];
const upper = (shown: ConversationTurn) => ({ ...shown, text: shown.text.toUpperCase() });

describe('turns as shown, masked when first asked for', () => {
  it('masks each turn as maskTurn does, presents it after masking, and shows a revealed turn as said', () => {
    const masked = lazyMasks(call, patterns, ['4111111111111111']);
    const shown = shownTurns(call, masked, new Set([2]), upper);
    expect(shown.count).toBe(3);
    expect(shown.at(1)?.text).toBe('MY PIN IS ••••••••');
    expect(shown.at(1)?.entities).toEqual([{ name: 'pin', values: ['••••••••'] }]);
    expect(shown.at(2)?.text).toBe('CARD 4111111111111111 PLEASE');
    expect(shown.masked(2)?.text).toBe('card •••••••• please');
    expect(shown.masked(0)).toBeNull();
    expect(shown.all().map((each) => each.text)).toEqual(['HELLO', 'MY PIN IS ••••••••', 'CARD 4111111111111111 PLEASE']);
  });

  it('masks only the turns asked for, each once, however often they are shown', () => {
    const asked: number[] = [];
    const realMasker = model.turnMasker;
    const turnMasker = jest.spyOn(model, 'turnMasker').mockImplementation((...args) => {
      const mask = realMasker(...args);
      return (each) => {
        asked.push(each.index);
        return mask(each);
      };
    });
    try {
      const masked = lazyMasks(call, patterns, []);
      const shown = shownTurns(call, masked, new Set(), (each) => each);
      expect(asked).toEqual([]);
      shown.at(1);
      shown.at(1);
      expect(asked).toEqual([1]);
      // A new presentation (a reveal, another language) reuses the masking done; a revealed turn needs none to show.
      shownTurns(call, masked, new Set([0]), upper).all();
      expect(asked).toEqual([1, 2]);
    } finally {
      turnMasker.mockRestore();
    }
  });
});

describe('warming the turns in idle time', () => {
  /** A browser's idle callbacks, run by hand: each gets `budget` ms, measured as one ms per turn asked for. */
  function idleScheduler(budget: number) {
    const queue = new Map<number, IdleRequestCallback>();
    let id = 0;
    let asked = 0;
    globalThis.requestIdleCallback = (callback) => {
      id += 1;
      queue.set(id, callback);
      return id;
    };
    globalThis.cancelIdleCallback = (handle) => queue.delete(handle);
    return {
      count: (turns: ReturnType<typeof shownTurns>) => ({ ...turns, at: (index: number) => ((asked += 1), turns.at(index)) }),
      asked: () => asked,
      runOne: () => {
        const [[handle, callback]] = queue;
        queue.delete(handle);
        const start = asked;
        callback({ didTimeout: false, timeRemaining: () => budget - (asked - start) });
      },
      pending: () => queue.size,
    };
  }
  afterEach(() => {
    delete (globalThis as Partial<typeof globalThis>).requestIdleCallback;
    delete (globalThis as Partial<typeof globalThis>).cancelIdleCallback;
  });

  const long = Array.from({ length: 10 }, (_, index) => turn(index, `turn ${index}`));

  it('shows every turn a few at a time, as idle time allows, then stops asking', () => {
    const idle = idleScheduler(5);
    warmInIdleTime(idle.count(shownTurns(long, lazyMasks(long, patterns, []), new Set(), (each) => each)));
    idle.runOne();
    // Three turns while more than 2 ms of idle time were left, then a new callback for the rest.
    expect(idle.asked()).toBe(3);
    while (idle.pending() > 0) idle.runOne();
    expect(idle.asked()).toBe(10);
  });

  it('stops when the transcript goes away or changes', () => {
    const idle = idleScheduler(5);
    const stop = warmInIdleTime(idle.count(shownTurns(long, lazyMasks(long, patterns, []), new Set(), (each) => each)));
    idle.runOne();
    stop();
    expect(idle.pending()).toBe(0);
    expect(idle.asked()).toBe(3);
  });
});
