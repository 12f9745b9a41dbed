import type { APIRoute } from 'astro';
import { site } from '../../site.config.ts';
import { exportCards, getDecks } from '../../lib/cards/decks.ts';
import { ankiText } from '../../lib/cards/export-formats.ts';

/** `/cards/all-decks.anki.txt`: every deck in one Anki import file; the last column names each note's deck. */
export const GET: APIRoute = async () => {
  const cards = (await getDecks()).flatMap((deck) => exportCards(deck).map((card) => ({ ...card, deck: `${site.title}::${deck.title}` })));
  return new Response(ankiText(cards), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
