import { fetchConversation } from '../../../src/functionCalls/conversationClient';
import { fixture } from '../../support/fixtures';
import { hangingFetch, jsonResponse, mockFetch } from '../../support/fetch';

const request = { functionsBaseUrl: 'https://polyai-1234.twil.io', token: 'flex-token', taskSid: 'WT123', conversationId: 'CA123' };

describe('conversation client', () => {
  it('POSTs the Flex token, the task and the conversation id to the Function and parses the transcript', async () => {
    const fetchImpl = mockFetch(jsonResponse(200, { conversation: fixture('conversation.json') }));
    const result = await fetchConversation({ ...request, fetchImpl });
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    const [url, init] = fetchImpl.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe('https://polyai-1234.twil.io/polyai-conversation');
    expect(init.method).toBe('POST');
    expect(JSON.parse(init.body as string)).toEqual({ Token: 'flex-token', taskSid: 'WT123', conversationId: 'CA123' });
    expect(result.ok && result.conversation.turns).toHaveLength(9);
  });

  it('asks for the latest turns when told to, and reads how many rows came before them', async () => {
    const fetchImpl = mockFetch(jsonResponse(200, { conversation: fixture('conversation.json'), latest: { total: 109, earlier: 100 } }));
    const result = await fetchConversation({ ...request, fetchImpl, latest: true });
    expect(JSON.parse((fetchImpl.mock.calls[0] as unknown as [string, RequestInit])[1].body as string)).toEqual({ Token: 'flex-token', taskSid: 'WT123', conversationId: 'CA123', turns: 'latest' });
    expect(result).toMatchObject({ ok: true, earlier: 100 });
  });

  it('reads an answer without `latest` as the whole call, asked for the latest or not', async () => {
    for (const latest of [true, false]) {
      const result = await fetchConversation({ ...request, fetchImpl: mockFetch(jsonResponse(200, { conversation: fixture('conversation.json') })), latest });
      expect(result).toMatchObject({ ok: true, earlier: 0 });
    }
  });

  it('fails, rather than show a transcript with a wrong count, when `latest` does not add up with the turns sent', async () => {
    const fetchImpl = mockFetch(jsonResponse(200, { conversation: fixture('conversation.json'), latest: { total: 500, earlier: 100 } }));
    expect(await fetchConversation({ ...request, fetchImpl, latest: true })).toMatchObject({ ok: false, status: 200 });
  });

  it('reports the Function error, HTTP failures, garbage and network faults as values', async () => {
    expect(await fetchConversation({ ...request, fetchImpl: mockFetch(jsonResponse(404, { error: { status: 404, message: 'Conversation not found' } })) })).toEqual({
      ok: false,
      aborted: false,
      status: 404,
      message: 'Conversation not found',
    });
    expect(await fetchConversation({ ...request, fetchImpl: mockFetch(jsonResponse(200, { error: { status: 502, message: 'PolyAI down' } })) })).toMatchObject({
      ok: false,
      status: 502,
      message: 'PolyAI down',
    });
    expect(await fetchConversation({ ...request, fetchImpl: mockFetch(jsonResponse(500, '<html>oops')) })).toMatchObject({ ok: false, status: 500, message: 'HTTP 500' });
    expect(await fetchConversation({ ...request, fetchImpl: mockFetch(new TypeError('Failed to fetch')) })).toMatchObject({ ok: false, status: null, message: 'Failed to fetch' });
  });

  it('resolves as aborted when the tab goes away mid-request', async () => {
    const controller = new AbortController();
    const pending = fetchConversation({ ...request, fetchImpl: hangingFetch(), signal: controller.signal });
    controller.abort();
    expect(await pending).toMatchObject({ ok: false, aborted: true });
  });
});
