import React, { useMemo } from 'react';
import { Manager, withTaskContext, type ITask } from '@twilio/flex-ui';

import { HandoffContextView } from '../../views/HandoffContextView/HandoffContextView';
import { TabErrorBoundary } from '../../views/TabErrorBoundary/TabErrorBoundary';
import { TranscriptSection } from '../../views/Transcript/TranscriptSection';
import { useFullHandoff, type HandoffStateLoader } from './useFullHandoff';
import type { ConversationLoader } from '../../views/Transcript/useConversation';
import { VerdictPanel, type VerdictAudience } from '../../views/Verdict/VerdictPanel';
import { DEFAULT_CONFIG, type PolyaiContextConfig } from '../../config';
import { compileMaskPatterns, sensitiveValuesOf } from '@polyai-context/model';
import { fetchConversation } from '../../functionCalls/conversationClient';
import { fetchHandoffState } from '../../functionCalls/handoffStateClient';
import { LocaleContext, pickStrings, StringsContext, type SupportedLanguage } from '../../strings';
import { flexToken } from '../flexToken';
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

/** Container: takes the task from Flex, hands plain props to the views. */
function PolyaiContextTabContent({ task, config = DEFAULT_CONFIG, language = 'en-US', locale = language, audience = 'agent' }: PolyaiContextTabProps): JSX.Element {
  const attributes: unknown = task?.attributes;
  const compact = useMemo(() => handoffContextOf(attributes), [attributes]);
  const strings = useMemo(() => pickStrings(Manager.getInstance().strings), []);
  const maskPatterns = useMemo(() => compileMaskPatterns(config.maskPatterns), [config]);
  const { functionsBaseUrl } = config;
  // What did not fit in the task comes from the Handoff API by id, in one round trip, once the tab is open.
  const { id: handoffId, sharedId } = compact.ids;
  const loadHandoff = useMemo<HandoffStateLoader | null>(
    () =>
      functionsBaseUrl && (handoffId || sharedId)
        ? (signal) => fetchHandoffState({ functionsBaseUrl, token: flexToken(), ids: { id: handoffId, sharedId }, signal })
        : null,
    [functionsBaseUrl, handoffId, sharedId],
  );
  const { context, state: fullHandoff } = useFullHandoff(compact, loadHandoff);
  const sensitiveValues = useMemo(() => sensitiveValuesOf(context, maskPatterns), [context, maskPatterns]);
  const conversationId = context.ids.id ?? context.ids.callSid;
  const load = useMemo<ConversationLoader | null>(
    () =>
      functionsBaseUrl && conversationId
        ? (signal) => fetchConversation({ functionsBaseUrl, token: flexToken(), conversationId, signal })
        : null,
    [functionsBaseUrl, conversationId],
  );
  const transcript =
    context.status === 'absent' ? null : (
      <TranscriptSection
        load={load}
        unavailable={functionsBaseUrl ? 'no-id' : 'not-configured'}
        maskPatterns={maskPatterns}
        sensitiveValues={sensitiveValues}
        known={{ summary: context.summary !== null, reason: context.reason !== null, destination: context.destination !== null, id: context.ids.id }}
      />
    );
  const verdict =
    context.status === 'absent' ? null : <VerdictPanel task={task} functionsBaseUrl={functionsBaseUrl} token={flexToken} audience={audience} />;
  return (
    <StringsContext.Provider value={strings}>
      <LocaleContext.Provider value={locale}>
        <TabErrorBoundary>
          {/* Keyed by task: new attributes refresh in place (scroll, search, reveals kept); another task starts clean. */}
          <HandoffContextView
            key={task?.taskSid}
            context={context}
            config={config}
            transcript={transcript}
            verdict={verdict}
            notLoadedPhase={fullHandoff.status === 'complete' ? undefined : fullHandoff}
          />
        </TabErrorBoundary>
      </LocaleContext.Provider>
    </StringsContext.Provider>
  );
}

export const PolyaiContextTab = withTaskContext(PolyaiContextTabContent);
