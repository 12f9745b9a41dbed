/**
 * File-name slugs for imported posts: ASCII, lowercase, short, and safe on every file system.
 */

import { createHash } from 'node:crypto';
import { transliterate } from 'transliteration';

/** Longest slug, in characters; longer titles are cut at a word boundary. @default 80 */
export const MAX_SLUG_LENGTH = 80;

/** Names Windows reserves for devices, whatever the extension (`con.md` cannot be created there). */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** A slug as slugify returns it: lowercase ASCII words joined by single hyphens. */
const SAFE_SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * Turns any title into a file-name slug: transliterated to ASCII (Cyrillic, accents, CJK), lowercase,
 * words joined by `-`, at most MAX_SLUG_LENGTH characters, never a Windows device name, never empty.
 * A title with nothing transliterable (emoji only) gets `post-` and a short hash of the title, so distinct
 * titles still get distinct slugs; an empty title gets `untitled`.
 */
export function slugify(title: string): string {
  const ascii = transliterate(title.normalize('NFKC'), { unknown: '' });
  const words = ascii
    .toLowerCase()
    // apostrophes join rather than split words: "it's" → "its"
    .replace(/['’`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
  let slug = cutAtWord(words, MAX_SLUG_LENGTH);
  if (slug === '') {
    // control, format (zero-width) and space characters alone do not make a title
    const visible = title.replace(/[\p{C}\s]/gu, '');
    slug = visible === '' ? 'untitled' : `post-${createHash('sha256').update(visible).digest('hex').slice(0, 8)}`;
  }
  return WINDOWS_RESERVED.test(slug) ? `${slug}-post` : slug;
}

/** Joins words with `-` up to max characters; a single over-long word is cut hard. */
function cutAtWord(words: string[], max: number): string {
  let slug = '';
  for (const word of words) {
    const next = slug === '' ? word : `${slug}-${word}`;
    if (next.length > max) return slug === '' ? word.slice(0, max) : slug;
    slug = next;
  }
  return slug;
}

/**
 * Returns slug, or slug-2, slug-3, … — the first not in taken — and records it in taken. taken holds
 * lowercase names, so names that differ only in case never share a file on case-insensitive file systems.
 * A slug that is not already safe is slugified first, so the result is always a plain file name.
 *
 * `counters`, kept by the caller beside `taken` (which must only grow), remembers per base slug where counting
 * stopped, so that thousands of posts with one title ("Untitled") cost linear, not quadratic, time: every
 * suffix below that point was taken before and still is.
 */
export function uniqueSlug(slug: string, taken: Set<string>, counters?: Map<string, number>): string {
  const base = SAFE_SLUG.test(slug) && !WINDOWS_RESERVED.test(slug) ? slug : slugify(slug);
  let candidate = base;
  let n = counters?.get(base) ?? 2;
  while (taken.has(candidate)) {
    const suffix = `-${n}`;
    candidate = `${base.slice(0, MAX_SLUG_LENGTH - suffix.length).replace(/-+$/, '')}${suffix}`;
    n += 1;
  }
  counters?.set(base, n);
  taken.add(candidate);
  return candidate;
}
