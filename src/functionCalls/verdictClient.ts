/**
 * Saves the agent's verdict through the `polyai-verdict` Function with the agent's Flex token. Only called when
 * the agent chooses: reading a stored verdict needs no request (it is in the task attributes). Never rejects.
 */
import { isRecord, readStoredVerdict, received, VERDICT_ATTRIBUTE, type FunctionErrorBody, type PluginFunctionPath, type StoredVerdict, type Verdict, type VerdictReason, type VerdictRequestBody, type VerdictResponseBody } from '@polyai-context/model';

export type VerdictSaveResult = { ok: true; stored: StoredVerdict } | { ok: false; status: number | null; message: string };

export interface VerdictRequest {
  functionsBaseUrl: string;
  token: string;
  taskSid: string;
  verdict: Verdict;
  reason: VerdictReason | null;
  /** For tests and the preview; defaults to the browser's fetch. */
  fetchImpl?: typeof fetch;
}

export const VERDICT_FUNCTION_PATH = '/polyai-verdict' satisfies PluginFunctionPath;

const MESSAGE_CHARS = 300;

export async function saveVerdict(request: VerdictRequest): Promise<VerdictSaveResult> {
  const { functionsBaseUrl, token, taskSid, verdict, reason } = request;
  const fetchImpl = request.fetchImpl ?? (typeof fetch === 'function' ? fetch : undefined);
  if (!fetchImpl) return { ok: false, status: null, message: 'This browser cannot save the verdict.' };
  try {
    const response = await fetchImpl(`${functionsBaseUrl}${VERDICT_FUNCTION_PATH}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ Token: token, taskSid, verdict, reason } satisfies VerdictRequestBody),
    });
    const body: unknown = await response.json().catch(() => null);
    // The Function answers `{ verdict: <stored> }`: read it as it is read from task attributes.
    const stored = response.ok && isRecord(body) ? readStoredVerdict({ [VERDICT_ATTRIBUTE]: received<VerdictResponseBody>(body, 'verdict') }) : null;
    if (stored) return { ok: true, stored };
    const error = isRecord(body) ? received<FunctionErrorBody>(body, 'error') : undefined;
    const errorMessage = isRecord(error) ? received<FunctionErrorBody['error']>(error, 'message') : undefined;
    const message = typeof errorMessage === 'string' ? errorMessage : `HTTP ${response.status}`;
    return { ok: false, status: response.status, message: message.slice(0, MESSAGE_CHARS) };
  } catch (error) {
    return { ok: false, status: null, message: (error instanceof Error ? error.message : 'The verdict could not be saved.').slice(0, MESSAGE_CHARS) };
  }
}
