/**
 * The container's transcript: it runs the call and hands the view where it stands. Nothing is fetched before the
 * tab is opened (`waiting`) or without a way to fetch (`unavailable`); once opened, the transcript is fetched once.
 */
import React from 'react';
import { fireEvent, screen } from '@testing-library/react';

import { ConversationTranscript, type ConversationLoader, type TranscriptAccess } from '../../../../src/flex/container/ConversationTranscript';
import { compileMaskPatterns, DEFAULT_MASK_PATTERNS, parseConversation } from '@polyai-context/model';
import { fixture } from '../../../support/fixtures';
import { renderWithPaste } from '../../../support/render';
import { wholeCall } from '../../../support/transcriptSource';

const maskPatterns = compileMaskPatterns(DEFAULT_MASK_PATTERNS);
const conversation = parseConversation(fixture('conversation.json'));

function transcript(source: TranscriptAccess) {
  return <ConversationTranscript source={source} maskPatterns={maskPatterns} />;
}

describe('ConversationTranscript', () => {
  it('fetches nothing while the tab is closed, then the transcript once when it opens, and not again on a re-render', async () => {
    const load = jest.fn<ReturnType<ConversationLoader>, [AbortSignal]>(async () => ({ ok: true, conversation }));
    const opened: TranscriptAccess = { status: 'available', ...wholeCall(load) };
    function Tab(): JSX.Element {
      const [source, setSource] = React.useState<TranscriptAccess>({ status: 'waiting' });
      const [, setRenders] = React.useState(0);
      return (
        <>
          <button onClick={() => setSource(opened)}>Open the tab</button>
          <button onClick={() => setRenders((count) => count + 1)}>Render again</button>
          {transcript(source)}
        </>
      );
    }
    renderWithPaste(<Tab />);
    expect(screen.getByText('Loading the transcript…')).toBeInTheDocument();
    expect(load).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Open the tab' }));
    expect(await screen.findByRole('log')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Render again' }));
    fireEvent.click(screen.getByRole('button', { name: 'Open the tab' }));
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('says why there is no transcript, without fetching', () => {
    renderWithPaste(transcript({ status: 'unavailable', reason: 'not-configured' }));
    expect(screen.getByText('The transcript is not configured: an admin can set functions_base_url to show it here.')).toBeInTheDocument();
  });

  it('reads 404 as no transcript for this call, with nothing to retry; another failure offers a retry', async () => {
    const { unmount } = renderWithPaste(transcript({ status: 'available', ...wholeCall(async () => ({ ok: false, aborted: false, status: 404, message: 'PolyAI has no data for this call.' })) }));
    expect(await screen.findByText('PolyAI has no transcript for this call.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Try again' })).not.toBeInTheDocument();
    unmount();
    renderWithPaste(transcript({ status: 'available', ...wholeCall(async () => ({ ok: false, aborted: false, status: 502, message: 'PolyAI had a problem answering.' })) }));
    expect(await screen.findByText('The transcript could not be loaded.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
