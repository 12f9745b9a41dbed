import type { APIRoute, GetStaticPaths } from 'astro';
import { site } from '../../site.config.ts';
import { exportCards, getDecks, type DeckView } from '../../lib/cards/decks.ts';
import { ankiText } from '../../lib/cards/export-formats.ts';

/** `/cards/<deck>.anki.txt`: one deck as an Anki import file (re-importing updates the notes, by GUID). */
export const getStaticPaths = (async () => (await getDecks()).map((deck) => ({ params: { deck: deck.id }, props: { deck } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ deck: DeckView }> = ({ props }) =>
  new Response(ankiText(exportCards(props.deck), `${site.title}::${props.deck.title}`), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
