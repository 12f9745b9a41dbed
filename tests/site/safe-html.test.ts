/**
 * The rendering-side sanitiser (src/markdown/rehype-safe-html.ts) in the site's Markdown pipeline, over the cases in
 * tests/fixtures/safe-html/<case>/: `input.md` is a post body, `expected.html` what the site renders.
 * Every case is also checked for anything that can run code, whatever the expected file says.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { selectAll } from 'hast-util-select';
import rehypePrettyCode from 'rehype-pretty-code';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { rehypeSafeHtml } from '../../src/markdown/rehype-safe-html.ts';
import { caseNames, expectFixture, FIXTURES } from './fixture-cases.ts';

/** The order astro.config.mjs and @astrojs/markdown-remark use: raw HTML kept by remark-rehype, sanitised first. */
const pipeline = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeSafeHtml)
  .use(rehypePrettyCode, { theme: { light: 'github-light', dark: 'github-dark' }, keepBackground: false, defaultLang: 'plaintext' })
  .use(rehypeStringify);

const UNSAFE_ELEMENTS = 'script, style, iframe, object, embed, form, noscript, template, svg, math, link, meta, base';

describe('rehype-safe-html fixtures', async () => {
  for (const name of caseNames('safe-html')) {
    it(name, async () => {
      const html = String(await pipeline.process(await readFile(join(FIXTURES, 'safe-html', name, 'input.md'), 'utf8')));
      const tree = fromHtml(html, { fragment: true });
      expect(selectAll(UNSAFE_ELEMENTS, tree)).toEqual([]);
      for (const element of selectAll('*', tree)) {
        for (const [key, value] of Object.entries(element.properties)) {
          expect(key, html).not.toMatch(/^on/i);
          if (key === 'style') expect(element.tagName === 'code' || element.tagName === 'span', `style on <${element.tagName}>`).toBe(true);
          if (['href', 'src', 'action', 'formAction'].includes(key)) expect(String(value)).not.toMatch(/^\s*(javascript|vbscript|data):/i);
        }
      }
      expectFixture('safe-html', name, 'expected.html', html);
    });
  }
});
