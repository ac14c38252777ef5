import React, { useState } from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Text } from '@twilio-paste/core/text';
import { CopyIcon } from '@twilio-paste/icons/esm/CopyIcon';

import { CallTimes } from './CallTimes';
import { intentValue } from './sections/HandoffSection';
import { VerificationBadge } from './sections/VerificationSection';
import { copyText } from '../common/clipboard';
import { useAnnouncement } from '../common/useAnnouncement';
import type { ConfidenceThresholds } from '../../config';
import type { HandoffContext, RecordTimes } from '@polyai-context/model';
import { useLabel, useStrings } from '../../strings';

interface AtAGlanceProps {
  context: HandoffContext;
  thresholds: ConfidenceThresholds;
  /**
   * Everything the tab shows, as text (built on click, so it copies what is revealed right now); it waits for a
   * long call's whole transcript. null: that could not be loaded, so nothing is copied.
   */
  copyAllText: () => Promise<string | null>;
  /** PolyAI's conversation record's times, once the transcript loaded it. */
  record: RecordTimes | null;
  /** When Flex created the task; null when Flex did not say. */
  taskCreatedAt: number | null;
}

/**
 * The first thing in the tab, above any warning: Verified or not, the intent with its confidence and the
 * reason, on one line (wrapping only when the panel is too narrow), and "Copy all"; below, the call's times.
 */
export function AtAGlance({ context, thresholds, copyAllText, record, taskCreatedAt }: AtAGlanceProps): JSX.Element {
  const t = useStrings();
  const label = useLabel();
  const { announce, region } = useAnnouncement();
  const [copying, setCopying] = useState(false);
  const copyAll = async () => {
    setCopying(true);
    const text = await copyAllText();
    setCopying(false);
    if (text === null) return announce(t('PolyaiContextCopyWholeCallFailed'));
    const copied = await copyText(text);
    announce(copied ? t('PolyaiContextCopiedAll') : t('PolyaiContextCopyFailed'));
  };
  return (
    <Box
      as="section"
      aria-label={t('PolyaiContextGlanceLabel')}
      data-testid="polyai-glance"
      backgroundColor="colorBackgroundBody"
      borderStyle="solid"
      borderWidth="borderWidth10"
      borderColor="colorBorderWeak"
      borderRadius="borderRadius30"
      paddingX="space50"
      paddingY="space40"
    >
      <Box display="flex" flexWrap="wrap" alignItems="center" columnGap="space40" rowGap="space30">
        <Box display="flex" flexWrap="wrap" alignItems="center" columnGap="space40" rowGap="space20" flexGrow={1} minWidth="0">
          <VerificationBadge verification={context.verification} />
          {context.intent && (
            <Text as="span" fontWeight="fontWeightSemibold" wordBreak="break-word" data-testid="polyai-glance-intent">
              {intentValue(context.intent, thresholds, t, label)}
            </Text>
          )}
          {context.reason && (
            <Text as="span" color="colorTextWeak" wordBreak="break-word" data-testid="polyai-glance-reason">
              {`${t('PolyaiContextReasonLabel')}: `}
              <Text as="span" color="colorText">
                {label.code(context.reason)}
              </Text>
            </Text>
          )}
        </Box>
        <Button variant="secondary" size="small" onClick={copyAll} loading={copying}>
          <CopyIcon decorative />
          {t('PolyaiContextCopyAll')}
        </Button>
      </Box>
      <CallTimes record={record} taskCreatedAt={taskCreatedAt} />
      {region}
    </Box>
  );
}
