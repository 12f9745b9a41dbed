import type { APIRoute } from 'astro';
import { exportCards, getDecks } from '../../lib/cards/decks.ts';
import { cardsCsv } from '../../lib/cards/export-formats.ts';

/** `/cards/all-decks.csv`: every deck's cards in one CSV. */
export const GET: APIRoute = async () => new Response(cardsCsv((await getDecks()).flatMap(exportCards)), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
