/**
 * Reads a copyright line ("©2010 Racker Hacker. All Rights Reserved.", "© 2009 Иван Петров. Все
 * права защищены") for the two facts it carries: the year and the holder.
 */

/** What a copyright line says. */
export interface Copyright {
  /** A single year; undefined for a range (`2008–2010`), which dates the site, not the post. */
  year?: string;
  holder?: string;
}

const COPYRIGHT =
  /^(?:©|\(c\)|&copy;|copyright)\s*(?:©|\(c\))?\s*((?:19|20)\d\d)?(?:\s*[-–—]\s*((?:19|20)\d\d))?\s*,?\s*(?:by\s+)?(.*?)\s*(?:[.,]?\s*(?:all rights reserved|все права защищены)\.?)?$/i;

/** Parses a copyright line; undefined when the line is not one. */
export function parseCopyright(line: string): Copyright | undefined {
  const match = COPYRIGHT.exec(line.replace(/\s+/g, ' ').trim());
  if (match === null) return undefined;
  const [, first, last, rawHolder] = match;
  const holder = rawHolder?.replace(/[.,\s]+$/, '').trim();
  const result: Copyright = {};
  if (first !== undefined && last === undefined) result.year = first;
  // A holder is a name, not a sentence: a long tail means the line was something else.
  if (holder !== undefined && holder.length > 0 && holder.length <= 80) result.holder = holder;
  return result;
}
