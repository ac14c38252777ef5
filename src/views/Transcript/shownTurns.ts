import { turnMasker, type ConversationTurn } from '@polyai-context/model';

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
  /** The turn as the agent sees it: masked unless revealed, badges presented. */
  at: (index: number) => ConversationTurn;
  /** Every turn as shown, in order. */
  all: () => ConversationTurn[];
}

/** Masking, per turn, once: shared by every presentation of the same loaded turns and mask settings. */
export function lazyMasks(turns: readonly ConversationTurn[], patterns: readonly RegExp[], sensitiveValues: readonly string[]): (index: number) => ConversationTurn | null {
  const cache: Array<ConversationTurn | null | undefined> = new Array(turns.length);
  const mask = turnMasker(patterns, sensitiveValues);
  return (index) => {
    let masked = cache[index];
    if (masked === undefined) {
      masked = mask(turns[index]);
      cache[index] = masked;
    }
    return masked;
  };
}

/** `present`: the turn as the rest of the tab words it (labels, formatted values); applied after masking. */
export function shownTurns(
  turns: readonly ConversationTurn[],
  masked: (index: number) => ConversationTurn | null,
  revealed: ReadonlySet<number>,
  present: (turn: ConversationTurn) => ConversationTurn,
): ShownTurns {
  const cache: Array<ConversationTurn | undefined> = new Array(turns.length);
  const at = (index: number) => {
    let shown = cache[index];
    if (shown === undefined) {
      const hidden = revealed.has(index) ? null : masked(index);
      shown = present(hidden ?? turns[index]);
      cache[index] = shown;
    }
    return shown;
  };
  return { count: turns.length, masked, at, all: () => turns.map((_, index) => at(index)) };
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
