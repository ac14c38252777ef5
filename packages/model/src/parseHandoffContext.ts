/**
 * Task attributes → one handoff context, in three steps, one file each: where the data sits (envelope.ts),
 * the sections the tab shows on their own (knownSections.ts), and every other value as a captured field
 * (capturedFields.ts).
 */
import { readCapturedFields } from './capturedFields';
import { locateData, NO_IDS, type Located } from './envelope';
import { SectionReader } from './knownSections';
import { DEFAULT_LIMITS, type ParseLimits } from './limits';
import { ProblemLog } from './problems';
import { InputReader } from './reading';
import type { HandoffContext, HandoffError, HandoffSource, HandoffStatus } from './types';

/**
 * Reads task attributes — an object or a JSON string, in any of the shapes flows write — into one
 * handoff context. Never throws: whatever is wrong with the input is reported in `problems`.
 */
export function parseHandoffContext(attributes: unknown, limits: ParseLimits = DEFAULT_LIMITS): HandoffContext {
  const problems = new ProblemLog();
  try {
    const input = new InputReader(limits, problems);
    const located = locateData(attributes, input);
    if (located.found === 'none') return emptyContext('absent', 'none', problems);
    if (located.found === 'unavailable') return { ...emptyContext('unavailable', 'polyai', problems, located.error), ids: { ...located.ids } };
    return readContext(located, input);
  } catch {
    // Only exotic object inputs (throwing getters, proxies) get here; JSON never does.
    problems.add('internal-error', 'The task attributes could not be read.');
    return emptyContext('unavailable', 'none', problems, { status: null, message: 'The PolyAI data could not be read.' });
  }
}

function emptyContext(status: HandoffStatus, source: HandoffSource, problems: ProblemLog, error: HandoffError | null = null): HandoffContext {
  return {
    status,
    source,
    summary: null,
    intent: null,
    reason: null,
    destination: null,
    verification: null,
    customer: { id: null, accountNumber: null, name: null },
    utterance: null,
    language: null,
    ids: { ...NO_IDS },
    fields: [],
    notLoaded: null,
    error,
    problems: problems.toArray(),
  };
}

function readContext({ data, source, ids, error, notLoaded }: Extract<Located, { found: 'data' }>, input: InputReader): HandoffContext {
  const sections = new SectionReader(input);
  const context: HandoffContext = {
    status: 'present',
    source,
    ...sections.read(data, ids),
    fields: readCapturedFields(data, input, sections.consumed),
    notLoaded,
    error,
    problems: [],
  };
  context.problems = input.problems.toArray();
  if (context.problems.length > 0) context.status = 'partial';
  return context;
}
