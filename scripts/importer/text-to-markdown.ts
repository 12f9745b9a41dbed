/**
 * Plain text → Markdown for text-only sources (saved archive pages). Recovers paragraphs, section
 * headings, lists, `[quote]` blockquotes and code (sessions, commands, scripts, config fragments
 * in the snippet form of ./snippets.ts), builds an mdast tree and serialises it with
 * remark-stringify + remark-gfm, which escapes anything that would read as HTML or Markdown.
 */

import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { MARKDOWN_STYLE } from './markdown-style.ts';
import { assemble } from './text/assemble.ts';
import { splitBlocks, splitLines } from './text/blocks.ts';
import type { TextItem } from './text/items.ts';
import { splitQuotes } from './text/quotes.ts';
import { recogniseBlocks } from './text/recognise.ts';

/** Recognises the items of a text, quotes included. */
function recognise(text: string): TextItem[] {
  return splitQuotes(text).flatMap((segment): TextItem[] => {
    const items = recogniseBlocks(splitBlocks(splitLines(segment.text)));
    return segment.quoted ? [{ kind: 'quote', items }] : items;
  });
}

/** Builds the mdast tree for a plain-text post body. */
function textToMdast(text: string): Root {
  return { type: 'root', children: assemble(recognise(text)) };
}

const processor = unified().use(remarkGfm).use(remarkStringify, MARKDOWN_STYLE);

/** Converts a plain-text post body to Markdown. */
export function textToMarkdown(text: string): string {
  return processor.stringify(textToMdast(text));
}
