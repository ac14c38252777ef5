/**
 * Contract tests: every fixture and every answer of the PolyAI stand-in validates against PolyAI's own OpenAPI
 * files (contracts/polyai/openapi/, copied unchanged; compiled with ajv at test time). A fixture or a stand-in answer that
 * drifts from PolyAI's published shapes fails here.
 */
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { startStandin, STANDIN_API_KEY, STANDIN_CONVERSATIONS_API_KEY, type Standin, type StandinMode } from '../../../devtools/polyai-standin/standin';
import { fixture } from '../../support/fixtures';
import { describeErrors, OPENAPI_DIR, openapiDocument, responseValidator, schemaValidator, SPECS, type Api } from '../../support/polyaiContract';

const HANDOFF_PATH = '/v1/{account_id}/{project_id}/handoff_state';
const CONVERSATION_PATH = '/v1/agents/{agentId}/conversations/{conversationId}';

function expectValid(api: Api, name: string, value: unknown): void {
  const validate = schemaValidator(api, name);
  const valid = validate(value);
  if (!valid) throw new Error(`${name}: ${describeErrors(validate)}`);
}

describe('fixtures against PolyAI\'s OpenAPI files', () => {
  it('reads the contract from PolyAI\'s own files (copied unchanged), not from a schema of ours', () => {
    expect(openapiDocument('handoff').paths).toHaveProperty([HANDOFF_PATH]);
    expect(openapiDocument('conversations').paths).toHaveProperty([CONVERSATION_PATH]);
    // The response schemas resolve to PolyAI's (an empty body misses their required fields).
    expect(responseValidator('conversations', CONVERSATION_PATH, 200)?.({})).toBe(false);
    expect(responseValidator('conversations', CONVERSATION_PATH, 404)?.({ error_message: 'x' })).toBe(false);
    expect(responseValidator('handoff', HANDOFF_PATH, 200)?.({ id: 'x' })).toBe(false);
    expect(responseValidator('handoff', HANDOFF_PATH, 429)).toBeNull();
  });

  it.each(['handoff-state-verified.json', 'handoff-state-unverified.json', 'handoff-state-minimal.json'])('%s is a HandoffState', (name) => {
    expectValid('handoff', 'HandoffState', fixture(name));
  });

  it('conversation.json is a ConversationDetailResponse', () => {
    expectValid('conversations', 'ConversationDetailResponse', fixture('conversation.json'));
  });

  it('handoff-api-errors.json holds HandoffError bodies', () => {
    const errors = fixture('handoff-api-errors.json') as Record<string, Record<string, unknown>>;
    for (const [status, entry] of Object.entries(errors)) expectValid('handoff', 'HandoffError', status === '429' ? entry.body : entry);
  });

  it('task attribute fixtures carry HandoffState bodies under polyai (object or JSON string)', () => {
    expectValid('handoff', 'HandoffState', (fixture('task-attributes-studio.json') as { polyai: unknown }).polyai);
    expectValid('handoff', 'HandoffState', JSON.parse((fixture('task-attributes-json-string.json') as { polyai: string }).polyai));
  });

  it('the OpenAPI files are PolyAI\'s, byte for byte: the sha256 recorded in contracts/polyai/README.md', () => {
    const provenance = fs.readFileSync(path.join(OPENAPI_DIR, '..', 'README.md'), 'utf8');
    for (const file of Object.values(SPECS)) {
      const sha256 = createHash('sha256').update(fs.readFileSync(path.join(OPENAPI_DIR, file))).digest('hex');
      expect([file, provenance]).toEqual([file, expect.stringContaining(`\`openapi/${file}\` | `)]);
      expect(provenance.split('\n').find((line) => line.includes(`\`openapi/${file}\``))).toContain(`\`${sha256}\``);
    }
  });

  it('fails a fixture that drifts from the spec (the guessed shape we used to serve)', () => {
    const conversation = fixture('conversation.json') as Record<string, unknown>;
    const drifted: unknown[] = [
      { ...conversation, conversationId: undefined, id: 'CA1' },
      { ...conversation, turns: [{ user_input: 'hi', user_input_datetime: 1763630043 }] },
      { ...conversation, turns: [{ user_input: 'hi', intents: [{ name: 'greet' }] }] },
      { ...conversation, turns: [{ user_input: 'hi', entities: [{ name: 'dob', value: { nested: true } }] }] },
      { ...conversation, turns: [{ user_input_datetime: 'yesterday' }] },
    ];
    const validate = schemaValidator('conversations', 'ConversationDetailResponse');
    for (const body of drifted) expect(validate(JSON.parse(JSON.stringify(body)))).toBe(false);
    const handoff = schemaValidator('handoff', 'HandoffState');
    expect(handoff({ id: 'CA1' })).toBe(false);
    expect(handoff({ id: 'CA1', data: 'text' })).toBe(false);
    expect(handoff({ data: {} })).toBe(false);
  });
});

