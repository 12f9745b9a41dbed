import { slug } from 'github-slugger';
import { transliterate } from 'transliteration';

/** Longest local id derived from a question; longer questions are cut at a word boundary. */
const MAX_LOCAL_ID = 64;

/**
 * The local id of a card derived from its question: the GitHub-style slug of the transliterated question (so Cyrillic
 * questions get readable ASCII ids), cut to 64 characters.
 * Depends on nothing but the question text, so the id survives re-import and reordering.
 */
export function localIdFromQuestion(question: string): string {
  const derived = slug(transliterate(question.normalize('NFKC'))).replace(/[^a-z0-9._-]/g, '').replace(/^[^a-z0-9]+/, '');
  if (derived.length <= MAX_LOCAL_ID) return derived || 'card';
  const cut = derived.slice(0, MAX_LOCAL_ID);
  return cut.slice(0, cut.lastIndexOf('-') > 32 ? cut.lastIndexOf('-') : MAX_LOCAL_ID);
}

/** A card's full id: `<deck id>/<local id>`. */
export function cardId(deckId: string, localId: string): string {
  return `${deckId}/${localId}`;
}
