import type { ConversationTurn } from '@polyai-context/model';
import { formatText } from '../HandoffContextView/formatValue';
import type { Label } from '../../strings';

/**
 * A turn's badges as the rest of the tab shows the same words: intents and entity names in the agent's language
 * (the admin's labels, else the humanised key, as field names are), values through the one formatter (dates in
 * the agent's locale, amounts with the currency). Applied after masking, which matches PolyAI's own names.
 */
export function presentTurn(turn: ConversationTurn, label: Label, locale: string, currency: string | null): ConversationTurn {
  if (turn.intents.length === 0 && turn.entities.length === 0) return turn;
  return {
    ...turn,
    intents: turn.intents.map(label.code),
    entities: turn.entities.map((entity) => ({ name: label.key(entity.name), values: entity.values.map((value) => formatText(value, entity.name, locale, currency)) })),
  };
}
