import type { APIRoute, GetStaticPaths } from 'astro';
import { exportCards, getDecks, type DeckView } from '../../lib/cards/decks.ts';
import { cardsCsv } from '../../lib/cards/export-formats.ts';

/** `/cards/<deck>.csv`: one deck as CSV. */
export const getStaticPaths = (async () => (await getDecks()).map((deck) => ({ params: { deck: deck.id }, props: { deck } }))) satisfies GetStaticPaths;

export const GET: APIRoute<{ deck: DeckView }> = ({ props }) =>
  new Response(cardsCsv(exportCards(props.deck)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
