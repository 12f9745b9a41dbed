import type { Options } from 'remark-stringify';
import { text } from './markdown-text.ts';

/**
 * The Markdown style of every imported post, whatever its source, so text and HTML sources read alike:
 * `-` bullets, `*` emphasis, backtick fences, ATX headings, inline links. Text is written by a faster handler
 * that gives the library's own output.
 */
export const MARKDOWN_STYLE: Options = {
  bullet: '-',
  emphasis: '*',
  strong: '*',
  fence: '`',
  fences: true,
  listItemIndent: 'one',
  rule: '-',
  setext: false,
  resourceLink: false,
  handlers: { text },
};
