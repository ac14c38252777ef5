import React, { useCallback, useEffect, useState } from 'react';
import { Box } from '@twilio-paste/core/box';
import { Heading } from '@twilio-paste/core/heading';
import { Table, THead, Th, Tr } from '@twilio-paste/core/table';
import { Text } from '@twilio-paste/core/text';
import { css, styled } from '@twilio-paste/styling-library';

import { ClampedText } from '../../common/ClampedText';
import { CopyButton } from '../../common/CopyButton';
import { PartBoundary } from '../../common/PartBoundary';
import { SafeValue } from '../../common/SafeValue';
import { Section } from '../../common/Section';
import { useAnnouncement } from '../../common/useAnnouncement';
import type { FieldGroup, FieldRow } from '@polyai-context/model';
import { SensitiveText } from '../fields/SensitiveText';
import { formatValue } from '../formatValue';
import type { CapturedField } from '@polyai-context/model';
import { useCurrency, useLocale, useStrings } from '../../../strings';

/**
 * Rows rendered in the first frame, then per later frame: about 0.5 ms each, so a frame (16 ms) stays within
 * budget however many fields PolyAI captured; 500 rows complete in ~25 frames.
 */
export const ROWS_FIRST_FRAME = 20;
export const ROWS_PER_FRAME = 20;

/** How many of `total` rows to render: a first frame's worth at once, the rest a frame's worth at a time. */
function useProgressiveCount(total: number): number {
  const [count, setCount] = useState(() => Math.min(total, ROWS_FIRST_FRAME));
  useEffect(() => {
    if (count >= total) return undefined;
    const frame = requestAnimationFrame(() => setCount((current) => Math.min(total, current + ROWS_PER_FRAME)));
    return () => cancelAnimationFrame(frame);
  }, [count, total]);
  return Math.min(count, total);
}

interface CapturedFieldsSectionProps {
  groups: readonly FieldGroup[];
  /** Paths the agent revealed; kept by the view so "Copy all" copies what is shown. */
  revealed: ReadonlySet<string>;
  onToggle: (path: string) => void;
}

interface FieldValueProps {
  row: FieldRow;
  textOf: (field: CapturedField) => string;
  shown: boolean;
  onToggle: () => void;
  onCopied: (message: string) => void;
}

/**
 * The rows' cells, styled once by their table body as Paste's TBody, Td and Text style them one element at a
 * time: a row is plain table cells plus its buttons, so 500 rows cost a fraction of the styled elements.
 */
const FieldRows = styled.tbody(
  css({
    backgroundColor: 'colorBackgroundBody',
    '& > tr': { verticalAlign: 'top' },
    '& > tr > td': {
      borderStyle: 'solid',
      borderColor: 'colorBorderWeaker',
      borderWidth: 'borderWidth0',
      borderBottomWidth: 'borderWidth10',
      color: 'colorText',
      fontSize: 'fontSize30',
      lineHeight: 'lineHeight30',
      paddingX: 'space50',
      paddingY: 'space40',
      position: 'relative',
      textAlign: 'left',
      verticalAlign: 'inherit',
      wordWrap: 'break-word',
    },
    // Paste's TBody drops the last row's bottom border on its cells.
    '& > tr:last-of-type > td': { borderBottomWidth: 'borderWidth0' },
    '& > tr > td:first-of-type > span': { fontWeight: 'fontWeightSemibold', wordBreak: 'break-word' },
    '& > tr > td > div': { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', columnGap: 'space20' },
    '& > tr > td > div > div': { minWidth: '0', wordBreak: 'break-word' },
  }),
);

/** One row's value with reveal and copy, long text cut with "Show more"; formatted inside the row's own boundary. */
function FieldValue({ row, textOf, shown, onToggle, onCopied }: FieldValueProps): JSX.Element {
  const text = textOf(row.field);
  return (
    <div>
      <div>
        <ClampedText text={text}>
          {(visible) => (row.sensitive ? <SensitiveText text={visible} label={row.fullLabel} sensitive revealed={shown} onToggle={onToggle} /> : <SafeValue text={visible} />)}
        </ClampedText>
      </div>
      <CopyButton text={text} label={row.fullLabel} onCopied={onCopied} disabled={!shown} />
    </div>
  );
}

interface CapturedFieldRowProps extends Omit<FieldValueProps, 'onToggle'> {
  onToggle: (path: string) => void;
}

/**
 * One captured field's row. Memoised: each frame of the progressive render adds rows, and the rows already
 * shown must not render again (500 rows re-rendered 25 times made the frames grow with the row count).
 */
const CapturedFieldRow = React.memo(function CapturedFieldRow({ row, textOf, shown, onToggle, onCopied }: CapturedFieldRowProps): JSX.Element {
  return (
    <tr>
      {/* A row header drawn as a cell: the body drops the last row's border on cells, which a row's <th>
          would keep under the label column alone. */}
      <td role="rowheader">
        <span title={row.field.path}>{row.label}</span>
      </td>
      <td>
        <PartBoundary part="row" resetKey={row.field}>
          <FieldValue row={row} textOf={textOf} shown={shown} onToggle={() => onToggle(row.field.path)} onCopied={onCopied} />
        </PartBoundary>
      </td>
    </tr>
  );
});

/** Everything else PolyAI captured, grouped by parent, with copy and (for sensitive values) reveal. */
export function CapturedFieldsSection({ groups, revealed, onToggle }: CapturedFieldsSectionProps): JSX.Element {
  const t = useStrings();
  const locale = useLocale();
  const { announce, region } = useAnnouncement();
  const currency = useCurrency();
  const textOf = useCallback((field: CapturedField) => formatValue(field, t, locale, currency), [t, locale, currency]);
  const rowCount = groups.reduce((sum, group) => sum + group.rows.length, 0);
  // Copy all (the view's, over every row of `groups`) and reveal work while the rest are still being rendered.
  let budget = useProgressiveCount(rowCount);

  return (
    <Section id="fields" title={t('PolyaiContextFieldsHeading')}>
      {rowCount === 0 ? (
        <Text as="p" color="colorTextWeak">
          {t('PolyaiContextNoFields')}
        </Text>
      ) : (
        <>
          {groups.map((group, index) => {
            const rows = group.rows.slice(0, budget);
            budget -= rows.length;
            if (rows.length === 0) return null;
            // Top-level values need a heading only when an admin's order put a group above them.
            const heading = group.label ?? (index > 0 ? t('PolyaiContextOtherFieldsGroup') : null);
            return (
              <Box key={group.key ?? ''} marginBottom="space40">
                {heading && (
                  <Heading as="h4" variant="heading50">
                    {heading}
                  </Heading>
                )}
                <Table variant="borderless" tableLayout="fixed" aria-busy={rows.length < group.rows.length}>
                  <THead>
                    <Tr>
                      <Th>{t('PolyaiContextFieldColumn')}</Th>
                      <Th>{t('PolyaiContextValueColumn')}</Th>
                    </Tr>
                  </THead>
                  <FieldRows>
                    {rows.map((row) => (
                      <CapturedFieldRow
                        key={row.field.path}
                        row={row}
                        textOf={textOf}
                        shown={!row.sensitive || revealed.has(row.field.path)}
                        onToggle={onToggle}
                        onCopied={announce}
                      />
                    ))}
                  </FieldRows>
                </Table>
              </Box>
            );
          })}
          {region}
        </>
      )}
    </Section>
  );
}
