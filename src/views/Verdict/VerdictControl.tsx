import React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { HelpText } from '@twilio-paste/core/help-text';
import { Label } from '@twilio-paste/core/label';
import { Option, Select } from '@twilio-paste/core/select';
import { Stack } from '@twilio-paste/core/stack';
import { Text } from '@twilio-paste/core/text';
import { useUID } from '@twilio-paste/core/uid-library';

import { Section } from '../common/Section';
import { VERDICT_REASONS, VERDICTS, isVerdictReason, type StoredVerdict, type Verdict, type VerdictReason } from '@polyai-context/model';
import { useStrings, type StringKey } from '../../strings';
import { useVerdict, type SaveVerdict, type VerdictChoice } from './useVerdict';

/**
 * - `editable`: the agent holding the task (until it completes);
 * - `locked`: the task is completed, the verdict stays as stored;
 * - `readonly`: a supervisor monitoring the call sees the agent's verdict;
 * - `not-configured`: no Functions URL, so nothing could be saved.
 */
export type VerdictMode = 'editable' | 'locked' | 'readonly' | 'not-configured';

interface VerdictControlProps {
  stored: StoredVerdict | null;
  mode: VerdictMode;
  /** Called only when the agent chooses; never on render. */
  save: SaveVerdict | null;
}

export const VERDICT_LABELS: Readonly<Record<Verdict, StringKey>> = {
  right: 'PolyaiContextVerdictRight',
  incomplete: 'PolyaiContextVerdictIncomplete',
  wrong: 'PolyaiContextVerdictWrong',
};

export const REASON_LABELS: Readonly<Record<VerdictReason, StringKey>> = {
  wrong_intent: 'PolyaiContextVerdictReasonWrongIntent',
  not_verified: 'PolyaiContextVerdictReasonNotVerified',
  missing_data: 'PolyaiContextVerdictReasonMissingData',
  should_not_escalate: 'PolyaiContextVerdictReasonShouldNotEscalate',
};

/** The agent's one-click verdict on the handoff, with an optional reason; read-only for supervisors. */
export function VerdictControl({ stored, mode, save }: VerdictControlProps): JSX.Element {
  const t = useStrings();
  return (
    <Section id="verdict" title={t('PolyaiContextVerdictHeading')}>
      {mode === 'editable' ? <VerdictChooser stored={stored} save={save} /> : <StoredVerdictText stored={stored} />}
      {stored?.by === 'supervisor' && <HelpText>{t('PolyaiContextVerdictBySupervisor')}</HelpText>}
      {mode === 'locked' && <HelpText>{t('PolyaiContextVerdictLocked')}</HelpText>}
      {mode === 'not-configured' && <HelpText>{t('PolyaiContextVerdictNotConfigured')}</HelpText>}
    </Section>
  );
}

function StoredVerdictText({ stored }: { stored: StoredVerdict | null }): JSX.Element {
  const t = useStrings();
  if (stored === null) return <Text as="p" data-testid="polyai-verdict-stored">{t('PolyaiContextVerdictNone')}</Text>;
  const verdict = t(VERDICT_LABELS[stored.verdict]);
  return (
    <Text as="p" fontWeight="fontWeightSemibold" data-testid="polyai-verdict-stored">
      {stored.reason ? t('PolyaiContextVerdictStoredWithReason', { verdict, reason: t(REASON_LABELS[stored.reason]) }) : verdict}
    </Text>
  );
}

function VerdictChooser({ stored, save }: { stored: StoredVerdict | null; save: SaveVerdict | null }): JSX.Element {
  const t = useStrings();
  const { shown, phase, choose, retry } = useVerdict(stored, save);
  const reasonId = useUID();
  const pick = (choice: VerdictChoice) => choose(choice);
  return (
    <Stack orientation="vertical" spacing="space40">
      <Box display="flex" flexWrap="wrap" columnGap="space30" rowGap="space30" role="group" aria-label={t('PolyaiContextVerdictGroupLabel')}>
        {VERDICTS.map((verdict) => (
          <Button
            key={verdict}
            variant="secondary"
            size="small"
            pressed={shown?.verdict === verdict}
            // Choosing again keeps the reason only where it still applies.
            onClick={() => pick({ verdict, reason: verdict === 'right' ? null : (shown?.reason ?? null) })}
          >
            {t(VERDICT_LABELS[verdict])}
          </Button>
        ))}
      </Box>
      {shown !== null && shown.verdict !== 'right' && (
        <Box>
          <Label htmlFor={reasonId}>{t('PolyaiContextVerdictReasonLabel')}</Label>
          <Select
            id={reasonId}
            value={shown.reason ?? ''}
            onChange={(event) => pick({ verdict: shown.verdict, reason: isVerdictReason(event.target.value) ? event.target.value : null })}
          >
            <Option value="">{t('PolyaiContextVerdictReasonNone')}</Option>
            {VERDICT_REASONS.map((reason) => (
              <Option key={reason} value={reason}>
                {t(REASON_LABELS[reason])}
              </Option>
            ))}
          </Select>
        </Box>
      )}
      <Box role="status" aria-live="polite" data-testid="polyai-verdict-status">
        {phase.kind === 'saving' && <HelpText>{t('PolyaiContextVerdictSaving')}</HelpText>}
        {phase.kind === 'saved' && <HelpText variant="success">{t('PolyaiContextVerdictSaved')}</HelpText>}
        {phase.kind === 'failed' && (
          <Stack orientation="vertical" spacing="space20">
            <HelpText variant="error">{t('PolyaiContextVerdictFailed', { message: phase.message })}</HelpText>
            <Box>
              <Button variant="secondary" size="small" onClick={retry}>
                {t('PolyaiContextVerdictRetry')}
              </Button>
            </Box>
          </Stack>
        )}
      </Box>
    </Stack>
  );
}
