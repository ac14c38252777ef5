import type { HandoffProblem, ProblemCode } from './types';

// Problem lists stay short whatever the input: a payload with 100,000 bad values yields one line per
// kind of fault plus a count, not 100,000 lines.
const MAX_PROBLEMS = 20;

export class ProblemLog {
  private readonly list: HandoffProblem[] = [];
  private dropped = 0;

  add(code: ProblemCode, message: string, path?: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push(path === undefined ? { code, message } : { code, message, path });
    else this.dropped += 1;
  }

  toArray(): HandoffProblem[] {
    if (this.dropped === 0) return [...this.list];
    return [...this.list, { code: 'too-many-fields', message: `${this.dropped} more problems were not listed.` }];
  }
}
