/**
 * Splits a plain-text archive page into its posts. A post is a title line, optional header lines
 * (comment counters), the body, and footer lines (copyright, newsletter call, separator). Footers
 * end posts; a title-like line after a footer, or right before a header, starts the next post.
 * Boilerplate comes from known markers and from lines recurring across the page's posts.
 */

import { splitBlocks, splitLines, type TextBlock } from '../../text/blocks.ts';
import { isTitleLike } from '../../text/line-kinds.ts';
import {
  type BoilerplateMarker,
  type BoilerplateRole,
  learnRecurringLines,
  matchKnownMarker,
  MIN_RECURRENCE,
  normaliseLine,
} from './boilerplate.ts';
import { type ArchiveHeading, parseArchiveHeading } from './heading.ts';

/** How many leading blocks may hold the site name and the archive heading. */
const HEADING_WINDOW = 4;

/** A boilerplate line found in or around a post. */
export interface FoundMarker {
  name: BoilerplateMarker['name'];
  text: string;
}

/** One post of the page, before its body is converted. */
export interface TextPost {
  title: string;
  /** Body blocks, boilerplate removed. */
  blocks: TextBlock[];
  /** Boilerplate lines that belonged to the post (copyright lines carry author and year). */
  markers: FoundMarker[];
}

/** The page split up. */
export interface SegmentedPage {
  heading?: ArchiveHeading;
  /** Lines above the heading, usually the site name. */
  siteName?: string;
  posts: TextPost[];
  /** Text that sat before the first title and belongs to no post. */
  orphanBlocks: number;
}

type Classified = { role: BoilerplateRole; name: FoundMarker['name'] } | undefined;

/** The single line of a one-line block, or undefined. */
function only(block: TextBlock | undefined): string | undefined {
  return block?.lines.length === 1 ? block.lines[0] : undefined;
}

/** Finds the archive heading among the first blocks; returns it and where the posts start. */
function findHeading(blocks: readonly TextBlock[]): { heading?: ArchiveHeading; siteName?: string; start: number } {
  for (let index = 0; index < Math.min(HEADING_WINDOW, blocks.length); index++) {
    const heading = parseArchiveHeading(only(blocks[index]) ?? '');
    if (heading === undefined) continue;
    const above = blocks.slice(0, index).map((block) => block.lines.join(' ').trim());
    return above.length > 0 ? { heading, siteName: above.join(' — '), start: index + 1 } : { heading, start: index + 1 };
  }
  return { start: 0 };
}

/** Learns which recurring one-line blocks are boilerplate, from where they sit relative to titles. */
function learnBoilerplate(blocks: readonly TextBlock[]): Map<string, BoilerplateRole> {
  const counts = new Map<string, number>();
  for (const block of blocks) {
    const line = only(block);
    if (line !== undefined) counts.set(normaliseLine(line), (counts.get(normaliseLine(line)) ?? 0) + 1);
  }
  // Neighbours are looked for past known markers and other recurring lines.
  const significant = (block: TextBlock): boolean => {
    const line = only(block);
    return line === undefined || (matchKnownMarker(line) === undefined && (counts.get(normaliseLine(line)) ?? 0) < MIN_RECURRENCE);
  };
  const titleAt = (index: number, step: -1 | 1): boolean => {
    for (let at = index + step; at >= 0 && at < blocks.length; at += step) {
      if (!significant(blocks[at]!)) continue;
      const line = only(blocks[at]);
      return line !== undefined && isTitleLike(line, false);
    }
    // The page's edges stand where a title would.
    return true;
  };
  const lines = blocks.flatMap((block, index) => {
    const line = only(block);
    return line === undefined ? [] : [{ text: line, afterTitle: titleAt(index, -1), beforeTitle: titleAt(index, 1) }];
  });
  return learnRecurringLines(lines);
}

/** Segments a plain-text archive page. */
export function segmentTextPage(text: string): SegmentedPage {
  const blocks = splitBlocks(splitLines(text));
  const { heading, siteName, start } = findHeading(blocks);
  const body = blocks.slice(start);
  const learned = learnBoilerplate(body);
  const classify = (block: TextBlock | undefined): Classified => {
    const line = only(block);
    if (line === undefined) return undefined;
    const known = matchKnownMarker(line);
    if (known !== undefined) return { role: known.role, name: known.name };
    const role = learned.get(normaliseLine(line));
    return role === undefined ? undefined : { role, name: 'learned' };
  };

  const posts: TextPost[] = [];
  let orphanBlocks = 0;
  let expectTitle = true;
  body.forEach((block, index) => {
    const current = posts.at(-1);
    const boilerplate = classify(block);
    if (boilerplate !== undefined) {
      current?.markers.push({ name: boilerplate.name, text: normaliseLine(block.lines[0]!) });
      if (boilerplate.role === 'footer') expectTitle = true;
      return;
    }
    const line = only(block);
    const titled = line !== undefined && isTitleLike(line, false);
    if (titled && (expectTitle || classify(body[index + 1])?.role === 'header')) {
      posts.push({ title: normaliseLine(line), blocks: [], markers: [] });
      expectTitle = false;
      return;
    }
    expectTitle = false;
    if (current === undefined) orphanBlocks++;
    else current.blocks.push(withoutMarkerLines(block, current.markers));
  });
  const result: SegmentedPage = { posts, orphanBlocks };
  if (heading !== undefined) result.heading = heading;
  if (siteName !== undefined) result.siteName = siteName;
  return result;
}

/**
 * Drops known boilerplate lines from inside a multi-line block (a newsletter call glued to a
 * paragraph), recording them. Separators are kept: "....." inside a session is output.
 */
function withoutMarkerLines(block: TextBlock, markers: FoundMarker[]): TextBlock {
  const lines = block.lines.filter((line) => {
    const marker = matchKnownMarker(line);
    if (marker === undefined || marker.name === 'separator') return true;
    markers.push({ name: marker.name, text: normaliseLine(line) });
    return false;
  });
  return { ...block, lines };
}
