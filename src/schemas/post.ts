import { z } from 'astro/zod';
import { ReprintSchema } from './reprint.ts';
import { SourceSchema } from './source.ts';

/** An approximate date, when the source gives no precise one: a year (`2010`) or a month (`2010-03`). */
export const ApproxDateSchema = z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/, 'use YYYY or YYYY-MM');

/** Frontmatter of a post in `content/posts/`. */
export const PostSchema = z
  .object({
    /** Post title, as plain text. */
    title: z.string().trim().min(1),
    /** Publication date and time (YAML timestamp or ISO 8601). Hand-written posts give `date`; imported posts may give `approxDate` or, when the source carries no date at all, neither. */
    date: z.coerce.date().optional(),
    /** Approximate date when no precise one is known; shown as "c. 2010" and ordered by `source.order`. Posts with neither date are shown as undated, in their archive's order. */
    approxDate: ApproxDateSchema.optional(),
    /** Last significant update, if any. */
    updated: z.coerce.date().optional(),
    /** Author's display name. @default the site author */
    author: z.string().trim().min(1).optional(),
    /** Tags as display names; URL slugs are derived, and case or punctuation variants merge. @default [] */
    tags: z.array(z.string().trim().min(1)).default([]),
    /** One- or two-sentence plain-text summary for listings and the feed. */
    summary: z.string().optional(),
    /** Drafts are built only by `astro dev`, never published. @default false */
    draft: z.boolean().default(false),
    /** Set by the importer; see SourceSchema. */
    source: SourceSchema.optional(),
    /** Set when the post reprints another author's writing. */
    reprint: ReprintSchema.optional(),
  })
  .strict()
  // The importer never invents a date the source lacks, so only hand-written posts must have one.
  .refine((post) => post.date !== undefined || post.approxDate !== undefined || post.source !== undefined, {
    message: 'give `date` (e.g. 2010-03-14) or `approxDate` (e.g. 2010)',
    path: ['date'],
  });

export type PostInput = z.input<typeof PostSchema>;
export type Post = z.output<typeof PostSchema>;
