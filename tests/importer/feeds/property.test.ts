/**
 * Property tests: whatever bytes arrive — random, random text, or feed-shaped documents stuffed with
 * hostile fragments — reading never crashes and throws only ImportError, and every post it yields is free
 * of scripts, handlers and script URLs once converted and rendered. The reader's shortcuts (tag-free
 * excerpts read without an HTML parser, wpautop as a scanner) give exactly what the slow ways give.
 */
import fc from 'fast-check';
import { fromHtml } from 'hast-util-from-html';
import { toText } from 'hast-util-to-text';
import { describe, expect, it } from 'vitest';
import { convertTask } from '../../../scripts/importer/convert-task.ts';
import { ImportError } from '../../../scripts/importer/errors.ts';
import { clean, summaryFromHtml } from '../../../scripts/importer/fields.ts';
import { readEntries } from '../../../scripts/importer/read.ts';
import { expandWordPressMarkup } from '../../../scripts/importer/shortcodes.ts';
import { assignSourceIds } from '../../../scripts/importer/source-id.ts';
import { renderDraft } from '../../../scripts/importer/write.ts';
import { stripControlChars } from '../../../scripts/importer/xml.ts';
import { unsafeInFrontmatter, unsafeInRenderedBody } from './helpers.ts';

/** Pieces an attacker or a broken generator might put anywhere in a feed. */
const fragment = fc.constantFrom(
  '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;', '<img src=x onerror=alert(1)>',
  '&lt;a href="javascript:alert(1)"&gt;x&lt;/a&gt;', '<![CDATA[<iframe src=javascript:alert(1)>]]>', 'javascript:alert(1)',
  '<![CDATA[<svg onload=alert(1)>]]>', '&#0;&#7;', '&amp;amp;', '<__proto__>x</__proto__>', ']]>', '<!--', '&unknown;',
  '<!DOCTYPE x [<!ENTITY a "b">]>', '\u0000\u001b[31m', 'Привет', '31 Feb 2010', '<p style="x">s</p>', '<', '>', '"', "'",
  '<![CDATA[<a href=" javascript:alert(1)">x</a>]]>', '<![CDATA[<a href="data:text/html,<script>alert(1)</script>">x</a>]]>',
);
const field = fc.array(fc.oneof(fragment, fc.string({ maxLength: 20 })), { maxLength: 4 }).map((parts) => parts.join(''));

const rssDocument = fc
  .array(fc.record({ title: field, link: field, guid: field, date: field, author: field, tag: field, body: field }), { maxLength: 3 })
  .map((items) =>
    `<?xml version="1.0"?><rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>t</title>` +
    items.map((i) => `<item><title>${i.title}</title><link>${i.link}</link><guid>${i.guid}</guid><pubDate>${i.date}</pubDate><dc:creator>${i.author}</dc:creator><category>${i.tag}</category><content:encoded>${i.body}</content:encoded></item>`).join('') +
    '</channel></rss>');

const atomDocument = fc
  .array(fc.record({ title: field, href: field, type: fc.constantFrom('html', 'xhtml', 'text'), body: field }), { maxLength: 3 })
  .map((entries) =>
    `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>` +
    entries.map((e) => `<entry><title>${e.title}</title><link href="${e.href}"/><id>${e.title}</id><updated>2010-01-01T00:00:00Z</updated><content type="${e.type}">${e.body}</content></entry>`).join('') +
    '</feed>');

const inputBytes = fc.oneof(
  fc.uint8Array({ maxLength: 2000 }),
  fc.string({ maxLength: 500 }).map((text) => new TextEncoder().encode(text)),
  rssDocument.map((text) => new TextEncoder().encode(text)),
  atomDocument.map((text) => new TextEncoder().encode(text)),
);

describe('arbitrary input', () => {
  it('never crashes, throws only ImportError, and never yields script or handler output', () => {
    fc.assert(
      fc.property(inputBytes, (bytes) => {
        let read;
        try {
          read = readEntries(bytes, { input: 'arbitrary' });
        } catch (error) {
          expect(error).toBeInstanceOf(ImportError);
          return;
        }
        for (const { entry, sourceId } of assignSourceIds(read.result.entries)) {
          let outcome;
          try {
            outcome = convertTask({ entry, sourceId, input: 'arbitrary' });
          } catch (error) {
            // The converter may reject an entry (e.g. no usable date); it must say so with an Error.
            expect(error).toBeInstanceOf(Error);
            continue;
          }
          expect(unsafeInFrontmatter(renderDraft(outcome.post))).toEqual([]);
          expect(unsafeInRenderedBody(outcome.post.body)).toEqual([]);
        }
      }),
      { numRuns: 300, seed: Number(process.env['FC_SEED'] ?? 20240601) },
    );
  });
});

