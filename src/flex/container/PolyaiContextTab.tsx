import React, { memo, useMemo } from 'react';
import { Manager, withTaskContext, type ITask } from '@twilio/flex-ui';

import { HandoffContextView } from '../../views/HandoffContextView/HandoffContextView';
import { TabErrorBoundary } from '../../views/TabErrorBoundary/TabErrorBoundary';
import { FaultReportContext } from '../../views/common/faultReport';
import { ConversationTranscript, type TranscriptAccess } from './ConversationTranscript';
import { useFullHandoff, type HandoffStateLoader } from './useFullHandoff';
import { VerdictPanel, type VerdictAudience } from './VerdictPanel';
import { DEFAULT_CONFIG, type PolyaiContextConfig } from '../../config';
import { NO_LABELS, sensitiveValuesOf } from '@polyai-context/model';
import { fetchConversation, transcriptIdOf } from '../../functionCalls/conversationClient';
import { fetchHandoffState } from '../../functionCalls/handoffStateClient';
import { LabelsContext, LocaleContext, pickStrings, StringsContext, type SupportedLanguage } from '../../strings';
import { flexToken } from '../flexToken';
import { reportTabError } from '../reportError';
import { useTabOpened } from '../../views/common/tabOpened';
import { handoffContextOf } from '../taskContext';

interface PolyaiContextTabProps {
  task?: ITask;
  config?: PolyaiContextConfig;
  language?: SupportedLanguage;
  /** `supervisor`: the Teams view's task canvas (verdict read-only). */
  audience?: VerdictAudience;
  /** Full locale for dates and numbers (`en-GB`); defaults to the language. */
  locale?: string;
}

/** A task's date as milliseconds; null when Flex gave none (or not a valid date). */
function timeOf(date: unknown): number | null {
  const time = date instanceof Date ? date.getTime() : typeof date === 'string' ? Date.parse(date) : NaN;
  return Number.isFinite(time) ? time : null;
}

/**
 * The transcript panel: the only part of the tab besides the fetch of what did not fit that changes when
 * the agent opens it (the load starts then), so it reads the opening itself and the rest of the view,
 * built before the click, is not rendered again by it.
 */
function TranscriptWhenOpened({ functionsBaseUrl, taskSid, conversationId, maskPatterns, sensitiveValues, known }: TranscriptWhenOpenedProps): JSX.Element {
  const opened = useTabOpened();
  const source = useMemo<TranscriptAccess>(() => {
    if (!functionsBaseUrl) return { status: 'unavailable', reason: 'not-configured' };
    if (!conversationId || !taskSid) return { status: 'unavailable', reason: 'no-id' };
    if (!opened) return { status: 'waiting' };
    const request = { functionsBaseUrl, taskSid, conversationId };
    // The latest turns when the tab opens; the whole call only when the agent needs what they left out.
    return {
      status: 'available',
      load: (signal) => fetchConversation({ ...request, token: flexToken(), signal, latest: true }),
      loadWhole: (signal) => fetchConversation({ ...request, token: flexToken(), signal }),
    };
  }, [functionsBaseUrl, taskSid, conversationId, opened]);
  return <ConversationTranscript source={source} maskPatterns={maskPatterns} sensitiveValues={sensitiveValues} known={known} />;
}

type TranscriptProps = React.ComponentProps<typeof ConversationTranscript>;

interface TranscriptWhenOpenedProps {
  functionsBaseUrl: string | null;
  taskSid: string | undefined;
  conversationId: string | null;
  maskPatterns: TranscriptProps['maskPatterns'];
  sensitiveValues: TranscriptProps['sensitiveValues'];
  known: TranscriptProps['known'];
}

/** Rendered again only when what it shows changes (not when the tab is opened, see TranscriptWhenOpened). */
const View = memo(HandoffContextView);

/** Container: takes the task from Flex, hands plain props to the views. */
function PolyaiContextTabContent({ task, config = DEFAULT_CONFIG, language = 'en-US', locale = language, audience = 'agent' }: PolyaiContextTabProps): JSX.Element {
  const attributes: unknown = task?.attributes;
  const compact = useMemo(() => handoffContextOf(attributes), [attributes]);
  const strings = useMemo(() => pickStrings(Manager.getInstance().strings), []);
  const { functionsBaseUrl } = config;
  // The Functions serve a task's holder only what that task was routed with: every call names the task.
  const taskSid = task?.taskSid;
  // What did not fit in the task comes from the Handoff API by id, in one round trip, once the tab is open.
  const { id: handoffId, sharedId } = compact.ids;
  const loadHandoff = useMemo<HandoffStateLoader | null>(
    () =>
      functionsBaseUrl && taskSid && (handoffId || sharedId)
        ? (signal) => fetchHandoffState({ functionsBaseUrl, token: flexToken(), taskSid, ids: { id: handoffId, sharedId }, signal })
        : null,
    [functionsBaseUrl, taskSid, handoffId, sharedId],
  );
  // Built before the agent opens the tab (Flex keeps tabs mounted); what is fetched waits for the opening.
  const opened = useTabOpened();
  const { context, state: fullHandoff } = useFullHandoff(compact, loadHandoff, opened);
  const { maskPatterns } = config;
  const sensitiveValues = useMemo(() => sensitiveValuesOf(context, maskPatterns), [context, maskPatterns]);
  const conversationId = transcriptIdOf(context.ids);
  const absent = context.status === 'absent';
  const { summary, reason, destination } = context;
  const knownId = context.ids.id;
  const known = useMemo(() => ({ summary: summary !== null, reason: reason !== null, destination: destination !== null, id: knownId }), [summary, reason, destination, knownId]);
  const transcript = useMemo(
    () =>
      absent ? null : (
        <TranscriptWhenOpened functionsBaseUrl={functionsBaseUrl} taskSid={taskSid} conversationId={conversationId} maskPatterns={maskPatterns} sensitiveValues={sensitiveValues} known={known} />
      ),
    [absent, functionsBaseUrl, taskSid, conversationId, maskPatterns, sensitiveValues, known],
  );
  const verdict = useMemo(() => (absent ? null : <VerdictPanel task={task} functionsBaseUrl={functionsBaseUrl} token={flexToken} audience={audience} />), [absent, task, functionsBaseUrl, audience]);
  return (
    // Render faults in the views are reported through Flex (the views only raise them).
    <FaultReportContext.Provider value={reportTabError}>
      <StringsContext.Provider value={strings}>
        <LocaleContext.Provider value={locale}>
          <LabelsContext.Provider value={config.labels[language] ?? NO_LABELS}>
            <TabErrorBoundary>
              {/* Keyed by task: new attributes refresh in place (scroll, search, reveals kept); another task starts clean. */}
              <View
                key={task?.taskSid}
                context={context}
                config={config}
                transcript={transcript}
                verdict={verdict}
                notLoadedPhase={fullHandoff.status === 'complete' ? undefined : fullHandoff}
                taskCreatedAt={timeOf(task?.dateCreated)}
              />
            </TabErrorBoundary>
          </LabelsContext.Provider>
        </LocaleContext.Provider>
      </StringsContext.Provider>
    </FaultReportContext.Provider>
  );
}

export const PolyaiContextTab = withTaskContext(PolyaiContextTabContent);
