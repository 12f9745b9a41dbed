import type { Options } from 'remark-stringify';

/**
 * The Markdown style of every imported post, whatever its source, so text and HTML sources read alike:
 * `-` bullets, `*` emphasis, backtick fences, ATX headings, inline links.
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
};
