import React, { useCallback, useEffect, useRef, useState } from 'react';
import { Box } from '@twilio-paste/core/box';
import { Heading } from '@twilio-paste/core/heading';
import { Table, THead, Th, Tr } from '@twilio-paste/core/table';
import { Text } from '@twilio-paste/core/text';
import { css, styled } from '@twilio-paste/styling-library';

import { ClampedText } from '../../common/ClampedText';
import { PlainCopyButton } from '../../common/CopyButton';
import { PartBoundary } from '../../common/PartBoundary';
import { SafeValue } from '../../common/SafeValue';
import { Section } from '../../common/Section';
import { useAnnouncement } from '../../common/useAnnouncement';
import { useTabOpened } from '../../common/tabOpened';
import type { FieldGroup, FieldRow } from '@polyai-context/model';
import { SensitiveText } from '../fields/SensitiveText';
import { formatValue } from '../formatValue';
import type { CapturedField } from '@polyai-context/model';
import { useCurrency, useLocale, useStrings } from '../../../strings';

/** Rows rendered with the tab, before it is opened: about a screen's worth, so opening it only shows them. */
export const ROWS_FIRST_FRAME = 20;
/** The pace the rows start at once the tab is opened, scaled by how long the opening's own frame took. */
export const ROWS_PER_FRAME = 20;
/**
 * How long a frame adding rows may take, all of it (the rows' rendering, the page's style, layout and paint):
 * half the longest frame allowed (50 ms), leaving room for Flex's own work on a busy machine.
 */
export const ROW_FRAME_BUDGET_MS = 25;
/** Bounds of a frame's rows: never so few that 500 rows take seconds, never so many that one frame stalls. */
export const ROWS_PER_FRAME_MIN = 8;
export const ROWS_PER_FRAME_MAX = 50;

/**
 * The next frame's rows: the last frame's, scaled by how its length compares with the budget. Growing by at
 * most half a frame's rows: a row's cost varies with the machine's load, and a doubled frame overshot.
 */
export function nextRowsPerFrame(rows: number, frameMs: number): number {
  const most = Math.round(rows * 1.5);
  const scaled = frameMs > 0 ? Math.round((rows * ROW_FRAME_BUDGET_MS) / frameMs) : most;
  return Math.max(ROWS_PER_FRAME_MIN, Math.min(ROWS_PER_FRAME_MAX, most, scaled));
}

/**
 * How many of `total` rows to render: a screen's worth with the tab, built hidden before the agent opens it;
 * once opened, the rest a frame at a time, each frame's rows sized by how long the last frame took (from one
 * animation frame to the next: rendering, style, layout and paint). A tab not yet opened, this task's or
 * another's, costs the agent no more than its first rows.
 */
