import type { HandoffProblem, ProblemCode } from './types';

// Problem lists stay short whatever the input: a payload with 100,000 bad values yields one line per
// kind of fault plus a count, not 100,000 lines.
const MAX_PROBLEMS = 20;

export class ProblemLog {
  private readonly list: HandoffProblem[] = [];
  private stopped: HandoffProblem | undefined;
  private dropped = 0;

  add(code: ProblemCode, message: string, path?: string): void {
    if (this.list.length < MAX_PROBLEMS) this.list.push(path === undefined ? { code, message } : { code, message, path });
    else this.dropped += 1;
  }

  /**
   * The limit that ended the read ("only the first 500 captured fields…"): listed after the other problems even
   * past the cap, because it explains the missing data. A read ends once, so the first reason is the one kept.
   */
  stop(code: ProblemCode, message: string): void {
    this.stopped ??= { code, message };
  }

  toArray(): HandoffProblem[] {
    const listed = this.stopped === undefined ? [...this.list] : [...this.list, this.stopped];
    if (this.dropped === 0) return listed;
    return [...listed, { code: 'too-many-fields', message: `${this.dropped} more problems were not listed.` }];
  }
}
