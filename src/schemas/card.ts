import { z } from 'astro/zod';

/** What a card asks for: a question with a model answer, a term to define, or an open question with no model answer. */
export const CardKindSchema = z.enum(['qa', 'term', 'open']);

/** Where a card links back to: `#anchor` in its deck's post, a site path, or an http(s) URL. */
export const CardSourceSchema = z
  .string()
  .regex(/^(#[^\s#]+|\/[^\s]*|https?:\/\/[^\s]+)$/, 'use `#anchor` (a heading id in the post), a `/site/path` or an http(s) URL');

/** One flashcard, as parsed from a deck file. */
export const CardSchema = z
  .object({
    /** Stable id: `<deck id>/<local id>`; the local id is `{#id}` if given, else derived from the question. Keys progress and Anki GUIDs. */
    id: z.string().regex(/^[^\s/]+\/[a-z0-9][a-z0-9._-]*$/, 'a card id `{#id}` uses lower-case letters, digits, `.`, `_` and `-`, and starts with a letter or digit'),
    /** Kind of card; set with `{.term}` or `{.open}` on the card heading. @default 'qa' */
    kind: CardKindSchema,
    /** Question (or term), plain text. */
    question: z.string().trim().min(1, 'the card heading has no question text').max(500, 'a question is at most 500 characters'),
    /** Model answer or definition as Markdown; empty for open cards. */
    answer: z.string(),
    /** Topic: the `## Topic` section the card sits in. */
    topic: z.string().optional(),
    /** Link back to the card's section of the source post; from the card's or its topic's `source=` attribute. */
    source: CardSourceSchema.optional(),
    /** 1-based line of the card heading in its file, for error messages. */
    line: z.number().int().positive(),
  })
  .strict()
  .superRefine((card, ctx) => {
    if (card.kind === 'open' && card.answer.trim() !== '') {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: 'an open card has no model answer: remove the text below it or the `.open` marker' });
    }
    if (card.kind !== 'open' && card.answer.trim() === '') {
      ctx.addIssue({ code: 'custom', path: ['answer'], message: 'the card has no answer: write one below the heading, or mark the heading `{.open}`' });
    }
  });

export type CardKind = z.output<typeof CardKindSchema>;
export type Card = z.output<typeof CardSchema>;