function useProgressiveCount(total: number, opened: boolean): number {
  const [count, setCount] = useState(() => Math.min(total, ROWS_FIRST_FRAME));
  const pace = useRef<{ rows: number; frameAt: number | null }>({ rows: ROWS_PER_FRAME, frameAt: null });
  useEffect(() => {
    if (!opened || count >= total) return undefined;
    let frame = requestAnimationFrame(function addRows(at: number) {
      const previous = pace.current.frameAt;
      pace.current.frameAt = at;
      if (previous === null) {
        // The opening's own frame shows the tab; the rows start on the next.
        frame = requestAnimationFrame(addRows);
        return;
      }
      const rows = nextRowsPerFrame(pace.current.rows, at - previous);
      pace.current.rows = rows;
      setCount((current) => Math.min(total, current + rows));
    });
    return () => cancelAnimationFrame(frame);
  }, [count, total, opened]);
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
 * time: a row is plain table cells, spans and a plain copy button, so 500 rows cost a fraction of the styled elements.
 */
const FieldRows = styled.tbody(
  css({
    backgroundColor: 'colorBackgroundBody',
    '& > tr': { verticalAlign: 'top' },
    '& > tr > td': {
      borderStyle: 'solid',
      borderColor: 'colorBorderWeaker',
      borderWidth: 'borderWidth0',
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
    // A line between rows, none after the last, as Paste's TBody draws them; drawn above each row after the
    // first, so a row added at the end restyles only itself (a last-of-type rule restyles every row before it).
    '& > tr + tr > td': { borderTopWidth: 'borderWidth10' },
    '& > tr > td:first-of-type > span': { fontWeight: 'fontWeightSemibold', wordBreak: 'break-word' },
    '& > tr > td > div': { display: 'flex', alignItems: 'flex-start', justifyContent: 'space-between', columnGap: 'space20' },
    '& > tr > td > div > div': { minWidth: '0', wordBreak: 'break-word' },
    // The row's copy button, as Paste's Button draws its secondary_icon variant at icon_small size.
    '& > tr > td > div > button': {
      appearance: 'none',
      background: 'none',
      display: 'inline-block',
      border: 'none',
      outline: 'none',
      transition: 'background-color 100ms ease-in, box-shadow 100ms ease-in, color 100ms ease-in',
      fontFamily: 'inherit',
      fontWeight: 'fontWeightSemibold',
      textDecoration: 'none',
      position: 'relative',
      margin: 'space0',
      padding: 'space20',
      borderRadius: 'borderRadius20',
      width: 'auto',
      cursor: 'pointer',
      color: 'colorTextIcon',
      '&:hover, &:active': { color: 'colorText' },
      '&:focus': { color: 'colorText', boxShadow: 'shadowFocus' },
      '&:active': { boxShadow: 'none' },
      '&:disabled': { cursor: 'not-allowed', color: 'colorTextWeaker', boxShadow: 'none' },
    },
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
      <PlainCopyButton text={text} label={row.fullLabel} onCopied={onCopied} disabled={!shown} />
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
      {/* A row header drawn as a cell: the body draws the lines between rows on cells, which a row's <th>
          would leave out under the label column. */}
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

interface FieldGroupTableProps {
  group: FieldGroup;
  /** Of the group's rows, how many are rendered so far. */
  shownRows: number;
  heading: string | null;
  textOf: (field: CapturedField) => string;
  revealed: ReadonlySet<string>;
  onToggle: (path: string) => void;
  onCopied: (message: string) => void;
}

/**
 * One group's heading and table. Memoised: a frame adding rows renders the group they join, not every group
 * shown so far (their Paste heading and table styled again on each of those frames).
 */
const FieldGroupTable = React.memo(function FieldGroupTable({ group, shownRows, heading, textOf, revealed, onToggle, onCopied }: FieldGroupTableProps): JSX.Element {
  const t = useStrings();
  return (
    <Box marginBottom="space40">
      {heading && (
        <Heading as="h4" variant="heading50">
          {heading}
        </Heading>
      )}
      <Table variant="borderless" tableLayout="fixed" aria-busy={shownRows < group.rows.length}>
        <THead>
          <Tr>
            <Th>{t('PolyaiContextFieldColumn')}</Th>
            <Th>{t('PolyaiContextValueColumn')}</Th>
          </Tr>
        </THead>
        <FieldRows>
          {group.rows.slice(0, shownRows).map((row) => (
            <CapturedFieldRow
              key={row.field.path}
              row={row}
              textOf={textOf}
              shown={!row.sensitive || revealed.has(row.field.path)}
              onToggle={onToggle}
              onCopied={onCopied}
            />
          ))}
        </FieldRows>
      </Table>
    </Box>
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
  let budget = useProgressiveCount(rowCount, useTabOpened());

  return (
    <Section id="fields" title={t('PolyaiContextFieldsHeading')}>
      {rowCount === 0 ? (
        <Text as="p" color="colorTextWeak">
          {t('PolyaiContextNoFields')}
        </Text>
      ) : (
        <>
          {groups.map((group, index) => {
            const shownRows = Math.min(budget, group.rows.length);
            budget -= shownRows;
            if (shownRows === 0) return null;
            // Top-level values need a heading only when an admin's order put a group above them.
            const heading = group.label ?? (index > 0 ? t('PolyaiContextOtherFieldsGroup') : null);
            return (
              <FieldGroupTable
                key={group.key ?? ''}
                group={group}
                shownRows={shownRows}
                heading={heading}
                textOf={textOf}
                revealed={revealed}
                onToggle={onToggle}
                onCopied={announce}
              />
            );
          })}
          {region}
        </>
      )}
    </Section>
  );
}
