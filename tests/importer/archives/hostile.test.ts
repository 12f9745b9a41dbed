/**
 * Arbitrary text never crashes the archive adapters, never escapes a typed error, and never
 * yields HTML in the Markdown a text archive produces: everything a dump holds stays text.
 */

import fc from 'fast-check';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../scripts/importer/errors.ts';
import { parseHtmlArchive } from '../../../scripts/importer/sources/html-archive.ts';
import { parseTextArchive } from '../../../scripts/importer/sources/text-archive.ts';
import type { AdapterResult } from '../../../scripts/importer/types.ts';

/** Lines shaped like the things a dump holds, hostile ones included. */
const line = fc.oneof(
  fc.string({ maxLength: 80 }),
  fc.constantFrom(
    'Category Archives: X', 'Архив тега ‘Posts’', 'Комментариев нет', '©2010 Racker Hacker. All Rights Reserved.', '.',
    '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '[quote]', '[/quote]', '# iptables -F', '$ ls -la',
    '[root@gluster1 ~]# cat /etc/hosts', '#!/usr/bin/ruby', '  • item', 'o Question?', '1. Root Cause', 'A. Letter',
    '10.0.0.1 host', 'javascript:alert(1)', '<a href="javascript:alert(1)">x</a>', 'http://x/”>label, tail', '*starred*',
    '\u0000\u001b[31m', '\u00a0', '---', '```', '<!--', ']]>',
  ),
);
const page = fc.array(fc.oneof(line, fc.constant('')), { maxLength: 60 }).map((lines) => lines.join('\n'));

function attempt(run: () => AdapterResult): AdapterResult | undefined {
  try {
    return run();
  } catch (error) {
    // The only error an adapter may throw is the importer's typed one.
    expect(error).toBeInstanceOf(ImportError);
    return undefined;
  }
}

const markdown = unified().use(remarkParse);

describe('hostile archive input', () => {
  it('text archives: typed errors only, and no HTML in any post body', () => {
    fc.assert(
      fc.property(page, (text) => {
        const result = attempt(() => parseTextArchive(text, { input: 'fuzz.txt' }));
        for (const entry of result?.entries ?? []) {
          let html = 0;
          visit(markdown.parse(entry.content.value), 'html', () => {
            html++;
          });
          expect(html).toBe(0);
          expect(entry.title).not.toMatch(/[\u0000-\u0008\u000B-\u001F]/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('HTML archives: typed errors only, and only http(s) links', () => {
    const post = fc.record({ title: line, href: fc.oneof(fc.webUrl(), fc.constantFrom('javascript:alert(1)', 'data:text/html,x', '/rel/')), body: page });
    fc.assert(
      fc.property(fc.array(post, { maxLength: 4 }), page, (posts, noise) => {
        const html = `<h1 class="page-title">${noise.slice(0, 40)}</h1>${posts
          .map((p) => `<article class="post hentry"><h2 class="entry-title"><a href="${p.href}">${p.title}</a></h2><div class="entry-content">${p.body}</div></article>`)
          .join('')}${noise}`;
        const result = attempt(() => parseHtmlArchive(html, { input: 'fuzz.html', url: 'https://example.org/category/x/' }));
        for (const entry of result?.entries ?? []) if (entry.link !== undefined) expect(entry.link).toMatch(/^https?:\/\//);
      }),
      { numRuns: 200 },
    );
  });
});
