/** Transcript search, pure: case-insensitive substring matches as (turn, offset) pairs. */

export interface TranscriptMatch {
  turn: number;
  start: number;
}

/** A query matching every letter of a 10,000-turn call would list millions: the count stops here. */
export const MAX_MATCHES = 10_000;

/** Lower-cased once per transcript, so each search is a plain `indexOf` scan. */
export function searchableTexts(texts: readonly string[]): string[] {
  return texts.map((text) => {
    const lower = text.toLowerCase();
    // Rare characters change length when lower-cased; keep offsets true to the shown text.
    return lower.length === text.length ? lower : text;
  });
}

export function normaliseQuery(query: string): string {
  return query.trim().toLowerCase();
}

export function findMatches(lowerTexts: readonly string[], query: string): TranscriptMatch[] {
  const needle = normaliseQuery(query);
  const matches: TranscriptMatch[] = [];
  if (needle === '') return matches;
  for (let turn = 0; turn < lowerTexts.length; turn += 1) {
    const text = lowerTexts[turn];
    for (let start = text.indexOf(needle); start !== -1; start = text.indexOf(needle, start + needle.length)) {
      matches.push({ turn, start });
      if (matches.length >= MAX_MATCHES) return matches;
    }
  }
  return matches;
}

export interface TextPiece {
  text: string;
  /** Offset of the piece in the whole text; set for matches only. */
  matchStart: number | null;
}

/** The text cut into plain and matching pieces, for rendering matches as `<mark>` (never as HTML). */
export function splitMatches(text: string, query: string): TextPiece[] {
  const needle = normaliseQuery(query);
  if (needle === '') return [{ text, matchStart: null }];
  const lower = text.toLowerCase();
  const haystack = lower.length === text.length ? lower : text;
  const pieces: TextPiece[] = [];
  let from = 0;
  for (let start = haystack.indexOf(needle); start !== -1; start = haystack.indexOf(needle, start + needle.length)) {
    if (start > from) pieces.push({ text: text.slice(from, start), matchStart: null });
    pieces.push({ text: text.slice(start, start + needle.length), matchStart: start });
    from = start + needle.length;
  }
  if (from < text.length) pieces.push({ text: text.slice(from), matchStart: null });
  return pieces;
}