describe('stand-in answers against PolyAI\'s OpenAPI files', () => {
  let standin: Standin;
  beforeAll(async () => {
    standin = await startStandin();
  });
  afterAll(() => standin.close());

  const verified = fixture('handoff-state-verified.json') as { id: string; shared_id: string };
  const conversation = fixture('conversation.json') as { conversationId: string };
  const handoffUrl = (query: string) => `/v1/ws-acme/PROJECT-acme-billing/handoff_state${query}`;
  const conversationUrl = (id: string) => `/v1/agents/PROJECT-acme-billing/conversations/${id}`;

  async function get(url: string, key: string) {
    const response = await fetch(`${standin.url}${url}`, { headers: { 'x-api-key': key } });
    return { status: response.status, body: (await response.json()) as unknown };
  }

  /** Validates an answer against the published response for its status (429 is undocumented: the API's error shape). */
  function expectPublished(api: Api, pathTemplate: string, answer: { status: number; body: unknown }): void {
    const validate = responseValidator(api, pathTemplate, answer.status) ?? schemaValidator(api, api === 'handoff' ? 'HandoffError' : 'Error');
    if (!validate(answer.body)) throw new Error(`${api} ${answer.status}: ${describeErrors(validate)}`);
  }

  it.each([
    ['id', `?id=${verified.id}`],
    ['shared_id', `?shared_id=${verified.shared_id}`],
    ['id of the unverified sample', '?id=CA0000000000000000000000000000beef'],
    ['both, shared_id winning', `?id=nobody&shared_id=${verified.shared_id}`],
  ])('serves a HandoffState by %s at the published path', async (_, query) => {
    const answer = await get(handoffUrl(query), STANDIN_API_KEY);
    expect(answer.status).toBe(200);
    expectPublished('handoff', HANDOFF_PATH, answer);
  });

  it('serves the ConversationDetailResponse at the published path with the Conversations key', async () => {
    const answer = await get(conversationUrl(conversation.conversationId), STANDIN_CONVERSATIONS_API_KEY);
    expect(answer).toEqual({ status: 200, body: conversation });
    expectPublished('conversations', CONVERSATION_PATH, answer);
  });

  it.each([
    ['handoff without id or shared_id', 'handoff', handoffUrl(''), STANDIN_API_KEY, 400],
    ['handoff with empty ids', 'handoff', handoffUrl('?id=&shared_id='), STANDIN_API_KEY, 400],
    ['handoff with a wrong key', 'handoff', handoffUrl(`?id=${verified.id}`), 'wrong', 401],
    ['handoff with the Conversations key', 'handoff', handoffUrl(`?id=${verified.id}`), STANDIN_CONVERSATIONS_API_KEY, 401],
    ['handoff for an unknown id', 'handoff', handoffUrl('?id=CAffff'), STANDIN_API_KEY, 404],
    ['conversation with a wrong key', 'conversations', conversationUrl(conversation.conversationId), STANDIN_API_KEY, 401],
    ['conversation unknown', 'conversations', conversationUrl('CAffff'), STANDIN_CONVERSATIONS_API_KEY, 404],
  ] as const)('refuses %s as PolyAI does', async (_, api, url, key, status) => {
    const answer = await get(url, key);
    expect(answer.status).toBe(status);
    expectPublished(api, api === 'handoff' ? HANDOFF_PATH : CONVERSATION_PATH, answer);
  });

  it.each(['401', '403', '404', '429', '500', 'slow'] as StandinMode[])('answers in the published shapes when told to fail with %s', async (mode) => {
    for (const [api, url, key, template] of [
      ['handoff', handoffUrl(`?id=${verified.id}`), STANDIN_API_KEY, HANDOFF_PATH],
      ['conversations', conversationUrl(conversation.conversationId), STANDIN_CONVERSATIONS_API_KEY, CONVERSATION_PATH],
    ] as const) {
      standin.setMode(mode, { times: 1 });
      const answer = await get(url, key);
      expect(answer.status).toBe(mode === 'slow' ? 200 : Number(mode));
      expectPublished(api, template, answer);
    }
  });
});
