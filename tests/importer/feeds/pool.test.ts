/**
 * The worker pool (batched messages, files rendered in the workers, posts written while later ones convert) must
 * give exactly what converting on the main thread gives: the same report and the same files, item failures
 * included, and with --download-images (bodies rewritten on the main thread) files whose import hash is right.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateFeed } from '../../../scripts/bench/import-feed.ts';
import type { Fetcher } from '../../../scripts/importer/fetch.ts';
import { runImport } from '../../../scripts/importer/index.ts';
import { isIntact } from '../../../scripts/importer/write.ts';
import { makeInput } from '../../fixtures/bad-input/deep-html-nesting/make-input.ts';
import { readTree, tempContent } from './helpers.ts';

/** Imports the inputs into a fresh content folder; returns the report (as JSON) and the files written. */
async function importWith(inputs: string[], workers: number) {
  const contentDir = await tempContent();
  const report = await runImport({ inputs, contentDir, workers });
  return { report: JSON.parse(JSON.stringify(report)) as unknown, files: await readTree(contentDir) };
}

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7, 7]);

/** Serves a PNG for every `.png` URL and fails the rest, like an image host with one missing file. */
const imageHost: Fetcher = async (url) => {
  if (!url.endsWith('.png')) throw new Error('HTTP 404');
  return { url, bytes: PNG, contentType: 'image/png' };
};

/** An RSS feed of three posts with images: one shared by two posts, one the host does not have. */
function imageFeed(): string {
  const item = (n: number, html: string) =>
    `<item><title>Post ${n}</title><link>https://blog.example/${n}/</link><guid>post-${n}</guid>` +
    `<pubDate>Sun, 14 Mar 2010 17:34:33 +0000</pubDate><description><![CDATA[${html}]]></description></item>`;
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Images</title>${[
    item(1, '<p>Rack: <img src="https://img.example/rack.png" alt="rack"> done.</p>'),
    item(2, '<p><img src="https://img.example/rack.png" alt="same rack"></p><p><img src="https://img.example/gone.jpg" alt="gone"></p>'),
    item(3, '<p>No images here.</p>'),
  ].join('')}</channel></rss>`;
}

/** Imports the feed with --download-images; returns the report and the files under content/ and public/. */
async function importImages(feed: string, workers: number, contentDir?: string) {
  const content = contentDir ?? (await tempContent());
  const report = await runImport({ inputs: [feed], contentDir: content, workers, downloadImages: true, fetcher: imageHost });
  return { contentDir: content, report, files: await readTree(content), images: await readTree(join(content, '..', 'public')) };
}

describe('the worker pool', () => {
  it('writes the same files and report as converting inline, failures and decks included', async () => {
    const scratch = dirname(await tempContent());
    // 130 generated posts (two of them interview posts with decks) fill several batches of the pool.
    const bench = await generateFeed(scratch, 'wxr', 130);
    const deep = join(scratch, 'deep.xml');
    writeFileSync(deep, makeInput().bytes);
    const inputs = [bench, 'tests/fixtures/bad-input/duplicate-guids/input.xml', deep, 'tests/fixtures/feeds/rss2-wordpress-seed/input.xml'];

    const inline = await importWith(inputs, 0);
    const pooled = await importWith(inputs, 2);
    expect(pooled.report).toEqual(inline.report);
    expect(pooled.files).toEqual(inline.files);
    expect(Object.keys(pooled.files).filter((path) => path.startsWith('cards/'))).toHaveLength(2);
    expect(JSON.stringify(pooled.report)).toContain('conversion failed: input is nested too deeply to process');
  }, 120_000);
});

describe('--download-images', () => {
  it('renders each post after its body is rewritten: local links, a valid hash, the same files inline and pooled', async () => {
    const feed = join(dirname(await tempContent()), 'images.xml');
    writeFileSync(feed, imageFeed());
    const inline = await importImages(feed, 0);
    const pooled = await importImages(feed, 2);
    expect(pooled.report.summary).toMatchObject({ new: 3, failed: 0 });
    expect(pooled.files).toEqual(inline.files);
    expect(pooled.images).toEqual(inline.images);
    expect(Object.keys(pooled.images)).toEqual(['images/post-1/rack.png', 'images/post-2/rack.png']);
    expect(pooled.files['posts/post-1.md']).toContain('![rack](/images/post-1/rack.png)');
    expect(pooled.files['posts/post-2.md']).toContain('![same rack](/images/post-2/rack.png)');
    expect(pooled.files['posts/post-2.md']).toContain('https://img.example/gone.jpg');
    for (const text of Object.values(pooled.files)) expect(isIntact(text)).toBe(true);
    // The hash covers the rewritten text, so importing again finds every post unchanged.
    const again = await importImages(feed, 2, pooled.contentDir);
    expect(again.report.summary).toMatchObject({ new: 0, updated: 0, unchanged: 3, conflict: 0 });
    expect(again.files).toEqual(pooled.files);
  }, 60_000);
});

describe('an item that takes too long', () => {
  it('fails alone: its worker is replaced and every other item, before and after it, is imported', async () => {
    const feed = join(dirname(await tempContent()), 'slow.xml');
    // Thousands of empty inline elements in a <div>: hast-util-minify-whitespace rescans them all for each one,
    // which takes minutes; the limit stops it after a second.
    const slow = `<div>${'<b> </b>'.repeat(6000)}x</div>`;
    const item = (n: number, html: string) =>
      `<item><title>Post ${n}</title><link>https://blog.example/${n}/</link><guid>post-${n}</guid>` +
      `<pubDate>Sun, 14 Mar 2010 17:34:33 +0000</pubDate><description><![CDATA[${html}]]></description></item>`;
    const posts = Array.from({ length: 40 }, (_, n) => item(n, n === 5 ? slow : `<p>Post number ${n}.</p>`));
    writeFileSync(feed, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Slow</title>${posts.join('')}</channel></rss>`);
    const contentDir = await tempContent();
    const report = await runImport({ inputs: [feed], contentDir, workers: 2, itemTimeLimitMs: 1000 });
    expect(report.summary).toMatchObject({ new: 39, failed: 1, failedInputs: 0 });
    const failed = report.inputs[0]!.items.filter((i) => i.status === 'failed');
    expect(failed).toEqual([expect.objectContaining({ item: 'Post 5', message: 'conversion failed: took longer than 1 s to convert; skipped' })]);
    const files = await readTree(contentDir);
    expect(Object.keys(files).filter((path) => path.startsWith('posts/'))).toHaveLength(39);
    expect(files['posts/post-6.md']).toContain('Post number 6.');
  }, 60_000);

  it('is stopped even when it is the only item of its input', async () => {
    const feed = join(dirname(await tempContent()), 'one-slow.xml');
    writeFileSync(feed, `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>Slow</title><guid>s</guid>` +
      `<pubDate>Sun, 14 Mar 2010 17:34:33 +0000</pubDate><description><![CDATA[<div>${'<b> </b>'.repeat(6000)}x</div>]]></description></item></channel></rss>`);
    const report = await runImport({ inputs: [feed], contentDir: await tempContent(), workers: 1, itemTimeLimitMs: 1000 });
    expect(report.summary).toMatchObject({ new: 0, failed: 1 });
  }, 60_000);
});
