import React, { useCallback, useMemo, useState } from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Heading } from '@twilio-paste/core/heading';
import { Table, TBody, THead, Td, Th, Tr } from '@twilio-paste/core/table';
import { Text } from '@twilio-paste/core/text';
import { CopyIcon } from '@twilio-paste/icons/esm/CopyIcon';

import { copyText } from '../../common/clipboard';
import { CopyButton } from '../../common/CopyButton';
import { PartBoundary } from '../../common/PartBoundary';
import { Section } from '../../common/Section';
import { useAnnouncement } from '../../common/useAnnouncement';
import { arrangeFields, type FieldGroup, type FieldRow, type FieldRules } from '../fields/arrangeFields';
import { SensitiveText } from '../fields/SensitiveText';
import { formatValue } from '../formatValue';
import { MASK, type CapturedField } from '../../../model';
import { useLocale, useStrings } from '../../../strings';

interface CapturedFieldsSectionProps {
  fields: CapturedField[];
  rules: FieldRules;
}

/** "Label: value" lines; a masked value stays masked unless the agent revealed it. */
function asPlainText(groups: FieldGroup[], textOf: (field: CapturedField) => string, revealed: ReadonlySet<string>): string {
  return groups
    .flatMap((group) => group.rows)
    .map((row) => `${row.fullLabel}: ${row.sensitive && !revealed.has(row.field.path) ? MASK : textOf(row.field)}`)
    .join('\n');
}

interface FieldValueProps {
  row: FieldRow;
  textOf: (field: CapturedField) => string;
  shown: boolean;
  onToggle: () => void;
  onCopied: (message: string) => void;
}

/** One row's value with reveal and copy; formatted inside the row's own boundary. */
function FieldValue({ row, textOf, shown, onToggle, onCopied }: FieldValueProps): JSX.Element {
  const text = textOf(row.field);
  return (
    <Box display="flex" alignItems="center" justifyContent="space-between" columnGap="space20">
      <SensitiveText text={text} label={row.fullLabel} sensitive={row.sensitive} revealed={shown} onToggle={onToggle} />
      <CopyButton text={text} label={row.fullLabel} onCopied={onCopied} disabled={!shown} />
    </Box>
  );
}

/** Everything else PolyAI captured, grouped by parent, with copy and (for sensitive values) reveal. */
export function CapturedFieldsSection({ fields, rules }: CapturedFieldsSectionProps): JSX.Element {
  const t = useStrings();
  const locale = useLocale();
  const { announce, region } = useAnnouncement();
  // Kept by path, so a refresh of the task's attributes does not re-mask what the agent revealed.
  const [revealed, setRevealed] = useState<ReadonlySet<string>>(() => new Set());
  const groups = useMemo(() => arrangeFields(fields, rules), [fields, rules]);
  const textOf = useCallback((field: CapturedField) => formatValue(field, t, locale), [t, locale]);
  const toggle = (path: string) =>
    setRevealed((current) => {
      const next = new Set(current);
      if (next.has(path)) next.delete(path);
      else next.add(path);
      return next;
    });
  const copyAll = async () => {
    const copied = await copyText(asPlainText(groups, textOf, revealed));
    announce(copied ? t('PolyaiContextCopiedAll') : t('PolyaiContextCopyFailed'));
  };
  const rowCount = groups.reduce((sum, group) => sum + group.rows.length, 0);

  return (
    <Section id="fields" title={t('PolyaiContextFieldsHeading')}>
      {rowCount === 0 ? (
        <Text as="p" color="colorTextWeak">
          {t('PolyaiContextNoFields')}
        </Text>
      ) : (
        <>
          <Box display="flex" alignItems="center" columnGap="space30" marginBottom="space30">
            <Button variant="secondary" size="small" onClick={copyAll}>
              <CopyIcon decorative />
              {t('PolyaiContextCopyAll')}
            </Button>
            {region}
          </Box>
          {groups.map((group, index) => {
            // Top-level values need a heading only when an admin's order put a group above them.
            const heading = group.label ?? (index > 0 ? t('PolyaiContextOtherFieldsGroup') : null);
            return (
            <Box key={group.key ?? ''} marginBottom="space40">
              {heading && (
                <Heading as="h4" variant="heading50">
                  {heading}
                </Heading>
              )}
              <Table variant="borderless" tableLayout="fixed">
                <THead>
                  <Tr>
                    <Th>{t('PolyaiContextFieldColumn')}</Th>
                    <Th>{t('PolyaiContextValueColumn')}</Th>
                  </Tr>
                </THead>
                <TBody>
                  {group.rows.map((row) => {
                    const shown = !row.sensitive || revealed.has(row.field.path);
                    return (
                      <Tr key={row.field.path}>
                        <Th scope="row">
                          <Text as="span" fontWeight="fontWeightSemibold" title={row.field.path} wordBreak="break-word">
                            {row.label}
                          </Text>
                        </Th>
                        <Td>
                          <PartBoundary part="row" resetKey={row.field}>
                            <FieldValue row={row} textOf={textOf} shown={shown} onToggle={() => toggle(row.field.path)} onCopied={announce} />
                          </PartBoundary>
                        </Td>
                      </Tr>
                    );
                  })}
                </TBody>
              </Table>
            </Box>
            );
          })}
        </>
      )}
    </Section>
  );
}
