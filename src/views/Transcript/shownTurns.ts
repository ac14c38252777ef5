import { turnMasker, type ConversationTurn, type ConversationTurns } from '@polyai-context/model';

/**
 * The call's turns as shown, each masked and presented the first time something asks for it: a row coming
 * into view, a search starting, "Copy all". Masking reads one turn at a time (its own entities, the
 * handoff's sensitive values), so a turn masked late is masked exactly as one masked up front; a 10,000-turn
 * call opens with only its shown rows masked.
 */
export interface ShownTurns {
  count: number;
  /** The turn with its sensitive values masked, or null when it carries none (nothing to reveal). */
  masked: (index: number) => ConversationTurn | null;
  /** The turn as the agent sees it: masked unless revealed, badges presented; undefined outside the turns. */
  at: (index: number) => ConversationTurn | undefined;
  /** Every turn as shown, in order. */
  all: () => ConversationTurn[];
}

/**
 * The loaded rows in their places in the whole call, when the `count` rows before them were left out: row
 * `count + i` is loaded row `i`, those before are not here (undefined). A reveal or a measured height keyed by
 * that place is the same row's once the whole call arrives.
 */
export function afterEarlier(turns: ConversationTurns, count: number): ConversationTurns {
  if (count === 0) return turns;
  return { length: count + turns.length, at: (index) => (index < count ? undefined : turns.at(index - count)) };
}

/** Masking, per turn, once: shared by every presentation of the same loaded turns and mask settings. */
export function lazyMasks(turns: ConversationTurns, patterns: readonly RegExp[], sensitiveValues: readonly string[]): (index: number) => ConversationTurn | null {
  const mask = turnMasker(patterns, sensitiveValues);
  return onceEach(turns.length, (index) => {
    const turn = turns.at(index);
    return turn === undefined ? null : mask(turn);
  });
}

/** `compute` for each index at most once, when first asked for (an `undefined` result is computed again). */
function onceEach<T>(length: number, compute: (index: number) => T): (index: number) => T {
  const cache: Array<T | undefined> = new Array(length);
  return (index) => {
    let value = cache[index];
    if (value === undefined) {
      value = compute(index);
      cache[index] = value;
    }
    return value;
  };
}

/** `present`: the turn as the rest of the tab words it (labels, formatted values); applied after masking. */
export function shownTurns(
  turns: ConversationTurns,
  masked: (index: number) => ConversationTurn | null,
  revealed: ReadonlySet<number>,
  present: (turn: ConversationTurn) => ConversationTurn,
): ShownTurns {
  const at = onceEach(turns.length, (index) => {
    const turn = (revealed.has(index) ? null : masked(index)) ?? turns.at(index);
    return turn === undefined ? undefined : present(turn);
  });
  const all = () => {
    const every: ConversationTurn[] = [];
    for (let index = 0; index < turns.length; index += 1) {
      const turn = at(index);
      if (turn !== undefined) every.push(turn);
    }
    return every;
  };
  return { count: turns.length, masked, at, all };
}

/** Idle time left in a callback below which warming stops for that callback. */
const IDLE_SLACK_MS = 2;

/**
 * Masks and presents every turn in the browser's idle time, a few at a time, so that the first search (which
 * reads every turn as shown) finds them ready instead of doing it all while the agent waits. Returns how to
 * stop; where the browser has no idle callbacks, nothing is warmed.
 */
export function warmInIdleTime(turns: ShownTurns): () => void {
  if (typeof requestIdleCallback === 'undefined') return () => undefined;
  let next = 0;
  let handle = 0;
  const warm = (deadline: IdleDeadline) => {
    while (next < turns.count && deadline.timeRemaining() > IDLE_SLACK_MS) {
      turns.at(next);
      next += 1;
    }
    if (next < turns.count) handle = requestIdleCallback(warm);
  };
  handle = requestIdleCallback(warm);
  return () => cancelIdleCallback(handle);
}
