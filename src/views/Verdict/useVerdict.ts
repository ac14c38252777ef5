import { useCallback, useEffect, useRef, useState } from 'react';

import type { StoredVerdict, Verdict, VerdictReason } from '@polyai-context/model';

export interface VerdictChoice {
  verdict: Verdict;
  reason: VerdictReason | null;
}

/** What saving answers: the stored verdict, or why it was not saved (the container's call to the Function gives it). */
export type VerdictSaveOutcome = { ok: true; stored: StoredVerdict } | { ok: false; message: string };

export type SaveVerdict = (choice: VerdictChoice) => Promise<VerdictSaveOutcome>;

export type VerdictPhase = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

/**
 * The agent's choice and its save. What is shown is the agent's latest choice (kept after a failed save, for
 * "Save again"), else the verdict stored on the task. When the stored verdict changes (our save arriving
 * through Flex, or a supervisor's), it takes over again. Only the latest save's answer counts.
 */
export function useVerdict(stored: StoredVerdict | null, save: SaveVerdict | null) {
  const [choice, setChoice] = useState<VerdictChoice | null>(null);
  const [phase, setPhase] = useState<VerdictPhase>({ kind: 'idle' });
  const latest = useRef(0);
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);

  const storedKey = stored ? `${stored.verdict}|${stored.reason}|${stored.at}` : '';
  const phaseKind = phase.kind;
  useEffect(() => {
    if (phaseKind === 'idle' || phaseKind === 'saved') setChoice(null);
    // Only a change of the stored verdict hands the display back to it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storedKey]);

  const run = useCallback(
    (next: VerdictChoice) => {
      if (save === null) return;
      const request = ++latest.current;
      setChoice(next);
      setPhase({ kind: 'saving' });
      save(next).then((result) => {
        if (!mounted.current || request !== latest.current) return;
        setPhase(result.ok ? { kind: 'saved' } : { kind: 'failed', message: result.message });
      });
    },
    [save],
  );

  const shown: VerdictChoice | null = choice ?? (stored ? { verdict: stored.verdict, reason: stored.reason } : null);
  const retry = useCallback(() => {
    if (choice) run(choice);
  }, [choice, run]);
  return { shown, phase, choose: run, retry };
}
