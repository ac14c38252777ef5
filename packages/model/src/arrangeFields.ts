/**
 * Captured fields as the tab shows them, from the admin's rules: what views render, decided here once. Labels
 * are the model's own (built by the parse), only the admin's override them; sensitivity is decided by masking.
 */
import { labelForKey, labelForPath, NO_LABELS, PATH_SEPARATOR, type LabelMap } from './labels';
import { isSensitiveValue } from './masking';
import type { CapturedField } from './types';
import { own } from './values';

/** What an admin can say about captured fields (from the config). */
export interface FieldRules {
  fieldOrder: readonly string[];
  fieldLabels: Readonly<Record<string, string>>;
  hiddenFields: readonly string[];
  /** Compiled once, from the config. */
  maskPatterns: readonly RegExp[];
  /** The admin's labels for PolyAI's keys in the agent's language; the humanised key where there is none. */
  keyLabels?: LabelMap;
}

export interface FieldRow {
  field: CapturedField;
  /** Label within its group ("Charge Amount" under "Slots"). */
  label: string;
  /** Label with its group, for copied text and screen readers ("Slots › Charge Amount"). */
  fullLabel: string;
  sensitive: boolean;
}

export interface FieldGroup {
  /** Top-level key the rows sit under; null for top-level values. */
  key: string | null;
  label: string | null;
  rows: FieldRow[];
}

/** True when `rule` names this path or one of its parents (`slots` covers `slots.amount`, `items[0]`). */
function covers(rule: string, path: string): boolean {
  return path === rule || path.startsWith(`${rule}.`) || path.startsWith(`${rule}[`);
}

/** The admin's label for a path or key; own keys only, so a key such as `constructor` never reaches the prototype. */
function adminLabel(labels: FieldRules['fieldLabels'], key: string): string | undefined {
  return own(labels, key) as string | undefined;
}

/** A top-level value's label: the admin's, by path or key, else from the key in the agent's language. */
function topLabel(field: CapturedField, labels: FieldRules['fieldLabels'], keyLabels: LabelMap): string {
  const [key] = field.segments;
  const admin = adminLabel(labels, field.path) ?? (typeof key === 'string' ? adminLabel(labels, key) : undefined);
  // Without key labels the model's own label is the answer: no work per field.
  return admin ?? (keyLabels === NO_LABELS ? field.label : labelForPath(field.segments, keyLabels));
}

/** A nested value's label within its group: the path's label ("Slots › Charge Amount") past the group's own step. */
function labelInGroup(field: CapturedField, groupKey: string, labels: FieldRules['fieldLabels'], keyLabels: LabelMap): string {
  const admin = adminLabel(labels, field.path);
  if (admin !== undefined) return admin;
  return keyLabels === NO_LABELS ? field.label.slice(labelForKey(groupKey).length + PATH_SEPARATOR.length) : labelForPath(field.segments.slice(1), keyLabels);
}

/**
 * Captured fields as an agent reads them: hidden ones dropped, admin order first, grouped by their
 * top-level parent (top-level values first unless the admin ordered otherwise), labelled (admin labels win), sensitive ones flagged for masking.
 */
export function arrangeFields(fields: readonly CapturedField[], rules: FieldRules): FieldGroup[] {
  const rank = (field: CapturedField) => {
    const index = rules.fieldOrder.findIndex((rule) => covers(rule, field.path));
    return index === -1 ? Number.MAX_SAFE_INTEGER : index;
  };
  const visible = fields
    .filter((field) => !rules.hiddenFields.some((rule) => covers(rule, field.path)))
    .map((field, position) => ({ field, position, rank: rank(field), nested: field.segments.length > 1 ? 1 : 0 }))
    // Admin order first; then top-level values before nested groups; then as PolyAI sent them.
    .sort((a, b) => a.rank - b.rank || a.nested - b.nested || a.position - b.position);

  const keyLabels = rules.keyLabels ?? NO_LABELS;
  const groups = new Map<string, FieldGroup>();
  for (const { field } of visible) {
    const [first, ...rest] = field.segments;
    const nested = typeof first === 'string' && rest.length > 0;
    const groupKey = nested ? first : null;
    const mapKey = groupKey === null ? '\u0000top' : `:${groupKey}`;
    let group = groups.get(mapKey);
    if (!group) {
      const groupLabel = groupKey === null ? null : adminLabel(rules.fieldLabels, groupKey) ?? labelForKey(groupKey, keyLabels);
      group = { key: groupKey, label: groupLabel, rows: [] };
      groups.set(mapKey, group);
    }
    const label = groupKey === null ? topLabel(field, rules.fieldLabels, keyLabels) : labelInGroup(field, groupKey, rules.fieldLabels, keyLabels);
    group.rows.push({
      field,
      label,
      fullLabel: group.label ? `${group.label}${PATH_SEPARATOR}${label}` : label,
      // A value PolyAI already masked (`****6789`) has nothing behind it to reveal.
      sensitive: isSensitiveValue(field.segments, field.value, rules.maskPatterns),
    });
  }
  return [...groups.values()];
}