/** Pieces that decide how tag-free HTML text reads: references in every form, whitespace, bidi and control characters. */
const textPiece = fc.constantFrom(
  '&amp;', '&amp', '&ampx', '&AMP;', '&copy', '&notin;', '&notit;', '&nbsp;', '&#8217;', '&#0;', '&#x80;', '&#xD800;',
  '&#x110000;', '&#1;', '&#13;', '&#', '&;', '&', ';', 'x', ' ', '\t', '\n', '\r\n', '\f', '\v', '\u00a0', '\u2028',
  '\ufeff', '\u200b', '\u200e', '\u202a', '\u2066', '\u0000', '\u0001', '\u007f', '\u0085', '\ud800', '\ufffe', '>',
  '[&#8230;]', ' [...]', 'Привет',
);

describe('summaryFromHtml on text without tags', () => {
  it('reads exactly as the HTML parser and hast-util-to-text read it', () => {
    const viaParser = (html: string) => {
      if (!html.trim()) return undefined;
      return clean(stripControlChars(toText(fromHtml(html, { fragment: true }))))?.replace(/\s*\[(\.\.\.|…)\]$/, '…');
    };
    const tagFree = fc.oneof(
      fc.array(textPiece, { maxLength: 12 }).map((parts) => parts.join('')),
      fc.string({ maxLength: 30, unit: 'binary' }).map((text) => text.replaceAll('<', '')),
    );
    fc.assert(
      fc.property(tagFree, (html) => {
        expect(summaryFromHtml(html)).toBe(viaParser(html));
      }),
      { numRuns: 20000, seed: Number(process.env['FC_SEED'] ?? 20240601) },
    );
  });
});

/** WordPress's wpautop block rules as plain regexes: what the importer's scanner must reproduce exactly. */
function wpautopByRegex(html: string): string {
  const blocks = 'table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|footer|nav|figure|figcaption|details|menu|summary';
  if (html.trim() === '') return '';
  const pres: string[] = [];
  const text = html.replace(/<pre\b[\s\S]*?<\/pre>/gi, (block) => `<pre wp-pre-${pres.push(block) - 1}></pre>`);
  return text
    .replace(/\r\n?/g, '\n')
    .replace(new RegExp(`(<(?:${blocks})\\b[^>]*>)`, 'gi'), '\n\n$1')
    .replace(new RegExp(`(</(?:${blocks})>)`, 'gi'), '$1\n\n')
    .split(/\n\s*\n/)
    .map((chunk) => chunk.trim())
    .filter(Boolean)
    .map((chunk) => (new RegExp(`^<(?:${blocks})\\b`, 'i').test(chunk) || new RegExp(`</(?:${blocks})>\\s*$`, 'i').test(chunk) ? chunk : `<p>${chunk.replace(/\n/g, '<br>\n')}</p>`))
    .join('\n')
    .replace(/<pre wp-pre-(\d+)><\/pre>/g, (_m, index: string) => pres[Number(index)]!);
}

/** Markup that decides where wpautop puts paragraphs: block tags in any case, look-alikes, tags inside tags, pre. */
const markupPiece = fc.constantFrom(
  '<p>', '</p>', '<P class="x">', '</P>', '<div>', '</DIV>', '</div >', '<colgroup>', '<col>', '</colx>', '<h1>', '</h6>',
  '<h7>', '<pre>', '</pre>', '<PRE class="a">', '<pre', '<pre wp-pre-0></pre>', '\r\n', '\r', '\n', '\n\n', ' \n ',
  '<p </div>', '<div title="</p>">', '>', '<', '</', '<br>', '<li>', '</li>', '<span>', '<p_x>', '<p-x>', '<p1>', '</p1>',
  '<!-- c -->', 'a', 'b c', '\u00a0', '\u2028', '\u3000', '\ufeff', '\t\n', '\f', '\v',
);

describe('wpautop of classic-editor WXR bodies', () => {
  it('paragraphs exactly as the wpautop regexes do', () => {
    const body = fc.array(markupPiece, { maxLength: 25 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(body, (html) => {
        expect(expandWordPressMarkup(html).html).toBe(wpautopByRegex(html));
      }),
      { numRuns: 20000, seed: Number(process.env['FC_SEED'] ?? 20240601) },
    );
  });
});
