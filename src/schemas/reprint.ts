import { z } from 'astro/zod';

/** Attribution for a post the source marks as a reprint of someone else's writing. */
export const ReprintSchema = z.object({
  /** Original author, e.g. taken from the post's copyright line. */
  author: z.string().min(1),
  /** Link to the original (http or https), when known. */
  url: z.url({ protocol: /^https?$/ }).optional(),
  /** The marker the source used, e.g. `перепечатка`. */
  marker: z.string().optional(),
});

export type Reprint = z.output<typeof ReprintSchema>;
