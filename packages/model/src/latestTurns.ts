/**
 * A long call's transcript, latest turns first: the `polyai-conversation` Function answers the tab's first request
 * with PolyAI's body cut to the turns that make the transcript's last rows, and says how many rows the call has
 * in all; the tab asks for the whole call only when the agent needs what was left out. Where PolyAI's turns are
 * and which make rows is `findRows`'s (conversation.ts): cut by it, the latest turns read into exactly the rows
 * the whole call ends with. Same rules as the rest of the model: `unknown` in, never throws, bounded work.
 */
import type { ConversationResponseBody, LatestTurns } from './contracts';
import { CONVERSATION_LIMITS, findRows, type ConversationLimits } from './conversation';
import { isRecord, own, type JsonRecord } from './values';

/**
 * How many of the transcript's last rows the first answer holds (a row: one caller's or agent's message, as
 * the tab counts turns). The tab shows the last 10 first, so any number from 10 opens it; 100 also makes most
 * handoffs (a few dozen messages) whole in the first answer, so their search, "Copy all" and "show earlier"
 * never need a second request, while the answer stays about 40 KB however long the call (about 400 bytes
 * a PolyAI turn): what the first paint waits for no longer grows with the call.
 */
export const LATEST_TURNS = 100;

/** PolyAI's body with its turn list cut to the latest turns, and what was left out. */
export interface LatestConversation {
  conversation: JsonRecord;
  latest: LatestTurns;
}

/**
 * PolyAI's body keeping only the turns that make its transcript's last `rows` rows (whole turns: a turn's two
 * halves stay together, so a few more rows may come), with the row counts; null when nothing would be left
 * out (a short call, no turn list, not a record) or when the call is over the transcript's limits (its rows are
 * then the first ones, not the last: the whole body is the answer, as before).
 */
export function latestTurns(body: unknown, rows: number = LATEST_TURNS, limits: ConversationLimits = CONVERSATION_LIMITS): LatestConversation | null {
  try {
    if (!isRecord(body) || !Number.isInteger(rows) || rows < 1) return null;
    const rawTurns = own(body, 'turns');
    if (!Array.isArray(rawTurns)) return null;
    const { sources, whole } = findRows(rawTurns, { limits, truncated: false });
    const total = sources.length;
    if (!whole || total <= rows) return null;
    let earlier = total - rows;
    const fromTurn = sources[earlier] >> 1;
    // The caller's half of the first turn kept is kept with it.
    if (earlier > 0 && sources[earlier - 1] >> 1 === fromTurn) earlier -= 1;
    return { conversation: { ...body, turns: rawTurns.slice(fromTurn) }, latest: { total, earlier } };
  } catch {
    return null; // exotic objects (throwing getters, proxies): answered whole
  }
}

/**
 * The Function's answer to the tab: the latest turns when it asked for them and the call has more, else
 * PolyAI's whole body as received (what an older tab, which does not ask, always gets).
 */
export function conversationAnswer(body: unknown, latestOnly: boolean): ConversationResponseBody {
  const latest = latestOnly ? latestTurns(body) : null;
  return latest ?? { conversation: body };
}

/**
 * How many rows before those an answer holds were left out: 0 when it has no `latest` (the whole call, as an
 * older Function always answers), null when its `latest` does not add up with the `loadedRows` its body made.
 */
export function earlierTurnsOf(latest: unknown, loadedRows: number, limits: ConversationLimits = CONVERSATION_LIMITS): number | null {
  if (latest === undefined) return 0;
  if (!isRecord(latest)) return null;
  const total = own(latest, 'total');
  const earlier = own(latest, 'earlier');
  if (!Number.isInteger(total) || !Number.isInteger(earlier)) return null;
  const [all, left] = [total as number, earlier as number];
  return left > 0 && all <= limits.maxTurns && left + loadedRows === all ? left : null;
}
