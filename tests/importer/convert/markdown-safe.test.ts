/**
 * The faster `safe` (scripts/importer/markdown-safe.ts) must make mdast-util-to-markdown write exactly what it
 * writes on its own: checked on every HTML fixture, and on generated trees full of Markdown syntax in text, link
 * and image destinations and titles, alt text and code-fence info strings.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { PhrasingContent, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { htmlToMarkdownTree } from '../../../scripts/importer/html-to-markdown.ts';
import { MARKDOWN_STYLE } from '../../../scripts/importer/markdown-style.ts';
import { fixtureCases } from '../../fixture-files.ts';

const withFasterSafe = unified().use(remarkGfm).use(remarkStringify, MARKDOWN_STYLE);
const libraryOnly = unified().use(remarkGfm).use(remarkStringify, { ...MARKDOWN_STYLE, handlers: {} });

function expectSameMarkdown(tree: Root): void {
  expect(withFasterSafe.stringify(tree)).toBe(libraryOnly.stringify(tree));
}

describe('faster safe', () => {
  it('is installed by the root handler imported Markdown is written with', () => {
    expect(MARKDOWN_STYLE.handlers?.root).toBeTypeOf('function');
  });

  it.each(fixtureCases('html').map(({ name, dir }) => [name, dir]))('writes what the library writes: %s', (_name, dir) => {
    const { tree } = htmlToMarkdownTree(readFileSync(join(dir, 'input.html'), 'utf8'), { baseUrl: 'https://example.org/a/' });
    expectSameMarkdown(tree);
  });

  it('writes what the library writes for text full of Markdown syntax, in every construct', () => {
    const alphabet = fc.constantFrom(
      'a', 'w', 'W', 'p', 's', '1', ' ', ' ', '\n', '\r', '\t', '*', '_', '`', '[', ']', '(', ')', '!', '<', '>', '&', '#', '\\', '-', '+',
      '.', ':', '/', '@', '|', '~', '=', '"', "'", '^', '$', '{', '}', 'é', '’', '\u00a0',
    );
    const value = fc.array(alphabet, { maxLength: 16 }).map((chars) => chars.join(''));
    const text = value.map((v): PhrasingContent => ({ type: 'text', value: v }));
    const url = fc.oneof(value, value.map((v) => `https://x.example/${v}`), value.map((v) => `mailto:${v}`));
    const title = fc.option(value, { nil: null });
    const phrasing: fc.Arbitrary<PhrasingContent> = fc.letrec<{ node: PhrasingContent }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text,
        text,
        value.map((v): PhrasingContent => ({ type: 'inlineCode', value: v })),
        fc.constant<PhrasingContent>({ type: 'break' }),
        fc.array(tie('node'), { maxLength: 3 }).map((children): PhrasingContent => ({ type: 'emphasis', children: children as never })),
        fc.array(tie('node'), { maxLength: 3 }).map((children): PhrasingContent => ({ type: 'strong', children: children as never })),
        fc.array(tie('node'), { maxLength: 3 }).map((children): PhrasingContent => ({ type: 'delete', children: children as never })),
        fc.tuple(fc.array(tie('node'), { maxLength: 3 }), url, title).map(([children, href, linkTitle]): PhrasingContent =>
          ({ type: 'link', url: href, title: linkTitle, children: children as never })),
        // Text equal to its http(s) URL is written as an autolink, which percent-encodes instead of escaping.
        url.map((href): PhrasingContent => ({ type: 'link', url: href, children: [{ type: 'text', value: href }] })),
        fc.tuple(value, url, title).map(([alt, src, imageTitle]): PhrasingContent => ({ type: 'image', alt, url: src, title: imageTitle })),
      ),
    })).node;
    const inline = fc.array(phrasing, { minLength: 1, maxLength: 5 });
    const block: fc.Arbitrary<RootContent> = fc.oneof(
      fc.tuple(fc.option(value, { nil: null }), fc.option(value, { nil: null }), value).map(([lang, meta, code]): RootContent =>
        ({ type: 'code', lang, meta, value: code })),
      inline.map((children): RootContent => ({ type: 'paragraph', children })),
      fc.tuple(fc.integer({ min: 1, max: 6 }), inline).map(([depth, children]): RootContent =>
        ({ type: 'heading', depth: depth as 1, children })),
      inline.map((children): RootContent => ({ type: 'blockquote', children: [{ type: 'paragraph', children }] })),
      fc.array(inline, { minLength: 1, maxLength: 3 }).map((items): RootContent => ({
        type: 'list', ordered: false, spread: false,
        children: items.map((children) => ({ type: 'listItem', spread: false, children: [{ type: 'paragraph', children }] })),
      })),
      fc.array(fc.array(inline, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 3 }).map((rows): RootContent => ({
        type: 'table', align: [null, null],
        children: rows.map((cells) => ({ type: 'tableRow', children: cells.map((children) => ({ type: 'tableCell', children })) })),
      })),
    );
    fc.assert(
      fc.property(fc.array(block, { minLength: 1, maxLength: 4 }), (children) => expectSameMarkdown({ type: 'root', children })),
      { numRuns: 3000 },
    );
  });
});
