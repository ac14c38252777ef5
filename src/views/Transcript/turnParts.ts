/** A transcript turn as shown and searched: its text, then its badges, as separate parts. */
import { humanizeCode, type ConversationTurn } from '@polyai-context/model';

/** What a turn shows, piece by piece: its text, then its badges (intents labelled as the Handoff section does). */
export function turnParts(turn: ConversationTurn): string[] {
  return [turn.text, ...turn.intents.map(humanizeCode), ...turn.entities.map((entity) => `${humanizeCode(entity.name)}: ${entity.values.join(', ')}`)];
}

/** Between parts in the searched text: nothing typed into the search box can match across it. */
export const PART_SEPARATOR = '\u0000';

/** Offsets of each part in `turnParts(turn).join(PART_SEPARATOR)`, for highlighting matches in badges. */
export function partOffsets(parts: readonly string[]): number[] {
  const offsets: number[] = [];
  let offset = 0;
  for (const part of parts) {
    offsets.push(offset);
    offset += part.length + PART_SEPARATOR.length;
  }
  return offsets;
}
