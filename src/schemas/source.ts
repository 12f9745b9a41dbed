import { z } from 'astro/zod';

/** Where an imported post came from. Hand-written posts have no `source`. */
export const SourceSchema = z.object({
  /** Stable source id the importer keys the post by: the guid, else the link, else a content hash. */
  id: z.string().min(1),
  /** Permalink of the original post (http or https), shown as "Originally published at" and linked. */
  url: z.url({ protocol: /^https?$/ }).optional(),
  /** Title of the feed, export or archive page the post was imported from. */
  feed: z.string().optional(),
  /** File name or URL of the imported input, as given to `npm run import`. */
  input: z.string().optional(),
  /** Position of the post in its archive page, 0 = first. Orders posts whose dates are only approximate. */
  order: z.number().int().nonnegative().optional(),
  /** SHA-256 of the file as the importer last wrote it. A file that no longer matches was edited by hand and is never overwritten without `--force`. */
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});

export type Source = z.output<typeof SourceSchema>;
