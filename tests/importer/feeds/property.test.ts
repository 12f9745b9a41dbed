/**
 * Property test: whatever bytes arrive — random, random text, or feed-shaped documents stuffed with
 * hostile fragments — reading never crashes and throws only ImportError, and every post it yields is free
 * of scripts, handlers and script URLs once converted and rendered.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convertTask } from '../../../scripts/importer/convert-task.ts';
import { ImportError } from '../../../scripts/importer/errors.ts';
import { readEntries } from '../../../scripts/importer/read.ts';
import { assignSourceIds } from '../../../scripts/importer/source-id.ts';
import { renderDraft } from '../../../scripts/importer/write.ts';
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
