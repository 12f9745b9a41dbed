/**
 * simple-to-mdast.ts must give exactly the mdast (and so the Markdown) hast-util-to-mdast gives. Every input is
 * converted twice by the real htmlToMarkdownTree: once as shipped, once with the fast path switched off, so the
 * library converts it; the trees and the Markdown must be equal. Inputs: the HTML fixtures, the WordPress seed,
 * posts shaped like the import benchmark's, and generated HTML mixing every element the fast path takes with
 * whitespace, entities and elements it must leave to the library.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { post } from '../../../scripts/bench/import-feed.ts';
import { htmlToMarkdownTree } from '../../../scripts/importer/html-to-markdown.ts';
import { readEntries } from '../../../scripts/importer/read.ts';
import { fixtureCases } from '../../fixture-files.ts';

const fastPath = vi.hoisted(() => ({ enabled: true, taken: 0 }));

vi.mock('../../../scripts/importer/simple-to-mdast.ts', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../../scripts/importer/simple-to-mdast.ts')>();
  return {
    simpleToMdast: (...args: Parameters<typeof actual.simpleToMdast>) => {
      if (!fastPath.enabled) return undefined;
      const tree = actual.simpleToMdast(...args);
      if (tree !== undefined) fastPath.taken += 1;
      return tree;
    },
  };
});

/** Converts html with and without the fast path; returns whether the fast path took it. */
function expectSameConversion(html: string, baseUrl = 'https://blog.example.org/2010/03/post/'): boolean {
  const takenBefore = fastPath.taken;
  fastPath.enabled = true;
  const fast = htmlToMarkdownTree(html, { baseUrl });
  const taken = fastPath.taken > takenBefore;
  fastPath.enabled = false;
  const library = htmlToMarkdownTree(html, { baseUrl });
  fastPath.enabled = true;
  expect(fast.tree).toEqual(library.tree);
  expect(fast.markdown).toBe(library.markdown);
  expect(fast.warnings).toEqual(library.warnings);
  return taken;
}

describe('simpleToMdast gives what hast-util-to-mdast gives', () => {
  it('on every HTML fixture', () => {
    const taken = fixtureCases('html').filter(({ dir }) => expectSameConversion(readFileSync(join(dir, 'input.html'), 'utf8')));
    expect(taken.length).toBeGreaterThan(0);
  });

  it('on every post of the WordPress seed', () => {
    const { result } = readEntries(readFileSync('content/sources/001_cbf49603f4a87da8.txt'), { input: 'seed' });
    const taken = result.entries.filter((entry) => entry.content.kind === 'html' && expectSameConversion(entry.content.value));
    expect(taken.length).toBeGreaterThan(0);
  });

  it('on posts shaped like the benchmark feed (and takes them all)', () => {
    for (let n = 0; n < 150; n += 1) expect(expectSameConversion(post(n).html)).toBe(true);
  });

  it('on long runs of empty inline elements (which it minifies in one pass, not one per element)', () => {
    const run = (n: number) => '<b> </b><i>\n</i><span> <em> </em></span>'.repeat(n);
    expect(expectSameConversion(`<p>${run(60)}x${run(60)}</p><ul><li>${run(40)}<p>y</p>${run(40)}</li></ul>`)).toBe(true);
  });

  it('on generated HTML, in the shapes it takes and the ones it leaves', () => {
    const text = fc.array(fc.constantFrom('word', 'x', ' ', '  ', '\n', '\t', '&nbsp;', '&amp;', '*', '_', '`', '[', ']', '<', '&lt;', '\u00a0', '\r\n', '1.', '-', '#', '\\'), { maxLength: 6 })
      .map((parts) => parts.join(''));
    const inline: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        text,
        text,
        fc.constantFrom('<br>', '<br/>', '<img src="/a.png" alt=" An  image ">', '<img alt="no src">', '<img src="x.png" title="T">'),
        fc.tuple(fc.constantFrom('b', 'strong', 'em', 'i', 'del', 's', 'span', 'ins', 'code', 'kbd', 'strike', 'sup', 'u'), fc.array(tie('node'), { maxLength: 3 }))
          .map(([tag, children]) => `<${tag}>${children.join('')}</${tag}>`),
        fc.tuple(fc.constantFrom('href="/rel"', 'href=""', 'href="javascript:x"', '', 'href="https://x.example/a b" title=" t  i "'), fc.array(tie('node'), { maxLength: 3 }))
          .map(([attributes, children]) => `<a ${attributes}>${children.join('')}</a>`),
      ),
    })).node;
    const phrasing = fc.array(inline, { maxLength: 4 }).map((parts) => parts.join(''));
    const block: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        phrasing.map((p) => `<p>${p}</p>`),
        fc.tuple(fc.integer({ min: 1, max: 6 }), phrasing).map(([depth, p]) => `<h${depth}>${p}</h${depth}>`),
        fc.tuple(fc.constantFrom('ul', 'ol', 'ol start="3"'), fc.array(fc.array(fc.oneof(phrasing, tie('node')), { maxLength: 3 }), { maxLength: 3 }), text)
          .map(([tag, items, gap]) => `<${tag}>${items.map((item) => `${gap.trim() === '' ? gap : ''}<li>${item.join('')}</li>`).join('')}</${tag.split(' ')[0]}>`),
        fc.array(fc.oneof(phrasing, tie('node')), { maxLength: 3 }).map((children) => `<blockquote>${children.join('')}</blockquote>`),
        fc.tuple(fc.constantFrom('', ' class="language-bash"', ' class="brush: ruby"'), text).map(([cls, code]) => `<pre${cls}><code>$ ls ${code}\n</code></pre>`),
        fc.tuple(
          fc.constantFrom('', '<thead>', '<tbody>'),
          fc.array(fc.array(fc.tuple(fc.constantFrom('td', 'th', 'td align="right"', 'th align="center"', 'td align="justify"', 'td colspan="2"', 'td nowrap'), phrasing), { maxLength: 3 }), { maxLength: 3 }),
          text,
        ).map(([section, rows, gap]) => `<table>${section}${rows.map((cells) => `<tr>${cells.map(([cell, p]) => `<${cell}>${p}</${cell.split(' ')[0]}>`).join(gap.trim() === '' ? gap : '')}</tr>`).join('')}</table>`),
        fc.constantFrom('<hr>', '<div>div text</div>', '<table><tr><td><table><tr><td>nested</td></tr></table></td></tr></table>', '<dl><dt>t</dt><dd>d</dd></dl>', '<p hidden>h</p>', '<!-- c -->'),
        phrasing,
      ),
    })).node;
    fc.assert(
      fc.property(fc.array(fc.tuple(block, text), { maxLength: 5 }), (blocks) => {
        expectSameConversion(blocks.map(([b, gap]) => b + gap).join(''));
      }),
      { numRuns: 2500 },
    );
  });
});
