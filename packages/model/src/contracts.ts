/**
 * The contracts between the plugin and its Functions, written once for both sides. For each Function the plugin
 * calls from the agent's browser: its path, the JSON body the plugin POSTs, and the JSON it answers (or
 * `FunctionErrorBody` with the same HTTP status). And the `polyai` attribute envelope the call-path Functions
 * write into task attributes for the plugin to read. Shapes only: each side still validates what it receives
 * (`unknown` in), these say what it may expect and what it must send.
 */
import { own, type JsonRecord } from './values';
import type { StoredVerdict, Verdict, VerdictReason } from './verdict';

/** Every request carries the agent's Flex token (`Token`, as Twilio's token validator names it). */
export interface FlexTokenBody {
  Token: string;
}

/** Any plugin Function's failure, sent with the same HTTP status. */
export interface FunctionErrorBody {
  error: { status: number; message: string };
}

/**
 * A call to a plugin Function that did not succeed, as the plugin sees it: the Function's `{ error }` answer, no
 * answer at all (`status` null) or the call aborted (the tab closed or the call changed).
 */
export type FunctionFailure = { ok: false; aborted: boolean; status: number | null; message: string };

/** `polyai-conversation`: the call's transcript. */
export interface ConversationRequestBody extends FlexTokenBody {
  /** The task the agent has open: the Function checks she holds it and that it was routed with this conversation. */
  taskSid: string;
  /** PolyAI's conversation id (the handoff id) or the call SID. */
  conversationId: string;
  /**
   * `latest`: only the turns that make the transcript's last rows (`LATEST_TURNS`, latestTurns.ts), the tab's
   * first request. Absent: the whole call, as the tab's later request and every older tab ask.
   */
  turns?: 'latest';
}
export interface ConversationResponseBody {
  /** PolyAI's Conversations API body, for `parseConversation`; its `turns` cut to the latest when `latest` is given. */
  conversation: unknown;
  /** Given only when turns were left out: absent, the body is the whole call. */
  latest?: LatestTurns;
}
/** What an answer of the latest turns left out, in transcript rows (caller's and agent's messages) as `parseConversation` reads them. */
export interface LatestTurns {
  /** The whole call's rows. */
  total: number;
  /** How many of them, from the start of the call, the answer left out: its own rows are the rest. */
  earlier: number;
}

/** `polyai-handoff-state`: the whole handoff, when the task's `polyai` attribute says something did not fit. */
export interface HandoffStateRequestBody extends FlexTokenBody {
  /** The task the agent has open, as for the transcript. */
  taskSid: string;
  /** The handoff id; PolyAI's shared id when `lookup` says so. */
  conversationId: string;
  lookup?: 'shared_id';
}
export interface HandoffStateResponseBody {
  /** The Handoff API body as PolyAI sent it (`{ id, shared_id?, data }`), for `parseHandoffContext`. */
  polyai: unknown;
}

/** `polyai-verdict`: the agent's verdict on the handoff. */
export interface VerdictRequestBody extends FlexTokenBody {
  taskSid: string;
  verdict: Verdict;
  reason: VerdictReason | null;
}
export interface VerdictResponseBody {
  /** As stored under `polyai_verdict` in the task attributes (read back with `readStoredVerdict`). */
  verdict: StoredVerdict;
  /** Whether Flex Insights' `conversations` attributes were written too. */
  insights: boolean;
}

/** Each plugin Function by path: what the plugin sends and what it gets back. */
export interface PluginFunctions {
  '/polyai-conversation': { request: ConversationRequestBody; response: ConversationResponseBody };
  '/polyai-handoff-state': { request: HandoffStateRequestBody; response: HandoffStateResponseBody };
  '/polyai-verdict': { request: VerdictRequestBody; response: VerdictResponseBody };
}
export type PluginFunctionPath = keyof PluginFunctions;

/** A request as a Function receives it: the contract's keys, values not yet validated. */
export type Unvalidated<Body> = { [Key in keyof Body]?: unknown };

/**
 * What the Functions write under `polyai` in task attributes (see handoffAttributes): a compact copy of the
 * Handoff API response, with a marker of what did not fit, or an error marker. Read by `parseHandoffContext`.
 */
export interface PolyaiEnvelope {
  id?: string;
  shared_id?: string;
  /** PolyAI's handoff data, as many keys as fit. */
  data?: Record<string, unknown>;
  /** What did not fit: how many keys, and as many of their names as fit. */
  incomplete?: { count: number; keys: string[] };
  /** Why there is no data. */
  error?: { status: number | null; message: string };
}

/** One value of a contract body as received, named as the contract names it (own properties only, see `own`). */
export function received<Body>(body: Unvalidated<Body> | JsonRecord, key: keyof Body & string): unknown {
  return own(body as JsonRecord, key);
}
