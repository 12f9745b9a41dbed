import type { Options } from 'remark-stringify';
import { root } from './markdown-safe.ts';

/**
 * The Markdown style of every imported post, whatever its source, so text and HTML sources read alike:
 * `-` bullets, `*` emphasis, backtick fences, ATX headings, inline links. The root handler installs a faster
 * escaper that gives the library's own output.
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
  handlers: { root },
};
