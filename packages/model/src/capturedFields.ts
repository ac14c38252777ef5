/**
 * Captured fields: every value of PolyAI's data that no known section consumed, flattened to one row each
 * (path, segments, label, value). Bounded whatever the input: visits, reads that throw, depth and rows.
 */
import type { ConsumedPaths } from './knownSections';
import { childPath, cleanKey, indexLabel, indexStep, keyForms, PATH_SEPARATOR } from './labels';
import type { ParseLimits } from './limits';
import type { ProblemLog } from './problems';
import type { InputReader } from './reading';
import type { CapturedField } from './types';
import { isRecord, plainValue, type JsonRecord } from './values';

/**
 * Values the captured-field walk may look at per field it may keep (holes of sparse lists and unreadable
 * values included): a list claiming 2^32−1 entries costs at most maxFields × this, whatever it is.
 */
const VISITS_PER_FIELD = 20;
/** Reads that may throw before the walk stops reading (a getter's or trap's throw is the input's own cost). */
const MAX_UNREADABLE = 20;

/** The captured fields of `data`, skipping what the known sections consumed. */
export function readCapturedFields(data: JsonRecord, input: InputReader, consumed: ConsumedPaths): CapturedField[] {
  const walk = new FieldWalk(input.limits, input.problems, consumed, (value, maxChars, path) => input.cut(value, maxChars, path));
  walk.visit(data, '', '');
  return walk.fields;
}

/**
 * Flattens PolyAI's data into captured fields, depth first, in key order. One walk per parse: the path
 * and label of each node are built from its parent's (no re-joining of the whole path per node), and
 * one segment stack is shared, copied only into the fields kept.
 */
class FieldWalk {
  readonly fields: CapturedField[] = [];
  private readonly segments: Array<string | number> = [];
  private full = false;
  private visits = 0;
  private unreadable = 0;

  constructor(
    private readonly limits: ParseLimits,
    private readonly problems: ProblemLog,
    private readonly consumed: ConsumedPaths,
    private readonly cut: (value: string, maxChars: number, path: string) => string,
  ) {}

  /** Counts one visit; false (and the walk ends) once the budget is spent. */
  private spend(): boolean {
    const maxVisits = this.limits.maxFields * VISITS_PER_FIELD;
    if ((this.visits += 1) <= maxVisits) return true;
    this.full = true;
    this.problems.stop('too-many-fields', `Only the first ${maxVisits} values were read.`);
    return false;
  }

  visit(value: unknown, path: string, label: string): void {
    if (this.full || !this.spend()) return;
    const depth = this.segments.length;

    if (Array.isArray(value) || isRecord(value)) {
      if (depth >= this.limits.maxDepth) {
        this.problems.add('too-deep', `Values nested deeper than ${this.limits.maxDepth} levels are not shown.`, path);
        this.push(path, label, null, 'truncated');
        return;
      }
      if (Array.isArray(value)) {
        const length = this.read(() => value.length, path);
        if (length === 0) this.push(path, label, null, 'empty-array');
        // Bounded by the visit budget, not the length: holes and a proxy's claimed length cost one visit each.
        for (let index = 0; typeof length === 'number' && index < length && !this.full; index += 1) {
          const item = this.read(() => value[index], path);
          // A hole (or undefined) has nothing to show: it costs a visit, not a path and a label.
          if (item === undefined) this.spend();
          else this.child(item, path, label, index);
        }
        return;
      }
      const keys = this.read(() => Object.keys(value), path) ?? [];
      if (keys.length === 0 && depth > 0) this.push(path, label, null, 'empty-object');
      // Keys are read normalised (NFKC, format characters removed) and cut to maxKeyChars: two that become one
      // are a visible problem and only the first is shown, never a second row under the same label.
      const seen = new Set<string>();
      const consumed = this.consumed.keysUnder(path, depth);
      for (const key of keys) {
        if (this.full) return;
        const segment = this.cut(cleanKey(key), this.limits.maxKeyChars, path);
        if (seen.has(segment)) {
          this.problems.add('duplicate-key', `Two keys read as "${keyForms(segment).label}": only the first is shown.`, childPath(path, segment));
          continue;
        }
        seen.add(segment);
        if (consumed?.includes(segment)) continue;
        this.child(this.read(() => value[key], childPath(path, segment)), path, label, segment);
      }
      return;
    }

    switch (typeof value) {
      case 'string':
        this.push(path, label, this.cut(value, this.limits.maxStringChars, path), 'string');
        return;
      case 'number':
        this.push(path, label, value, 'number');
        return;
      case 'boolean':
        this.push(path, label, value, 'boolean');
        return;
      case 'bigint':
        this.push(path, label, value.toString(), 'string');
        return;
      case 'undefined':
        return; // JSON has no undefined: an object input's missing value, not data.
      default:
        if (value === null) this.push(path, label, null, 'null');
        else this.problems.add('field-invalid', `A ${typeof value} cannot be shown.`, path);
    }
  }

  /**
   * One read from the input: a throwing getter or proxy trap costs that value (a problem), not the walk.
   * After MAX_UNREADABLE such reads the walk ends: every throw is the input's own cost, and it is not bounded.
   */
  private read<T>(get: () => T, path: string): T | undefined {
    try {
      return plainValue(get()) as T;
    } catch {
      this.problems.add('field-invalid', 'A value could not be read.', path);
      if ((this.unreadable += 1) >= MAX_UNREADABLE) {
        this.full = true;
        this.problems.stop('field-invalid', `${MAX_UNREADABLE} values could not be read: the rest was not read.`);
      }
      return undefined;
    }
  }

  private child(value: unknown, path: string, label: string, segment: string | number): void {
    // The child's path and label extend the parent's by one step (what pathOf and labelForPath build).
    let step: string;
    let labelStep: string;
    const first = this.segments.length === 0;
    if (typeof segment === 'number') {
      step = indexStep(segment);
      labelStep = indexLabel(segment);
    } else {
      const forms = keyForms(segment);
      step = first ? forms.firstStep : forms.step;
      labelStep = forms.label;
    }
    this.segments.push(segment);
    this.visit(value, path + step, first ? labelStep : `${label}${PATH_SEPARATOR}${labelStep}`);
    this.segments.pop();
  }

  private push(path: string, label: string, value: CapturedField['value'], kind: CapturedField['kind']): void {
    if (this.fields.length >= this.limits.maxFields) {
      this.full = true;
      this.problems.stop('too-many-fields', `Only the first ${this.limits.maxFields} captured fields are shown.`);
      return;
    }
    this.fields.push({ path, segments: this.segments.slice(), label, value, kind });
  }
}
