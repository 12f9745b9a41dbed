/**
 * The network module against a real HTTP server on localhost: redirects, limits, errors, and a URL input
 * imported end to end with its charset from the Content-Type header and links resolved against the URL.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchUrl } from '../../../scripts/importer/fetch.ts';
import { runImport } from '../../../scripts/importer/index.ts';
import { readTree, tempContent } from './helpers.ts';

const RUSSIAN_FEED = `<rss version="2.0"><channel><title>Лента</title><link>/blog/</link><item><title>Пост</title><guid>ru-1</guid>
<link>2016/04/post.html</link><pubDate>Fri, 01 Apr 2016 10:00:00 +0300</pubDate>
<description>&lt;p&gt;Текст и &lt;a href="other.html"&gt;ссылка&lt;/a&gt;.&lt;/p&gt;</description></item></channel></rss>`;

/** windows-1251 bytes of the feed, from TextDecoder's table inverted. */
function cp1251(text: string): Buffer {
  const decoder = new TextDecoder('windows-1251');
  const table = new Map<string, number>();
  for (let byte = 0; byte < 256; byte += 1) table.set(decoder.decode(new Uint8Array([byte])), byte);
  return Buffer.from([...text].map((char) => table.get(char)!));
}

/** A Twenty Ten style category archive page; page 3's "older posts" link leads back to page 1, a loop. */
function archivePage(page: number): string {
  const older = page === 3 ? '/category/ops/' : `/category/ops/page/${page + 1}/`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><title>Ops | Blog</title></head><body>
<div id="content"><h1 class="page-title">Category Archives: <span>Ops</span></h1>
<div id="post-${page}" class="post-${page} post hentry category-ops">
<h2 class="entry-title"><a href="/${2010 - page}/01/post-${page}/" rel="bookmark">Post on page ${page}</a></h2>
<div class="entry-meta"><a href="/${2010 - page}/01/post-${page}/"><span class="entry-date">January ${page}, ${2010 - page}</span></a></div>
<div class="entry-content"><p>Body of page ${page}.</p></div></div>
<div id="nav-below" class="navigation"><div class="nav-previous"><a href="${older}">← Older posts</a></div></div>
</div></body></html>`;
}

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url!, 'http://localhost');
    const hops = Number(url.searchParams.get('n') ?? 0);
    const archive = /^\/category\/ops\/(?:page\/(\d+)\/)?$/.exec(url.pathname);
    if (archive) {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(archivePage(Number(archive[1] ?? 1)));
      return;
    }
    switch (url.pathname) {
      case '/feed.xml':
        response.writeHead(200, { 'content-type': 'application/rss+xml; charset=windows-1251' });
        response.end(cp1251(RUSSIAN_FEED));
        return;
      case '/redirect':
        response.writeHead(302, { location: hops > 1 ? `/redirect?n=${hops - 1}` : '/feed.xml' });
        response.end();
        return;
      case '/to-file':
        response.writeHead(301, { location: 'file:///etc/passwd' });
        response.end();
        return;
      case '/big':
        // Chunked, no Content-Length: the cap must hold while streaming.
        response.writeHead(200, { 'content-type': 'text/plain' });
        for (let i = 0; i < 64; i += 1) response.write('x'.repeat(1024));
        response.end();
        return;
      case '/slow':
        setTimeout(() => response.end('late'), 2000);
        return;
      default:
        response.writeHead(404, { 'content-type': 'text/plain' });
        response.end('missing');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('fetchUrl', () => {
  it('follows redirects and reports the final URL and Content-Type', async () => {
    const result = await fetchUrl(`${base}/redirect?n=3`);
    expect(result.url).toBe(`${base}/feed.xml`);
    expect(result.contentType).toBe('application/rss+xml; charset=windows-1251');
    expect(result.bytes.byteLength).toBe(cp1251(RUSSIAN_FEED).byteLength);
  });

  it('gives up after the redirect limit', async () => {
    await expect(fetchUrl(`${base}/redirect?n=10`, { maxRedirects: 5 })).rejects.toThrow(/more than 5 redirects/);
  });

  it('refuses non-http URLs, also as redirect targets', async () => {
    await expect(fetchUrl('ftp://127.0.0.1/feed')).rejects.toThrow(/only http and https URLs are fetched, not ftp:/);
    await expect(fetchUrl(`${base}/to-file`)).rejects.toThrow(/not file:/);
  });

  it('caps the size while streaming', async () => {
    await expect(fetchUrl(`${base}/big`, { maxBytes: 10_000 })).rejects.toThrow(/over the 10000-byte limit/);
  });

  it('times out', async () => {
    await expect(fetchUrl(`${base}/slow`, { timeoutMs: 200 })).rejects.toThrow(/timed out after 0.2 s/);
  });

  it('reports HTTP errors with the status', async () => {
    await expect(fetchUrl(`${base}/nope`)).rejects.toThrow(`${base}/nope: HTTP 404 Not Found`);
  });
});

describe('importing a URL', () => {
  it('decodes the HTTP charset, resolves links against the URL, and keeps going after a failed URL', async () => {
    const contentDir = await tempContent();
    const report = await runImport({ inputs: [`${base}/nope`, `${base}/redirect?n=1`], contentDir, workers: 0 });
    expect(report.inputs[0]!.error).toBe(`${base}/nope: HTTP 404 Not Found`);
    expect(report.inputs[1]).toMatchObject({ format: 'rss2', charset: 'windows-1251' });
    expect(report.summary).toMatchObject({ new: 1, failedInputs: 1 });
    const [post] = Object.values(await readTree(contentDir));
    expect(post).toContain('title: Пост');
    expect(post).toContain(`url: ${base}/blog/2016/04/post.html`);
    expect(post).toContain(`[ссылка](${base}/blog/2016/04/other.html)`);
  });

  it('follows "older posts" links with --follow-pages, each page once, and only when asked', async () => {
    const contentDir = await tempContent();
    const followed = await runImport({ inputs: [`${base}/category/ops/`], contentDir, workers: 0, followPages: true });
    expect(followed.inputs.map((input) => [input.input, input.format])).toEqual([
      [`${base}/category/ops/`, 'html-archive'],
      [`${base}/category/ops/page/2/`, 'html-archive'],
      [`${base}/category/ops/page/3/`, 'html-archive'],
    ]);
    expect(followed.summary).toMatchObject({ new: 3, failedInputs: 0 });
    const posts = Object.values(await readTree(contentDir)).join('\n');
    for (const page of [1, 2, 3]) expect(posts).toContain(`title: Post on page ${page}`);

    const single = await runImport({ inputs: [`${base}/category/ops/`], contentDir: await tempContent(), workers: 0 });
    expect(single.inputs).toHaveLength(1);
    expect(single.inputs[0]!.warnings).toContain(`the archive continues at ${base}/category/ops/page/2/; use --follow-pages to import it too`);
  });
});
