import { z } from 'astro/zod';

/** Frontmatter of a flashcard deck in `content/cards/`. The card format itself is parsed from the body. */
export const DeckSchema = z
  .object({
    /** Deck title. */
    title: z.string().trim().min(1),
    /** Id of the post the deck was extracted from (its file name without `.md`), if any. */
    post: z.string().optional(),
    /** One-line description for the deck list. */
    description: z.string().optional(),
  })
  .strict();

export type Deck = z.output<typeof DeckSchema>;
