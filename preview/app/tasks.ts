/** The agent's tasks in the preview: one per PolyAI fixture, a non-PolyAI call, and any pasted attributes. */
import fetchFailed from '../../devtools/fixtures/task-attributes-fetch-failed.json';
import flat from '../../devtools/fixtures/task-attributes-flat.json';
import jsonString from '../../devtools/fixtures/task-attributes-json-string.json';
import minimal from '../../devtools/fixtures/handoff-state-minimal.json';
import studio from '../../devtools/fixtures/task-attributes-studio.json';
import unverified from '../../devtools/fixtures/handoff-state-unverified.json';
import verified from '../../devtools/fixtures/handoff-state-verified.json';

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
}

/** Where a Studio flow puts a Handoff API response: under `polyai`, next to Flex's own attributes. */
function voiceCall(from: string, polyai: unknown): Record<string, unknown> {
  return { type: 'inbound', name: from, from, channelType: 'voice', polyai };
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
  ['studio', 'PolyAI · Studio flow', studio],
  ['json-string', 'PolyAI · JSON string', jsonString],
  ['flat', 'PolyAI · flat keys', flat],
  ['partial', 'PolyAI · partly unreadable', partial],
  ['fetch-failed', 'PolyAI · fetch failed', fetchFailed],
  ['not-polyai', 'Not from PolyAI', { type: 'inbound', name: '+15005550222', from: '+15005550222', channelType: 'voice' }],
];

export const PASTED_TASK_ID = 'pasted';

export function previewTask(id: string, description: string, attributes: Record<string, unknown>, index: number): PreviewTask {
  const suffix = String(index + 1).padStart(32, '0');
  // Flex lists the newest task first: the first sample rings in last, so it tops the list.
  return { id, description, sid: `WR${suffix}`, taskSid: `WT${suffix}`, attributes, dateCreated: new Date(Date.UTC(2026, 10, 20, 9, 30 - index)) };
}

export const SAMPLE_TASKS: PreviewTask[] = SAMPLES.map(([id, description, attributes], index) => previewTask(id, description, attributes, index));
