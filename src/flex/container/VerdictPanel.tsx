import React, { useMemo } from 'react';

import { VerdictControl, type VerdictMode } from '../../views/Verdict/VerdictControl';
import type { SaveVerdict } from '../../views/Verdict/useVerdict';
import { readStoredVerdict } from '@polyai-context/model';
import { saveVerdict } from '../../functionCalls/verdictClient';

/** The slice of a Flex task the verdict needs (`ITask`: `status` is the reservation's status). */
export interface VerdictTask {
  taskSid?: string;
  status?: string;
  attributes?: unknown;
}

export type VerdictAudience = 'agent' | 'supervisor';

interface VerdictPanelProps {
  task: VerdictTask | undefined;
  functionsBaseUrl: string | null;
  /** The viewer's current Flex token, read when saving (Flex refreshes it during a shift). */
  token: () => string;
  audience: VerdictAudience;
}

const CLOSED = new Set(['completed', 'canceled']);
/** Before Accept the agent does not hold the task yet: nothing to save. */
const NOT_HELD = new Set(['pending', 'reserved']);

export function verdictMode(task: VerdictTask | undefined, audience: VerdictAudience, functionsBaseUrl: string | null): VerdictMode {
  if (audience === 'supervisor') return 'readonly';
  if (CLOSED.has(task?.status ?? '')) return 'locked';
  if (NOT_HELD.has(task?.status ?? '') || !task?.taskSid) return 'readonly';
  return functionsBaseUrl ? 'editable' : 'not-configured';
}

/** Container: the stored verdict from the task attributes (no request), saving through the Function on choice. */
export function VerdictPanel({ task, functionsBaseUrl, token, audience }: VerdictPanelProps): JSX.Element {
  const attributes = task?.attributes;
  const stored = useMemo(() => readStoredVerdict(attributes), [attributes]);
  const taskSid = task?.taskSid;
  const save = useMemo<SaveVerdict | null>(
    () => (functionsBaseUrl && taskSid ? (choice) => saveVerdict({ functionsBaseUrl, token: token(), taskSid, ...choice }) : null),
    [functionsBaseUrl, taskSid, token],
  );
  return <VerdictControl stored={stored} mode={verdictMode(task, audience, functionsBaseUrl)} save={save} />;
}
