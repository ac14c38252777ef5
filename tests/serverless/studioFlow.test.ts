/** The importable Studio flow: well-formed, wired to the polyai-handoff Function, always ending in Send To Flex. */
import * as fs from 'fs';
import * as path from 'path';
import { parseHandoffContext, toPolyaiAttributes } from '../../src/model';
import { fixture } from '../support/fixtures';

interface State {
  name: string;
  type: string;
  transitions: Array<{ event: string; next?: string }>;
  properties: Record<string, unknown>;
}
const flow = JSON.parse(fs.readFileSync(path.join(__dirname, '../../serverless/studio/polyai-to-flex.json'), 'utf8')) as {
  initial_state: string;
  states: State[];
  flags: Record<string, unknown>;
};
const byName = new Map(flow.states.map((state) => [state.name, state]));
const functions = fs.readdirSync(path.join(__dirname, '../../serverless/src/functions'));

/** Studio's Liquid, just enough for our attributes: `{{widgets.fetch.parsed.polyai | to_json}}` and `{{trigger.call.X}}`. */
function render(template: string, parsedPolyai: unknown): string {
  return template
    .replace('{{widgets.fetch_polyai_handoff.parsed.polyai | to_json}}', JSON.stringify(parsedPolyai))
    .replace(/\{\{trigger\.call\.From\}\}/g, '+447700900123')
    .replace(/\{\{trigger\.call\.CallSid\}\}/g, 'CA5f1d2c3b4a5968778695a4b3c2d1e0f9');
}

describe('Studio flow polyai-to-flex.json', () => {
  it('has unique states and every transition leads to an existing state', () => {
    expect(byName.size).toBe(flow.states.length);
    expect(byName.get(flow.initial_state)?.type).toBe('trigger');
    for (const state of flow.states) for (const { next } of state.transitions) if (next) expect(byName.has(next)).toBe(true);
  });

  it('goes incoming call → PolyAI connector → polyai-handoff → Send To Flex', () => {
    const next = (state: string, event: string) => byName.get(state)?.transitions.find((t) => t.event === event)?.next;
    expect(next('Trigger', 'incomingCall')).toBe('connect_polyai');
    expect(byName.get('connect_polyai')?.type).toBe('connect-virtual-agent');
    expect(next('connect_polyai', 'return')).toBe('fetch_polyai_handoff');
    const fetchState = byName.get('fetch_polyai_handoff') as State;
    expect(fetchState.type).toBe('run-function');
    expect(fetchState.properties.url).toMatch(/\/polyai-handoff$/);
    expect(functions).toContain('polyai-handoff.protected.ts');
    expect(fetchState.properties.parameters).toEqual([{ key: 'call_sid', value: '{{trigger.call.CallSid}}' }]);
    // Both outcomes of the Function reach an agent.
    expect(byName.get(next('fetch_polyai_handoff', 'success') ?? '')?.type).toBe('send-to-flex');
    expect(byName.get(next('fetch_polyai_handoff', 'fail') ?? '')?.type).toBe('send-to-flex');
  });

  it('Send To Flex puts the Function\'s polyai output into valid task attributes', () => {
    const template = byName.get('send_to_flex')?.properties.attributes as string;
    expect(template).toContain('"polyai": {{widgets.fetch_polyai_handoff.parsed.polyai | to_json}}');
    const withData = JSON.parse(render(template, fixture('handoff-state-verified.json')));
    expect(parseHandoffContext(withData).status).toBe('present');
    const withError = JSON.parse(render(template, { error: { status: 504, message: 'PolyAI did not answer within 3000 ms.' } }));
    expect(parseHandoffContext(withError).status).toBe('unavailable');
  });

  it('keeps Send To Flex\'s Attributes within the widget\'s documented 1,024 characters, however large the handoff', () => {
    const template = byName.get('send_to_flex')?.properties.attributes as string;
    const verified = fixture('handoff-state-verified.json') as { data: Record<string, unknown> };
    const large = { ...verified, data: { ...verified.data, summary: 's'.repeat(3_000), notes: 'n'.repeat(5_000), utterance: 'u'.repeat(2_000) } };
    const rendered = render(template, toPolyaiAttributes({ ok: true, body: large }).polyai);
    expect(rendered.length).toBeLessThanOrEqual(1_024);
    const context = parseHandoffContext(JSON.parse(rendered));
    expect(context.status).toBe('present');
    expect(context.verification?.identified).toBe(true);
    expect(context.notLoaded?.keys).toEqual(expect.arrayContaining(['notes', 'summary']));
  });

  it('routes with an error marker when the Function itself fails', () => {
    const template = byName.get('send_to_flex_without_context')?.properties.attributes as string;
    expect(parseHandoffContext(JSON.parse(render(template, null))).status).toBe('unavailable');
  });

  it('names every placeholder an admin must replace', () => {
    const placeholders = JSON.stringify(flow).match(/REPLACE_WITH_[A-Z_]+/g) ?? [];
    expect([...new Set(placeholders)].sort()).toEqual([
      'REPLACE_WITH_ENVIRONMENT_SID',
      'REPLACE_WITH_POLYAI_CONNECTOR_NAME',
      'REPLACE_WITH_POLYAI_HANDOFF_FUNCTION_SID',
      'REPLACE_WITH_SERVICE_DOMAIN',
      'REPLACE_WITH_SERVICE_SID',
      'REPLACE_WITH_VOICE_CHANNEL_SID',
      'REPLACE_WITH_WORKFLOW_SID',
    ]);
  });
});
