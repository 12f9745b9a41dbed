import { z } from 'astro/zod';
import { SourceSchema } from './source.ts';

/**
 * Frontmatter of a flashcard deck in `content/cards/`. The cards themselves are the Markdown body
 * (see CardSchema and src/lib/cards/parse-deck.ts for the format).
 */
export const DeckSchema = z
  .object({
    /** Deck title, shown on the deck list and the practice page. */
    title: z.string().trim().min(1),
    /**
     * The post the deck belongs to: the post's source id (`source.id`, what imported decks use, as it survives
     * renames) or its file name without `.md` (handy for hand-written decks). The post then shows
     * "Practise N cards from this post", and card `source` anchors resolve against the post's page.
     */
    post: z.string().trim().min(1).optional(),
    /** Permalink of the original article the deck was extracted from, if it lives elsewhere. */
    url: z.url({ protocol: /^https?$/ }).optional(),
    /** One-line description for the deck list. */
    description: z.string().optional(),
    /** Set by the importer on extracted decks (source id and import hash); hand-written decks have none. */
    source: SourceSchema.optional(),
  })
  .strict();

export type DeckInput = z.input<typeof DeckSchema>;
export type Deck = z.output<typeof DeckSchema>;
