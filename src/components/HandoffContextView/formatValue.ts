import type { CapturedField } from '../../model';
import type { Translate } from '../../strings';

/** A captured value as the text an agent reads. Always text: nothing here is ever parsed as markup. */
export function formatValue(field: CapturedField, t: Translate): string {
  switch (field.kind) {
    case 'boolean':
      return field.value ? t('PolyaiContextValueYes') : t('PolyaiContextValueNo');
    case 'null':
      return t('PolyaiContextValueNone');
    case 'empty-object':
    case 'empty-array':
      return t('PolyaiContextValueEmpty');
    case 'truncated':
      return t('PolyaiContextValueTooDeep');
    default:
      return String(field.value);
  }
}
