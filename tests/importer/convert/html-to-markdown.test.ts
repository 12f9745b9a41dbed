import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { htmlToMarkdown } from '../../../scripts/importer/html-to-markdown.ts';
import { expectFile, fixtureCases, readOptional } from '../../fixture-files.ts';

/** Renders Markdown the way the site does (raw HTML is not passed through), to check what a page would hold. */
function render(markdown: string): string {
  return String(unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeStringify).processSync(markdown));
}

/** Anything that could run script in a rendered page. */
const UNSAFE_HTML = /<(script|style|iframe|object|embed|form|svg|math|noscript|template)\b|\son\w+\s*=|\sstyle\s*=|(href|src|cite)\s*=\s*"\s*(javascript|data|vbscript):/i;

const cases = fixtureCases('html');

describe('htmlToMarkdown fixtures (tests/fixtures/html/<case>/{input.html, base-url.txt?, expected.md, warnings.txt})', () => {
  for (const { name, dir } of cases) {
    it(name, () => {
      const html = readFileSync(join(dir, 'input.html'), 'utf8');
      const baseUrl = readOptional(join(dir, 'base-url.txt'))?.trim();
      const { markdown, warnings } = htmlToMarkdown(html, baseUrl === undefined ? {} : { baseUrl });
      expectFile(join(dir, 'expected.md'), markdown);
      expectFile(join(dir, 'warnings.txt'), warnings.map((w) => `${w}\n`).join(''));
      expect(render(markdown)).not.toMatch(UNSAFE_HTML);
      expect(markdown).not.toMatch(/javascript:|data:|vbscript:/i);
    });
  }
});

describe('htmlToMarkdown', () => {
  it('is stable: the same input gives byte-identical output, twice', () => {
    for (const { dir } of cases) {
      const html = readFileSync(join(dir, 'input.html'), 'utf8');
      expect(htmlToMarkdown(html).markdown).toBe(htmlToMarkdown(html).markdown);
    }
  });

  it('turns every <pre> of seed 001 into a fenced block with a language', () => {
    const seedCases = cases.filter((c) => c.name.startsWith('seed001-'));
    expect(seedCases).toHaveLength(10);
    const langs = seedCases.flatMap(({ dir }) => {
      const { markdown } = htmlToMarkdown(readFileSync(join(dir, 'input.html'), 'utf8'));
      return [...markdown.matchAll(/^ *```(\w+)/gm)].map((m) => m[1]);
    });
    // request, response, tcpdump trace, traceroute output, vmstat command + output
    expect(langs).toEqual(['http', 'http', 'text', 'text', 'console']);
  });

  it('decodes entities exactly once', () => {
    expect(htmlToMarkdown('<p>AT&amp;amp;T &#8217; &lt;b&gt;</p>').markdown).toBe('AT\\&amp;T ’ \\<b>\n');
    expect(render(htmlToMarkdown('<p>AT&amp;amp;T</p>').markdown)).toContain('AT&#x26;amp;T');
  });

  it('resolves relative URLs against the base and leaves them alone without one', () => {
    expect(htmlToMarkdown('<a href="../x/">x</a>', { baseUrl: 'http://a.example/b/c/' }).markdown).toBe('[x](http://a.example/b/x/)\n');
    expect(htmlToMarkdown('<a href="../x/">x</a>').markdown).toBe('[x](../x/)\n');
  });

  it('returns an empty body for empty or fully unsafe input', () => {
    expect(htmlToMarkdown('').markdown).toBe('');
    expect(htmlToMarkdown('<script>alert(1)</script>')).toEqual({ markdown: '', warnings: ['removed unsafe markup: <script>'] });
  });
});
