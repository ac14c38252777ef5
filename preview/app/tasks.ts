/** The agent's tasks in the preview: one per PolyAI fixture, a non-PolyAI call, and any pasted attributes. */
import fetchFailed from '../../devtools/fixtures/task-attributes-fetch-failed.json';
import flat from '../../devtools/fixtures/task-attributes-flat.json';
import jsonString from '../../devtools/fixtures/task-attributes-json-string.json';
import minimal from '../../devtools/fixtures/handoff-state-minimal.json';
import studio from '../../devtools/fixtures/task-attributes-studio.json';
import unverified from '../../devtools/fixtures/handoff-state-unverified.json';
import verified from '../../devtools/fixtures/handoff-state-verified.json';
import { parseHandoffContext } from '@polyai-context/model';

/** A sample call: it rings in as a TaskRouter reservation (see reservations.ts). */
export interface PreviewTask {
  /** Short id used in the URL (`?task=verified`). */
  id: string;
  /** What the sample is, in the preview's sample list. */
  description: string;
  /** Reservation SID (Flex's `task.sid`). */
  sid: string;
  taskSid: string;
  attributes: Record<string, unknown>;
  dateCreated: Date;
  /** The sample's queue, named after its description, which Flex's task list shows under the caller. */
  queueName: string;
}

/**
 * A sample as the routing Functions would create it, calling from its own number: Flex's `name` is the caller's
 * name PolyAI captured when PolyAI verified them (the Functions' default, `POLYAI_TASK_NAME=verified`), else the
 * number, so the task list tells the samples apart as it would tell real calls apart.
 */
function asRouted(from: string, attributes: Record<string, unknown>): Record<string, unknown> {
  const context = parseHandoffContext(attributes);
  const name = context.verification?.identified === true && context.customer.name ? context.customer.name : from;
  return { ...attributes, name, from };
}

/** Where a Studio flow puts a Handoff API response: under `polyai`, next to Flex's own attributes. */
function voiceCall(from: string, polyai: unknown): Record<string, unknown> {
  return asRouted(from, { type: 'inbound', channelType: 'voice', polyai });
}

// Readable but malformed values: the tab shows what it can and lists the problems.
const partial = voiceCall('+15005550199', {
  id: 'CA7777000011112222333344445555aaaa',
  data: {
    summary: 'Caller reports a card declined abroad; PolyAI could not confirm the card holder.',
    intent: 'card_declined',
    intent_confidence: 'very sure',
    handoff_reason: 'card_declined',
    verification: 'yes',
    card_last_four: '4242',
  },
});

const SAMPLES: Array<[id: string, description: string, attributes: Record<string, unknown>]> = [
  ['verified', 'PolyAI · verified caller', voiceCall('+447700900456', verified)],
  ['unverified', 'PolyAI · not verified', voiceCall('+34600000000', unverified)],
  ['minimal', 'PolyAI · minimal data', voiceCall('+15005550111', minimal)],
  ['studio', 'PolyAI · Studio flow', asRouted('+447700900123', studio)],
  ['json-string', 'PolyAI · JSON string', asRouted('+15005550133', jsonString)],
  ['flat', 'PolyAI · flat keys', asRouted('+15005550144', flat)],
  ['partial', 'PolyAI · malformed', partial],
  ['fetch-failed', 'PolyAI · fetch failed', asRouted('+15005550155', fetchFailed)],
  ['not-polyai', 'Not from PolyAI', asRouted('+15005550222', { type: 'inbound', channelType: 'voice' })],
];

export const PASTED_TASK_ID = 'pasted';

/** Minutes between the samples' handoffs: the first rang in a minute ago, the next a few minutes before. */
const SAMPLE_SPACING_MS = 3 * 60_000;

export function previewTask(id: string, description: string, attributes: Record<string, unknown>, index: number, now: number = Date.now()): PreviewTask {
  const suffix = String(index + 1).padStart(32, '0');
  // Relative to now, so Flex's timers and "Since handoff" read as a live queue does (minutes, not days). Flex
  // lists the newest task first: the first sample rings in last, so it tops the list.
  return { id, description, sid: `WR${suffix}`, taskSid: `WT${suffix}`, attributes, dateCreated: new Date(now - 60_000 - index * SAMPLE_SPACING_MS), queueName: description };
}

export const SAMPLE_TASKS: PreviewTask[] = SAMPLES.map(([id, description, attributes], index) => previewTask(id, description, attributes, index));
