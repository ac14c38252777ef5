/** The agent's tasks in the preview: one per PolyAI fixture, a non-PolyAI call, and any pasted attributes. */
import type { ITask } from '../flex';
import fetchFailed from '../../tests/fixtures/task-attributes-fetch-failed.json';
import flat from '../../tests/fixtures/task-attributes-flat.json';
import jsonString from '../../tests/fixtures/task-attributes-json-string.json';
import minimal from '../../tests/fixtures/handoff-state-minimal.json';
import studio from '../../tests/fixtures/task-attributes-studio.json';
import unverified from '../../tests/fixtures/handoff-state-unverified.json';
import verified from '../../tests/fixtures/handoff-state-verified.json';

export interface PreviewTask extends ITask {
  /** Short id used in the URL (`?task=verified`). */
  id: string;
  /** What the sample shows, under the caller in the task list. */
  description: string;
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

export function previewTask(id: string, description: string, attributes: unknown, index: number): PreviewTask {
  const suffix = String(index + 1).padStart(32, '0');
  return {
    id,
    description,
    sid: `WR${suffix}`,
    taskSid: `WT${suffix}`,
    attributes,
    taskChannelUniqueName: 'voice',
    queueName: 'Everyone',
    // Every sample rings in, as a new reservation does: the agent accepts it on the canvas.
    status: 'pending',
    taskStatus: 'reserved',
    dateCreated: new Date(Date.UTC(2026, 10, 20, 9, index)),
  };
}

export const SAMPLE_TASKS: PreviewTask[] = SAMPLES.map(([id, description, attributes], index) => previewTask(id, description, attributes, index));

/** The caller as Flex's task list shows it: the `name` attribute, else the task SID. */
export function callerOf(task: PreviewTask): string {
  const attributes = task.attributes as { name?: unknown } | null;
  return typeof attributes?.name === 'string' && attributes.name ? attributes.name : task.taskSid;
}
