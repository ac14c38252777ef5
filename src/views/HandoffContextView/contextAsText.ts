import type { Conversation, FieldGroup } from '@polyai-context/model';
import { callTimesAsText } from './CallTimes';
import { formatValue } from './formatValue';
import { activityAsText } from './sections/PolyaiActivitySection';
import { handoffItems } from './sections/HandoffSection';
import { referenceItems } from './sections/ReferenceSection';
import { verificationItems } from './sections/VerificationSection';
import type { TextItem } from '../common/DetailList';
import { MASK, type CapturedField, type HandoffContext } from '@polyai-context/model';
import type { Label, Translate } from '../../strings';

export interface ContextText {
  context: HandoffContext;
  groups: readonly FieldGroup[];
  /** Caller details as the Caller section lists them (see `callerItems`). */
  caller: readonly TextItem[];
  revealed: ReadonlySet<string>;
  t: Translate;
  /** PolyAI's words in the agent's language (the admin's labels, else humanised). */
  label: Label;
  locale: string;
  /** Amounts' currency (see `formatText`); null for none. */
  currency: string | null;
  /** The loaded transcript's lines as shown, or null when there is none on screen. */
  transcript?: readonly string[] | null;
  /** PolyAI's conversation record once loaded (what PolyAI did, its times); null before. */
  record?: Conversation | null;
  /** When Flex created the task (ms since the epoch); null when Flex did not say. */
  taskCreatedAt?: number | null;
  /** The moment copied, for the running time since the handoff. */
  now?: number;
  /** The config's mask patterns, for the details of what PolyAI did. */
  maskPatterns?: readonly RegExp[];
}

/** "Verified · Dispute charge (92% confidence) · Reason: Card declined": the at-a-glance line as text. */
export function glanceLine({ context, t, label }: Pick<ContextText, 'context' | 't' | 'label'>): string {
  const identified = context.verification?.identified ?? null;
  const parts = [identified === true ? t('PolyaiContextVerified') : identified === false ? t('PolyaiContextNotVerified') : t('PolyaiContextVerificationUnknown')];
  if (context.intent) {
    const { name, confidence } = context.intent;
    parts.push(confidence === null ? label.code(name) : `${label.code(name)} (${t('PolyaiContextConfidence', { percent: Math.round(confidence * 100) })})`);
  }
  if (context.reason) parts.push(`${t('PolyaiContextReasonLabel')}: ${label.code(context.reason)}`);
  return parts.join(' · ');
}

function section(title: string, items: readonly TextItem[]): string[] {
  if (items.length === 0) return [];
  return ['', title, ...items.map((item) => `${item.label}: ${item.value}`)];
}

/**
 * Everything the tab shows as plain text, in the order the agent sees it. Sensitive values stay masked
 * unless the agent revealed them.
 */
export function contextAsText(input: ContextText): string {
  const { context, groups, caller, revealed, t, label, locale, currency, transcript, record = null, taskCreatedAt = null, now = Date.now(), maskPatterns = [] } = input;
  const textOf = (field: CapturedField) => formatValue(field, t, locale, currency);
  // The at-a-glance line and, under it, the call's times, as the tab shows them.
  const lines = [glanceLine(input), callTimesAsText(record, taskCreatedAt, now, t)];
  if (context.summary) lines.push('', t('PolyaiContextSummaryHeading'), context.summary);
  // Intent and reason are on the first line already; the Handoff section adds the destination.
  lines.push(...section(t('PolyaiContextGlanceHeading'), handoffItems(context.destination, t, label)));
  if (record) lines.push(...activityAsText(record, { t, label, locale, currency, maskPatterns }, revealed));
  lines.push(...section(t('PolyaiContextVerificationHeading'), verificationItems(context.verification, t, label)));
  if (context.utterance) lines.push('', t('PolyaiContextUtteranceHeading'), `“${context.utterance}”`);
  lines.push(...section(t('PolyaiContextCallerHeading'), caller));
  const fields = groups.flatMap((group) => group.rows).map((row) => ({
    label: row.fullLabel,
    value: row.sensitive && !revealed.has(row.field.path) ? MASK : textOf(row.field),
  }));
  lines.push(...section(t('PolyaiContextFieldsHeading'), fields));
  if (transcript && transcript.length > 0) lines.push('', t('PolyaiContextTranscriptHeading'), ...transcript);
  lines.push(...section(t('PolyaiContextReferenceHeading'), referenceItems(context.ids, t)));
  return lines.join('\n');
}
