/**
 * `--download-images`: saves a post's remote images under public/images/<post>/ and points the Markdown at
 * the local copies. Only the image syntax is rewritten; the rest of the Markdown is left byte for byte.
 */

import { mkdir, readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import type { Image } from 'mdast';
import { toMarkdown } from 'mdast-util-to-markdown';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { slugify, uniqueSlug } from './slugs.ts';
import { writeAtomic } from './write.ts';

/** Options of downloadImages. */
export interface DownloadImagesOptions {
  /** The site's public/ folder. */
  publicDir: string;
  /** Downloads one URL (scripts/importer/fetch.ts in the CLI, a stub in tests). */
  fetch: (url: string) => Promise<Uint8Array>;
  /** The post's slug: images go to public/images/<postSlug>/. */
  postSlug: string;
  /** Download and decide names, but save nothing and leave the Markdown as it is. @default false */
  dryRun?: boolean;
}

/** Image formats saved, recognised by their first bytes (never by the URL or a Content-Type). */
const FORMATS: { ext: string; test: (b: Uint8Array) => boolean }[] = [
  { ext: 'png', test: (b) => b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47 },
  { ext: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { ext: 'gif', test: (b) => b[0] === 0x47 && b[1] === 0x49 && b[2] === 0x46 && b[3] === 0x38 },
  { ext: 'webp', test: (b) => String.fromCharCode(...b.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...b.subarray(8, 12)) === 'WEBP' },
];

/** The file name stem an image URL suggests: its last path segment without extension, slugified. */
function stemOf(url: URL): string {
  const last = decodeURIComponent(url.pathname.split('/').filter(Boolean).at(-1) ?? '').replace(/\.[a-z0-9]{1,5}$/i, '');
  return slugify(last === '' ? 'image' : last);
}

/**
 * Downloads every http(s) image of the Markdown into public/images/<postSlug>/ and rewrites its URL to
 * `/images/<postSlug>/<name>.<ext>`. Formats other than PNG, JPEG, GIF and WebP (SVG can carry script) and
 * failed downloads stay remote, each with a warning. The same URL twice is downloaded once.
 */
export async function downloadImages(markdown: string, opts: DownloadImagesOptions): Promise<{ markdown: string; warnings: string[] }> {
  const images: Image[] = [];
  visit(unified().use(remarkParse).use(remarkGfm).parse(markdown), 'image', (node: Image) => {
    images.push(node);
  });
  const warnings: string[] = [];
  const slug = slugify(opts.postSlug);
  const dir = resolve(opts.publicDir, 'images', slug);
  if (!dir.startsWith(resolve(opts.publicDir) + sep)) throw new Error(`image folder outside ${opts.publicDir}: ${dir}`);
  const saved = new Map<string, string | null>();
  const taken = new Set<string>();
  for (const image of images) {
    if (saved.has(image.url)) continue;
    saved.set(image.url, await saveImage(image.url, dir, slug, taken, opts, warnings));
  }
  // splice from the end so earlier offsets stay valid
  let result = markdown;
  for (const image of [...images].reverse()) {
    const local = saved.get(image.url);
    const start = image.position?.start.offset;
    const end = image.position?.end.offset;
    if (!local || start === undefined || end === undefined || opts.dryRun) continue;
    result = result.slice(0, start) + toMarkdown({ ...image, url: local }).trimEnd() + result.slice(end);
  }
  return { markdown: result, warnings };
}

/** Downloads and saves one image; returns its site path, or null (with a warning) when it stays remote. */
async function saveImage(
  url: string,
  dir: string,
  slug: string,
  taken: Set<string>,
  opts: DownloadImagesOptions,
  warnings: string[],
): Promise<string | null> {
  const parsed = URL.parse(url);
  if (parsed === null || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return null;
  let bytes: Uint8Array;
  try {
    bytes = await opts.fetch(parsed.href);
  } catch (error) {
    warnings.push(`image left remote (download failed: ${error instanceof Error ? error.message : String(error)}): ${url}`);
    return null;
  }
  const format = FORMATS.find((f) => f.test(bytes));
  if (format === undefined) {
    warnings.push(`image left remote (not a PNG, JPEG, GIF or WebP image): ${url}`);
    return null;
  }
  const name = await freeName(dir, stemOf(parsed), format.ext, bytes, taken);
  if (!opts.dryRun) {
    await mkdir(dir, { recursive: true });
    await writeAtomic(join(dir, name), bytes);
  }
  return `/images/${slug}/${name}`;
}

/** A name for the image in dir: its stem, or stem-2, … when another image already has that name. */
async function freeName(dir: string, stem: string, ext: string, bytes: Uint8Array, taken: Set<string>): Promise<string> {
  for (;;) {
    const name = `${uniqueSlug(stem, taken)}.${ext}`;
    const existing = await readFile(join(dir, name)).catch(() => undefined);
    // a file from an earlier import of the same image keeps its name, so re-imports are unchanged
    if (existing === undefined || Buffer.compare(existing, bytes) === 0) return name;
  }
}
