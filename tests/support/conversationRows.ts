import type { ConversationTurn, ConversationTurns } from '@polyai-context/model';

/** Every row of a parsed transcript, read in order: an array to compare. */
export function rowsOf(turns: ConversationTurns): ConversationTurn[] {
  return Array.from({ length: turns.length }, (_, index) => turns.at(index) as ConversationTurn);
}

/** Rows made by hand, handed over as the model hands a transcript's rows to the views. */
export function turnsFrom(rows: readonly ConversationTurn[]): ConversationTurns {
  return { length: rows.length, at: (index) => rows[index] };
}
