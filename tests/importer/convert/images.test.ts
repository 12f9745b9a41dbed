import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { downloadImages } from '../../../scripts/importer/images.ts';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 4, 5, 6]);
const SVG = new TextEncoder().encode('<svg onload="alert(1)"></svg>');

/** A stand-in for fetch.ts: serves fixed bytes per URL and records what was asked. */
function fakeFetch(files: Record<string, Uint8Array>) {
  const asked: string[] = [];
  const fetch = async (url: string) => {
    asked.push(url);
    const bytes = files[url];
    if (!bytes) throw new Error('HTTP 404');
    return bytes;
  };
  return { fetch, asked };
}

let publicDir = '';
beforeEach(async () => {
  publicDir = await mkdtemp(join(tmpdir(), 'opsdeck-images-'));
});
afterEach(async () => {
  await rm(publicDir, { recursive: true, force: true });
});

const MARKDOWN = `Intro [![rj45](http://a.example/up/rj45.jpg "rj45")](http://a.example/up/rj45.jpg) text.

![Logo](http://a.example/Logo%20Big.PNG) and again ![Logo](http://a.example/Logo%20Big.PNG)

![vector](http://a.example/x.svg) ![gone](http://a.example/404.png) ![other logo](http://b.example/logo-big.png)

\`\`\`text
![not an image](http://a.example/in-code.png)
\`\`\`
`;

describe('downloadImages', () => {
  it('saves images under public/images/<post>/ and rewrites only the image syntax', async () => {
    const { fetch, asked } = fakeFetch({
      'http://a.example/up/rj45.jpg': JPEG,
      'http://a.example/Logo%20Big.PNG': PNG,
      'http://a.example/x.svg': SVG,
      'http://b.example/logo-big.png': Uint8Array.from([...PNG, 9]),
    });
    const result = await downloadImages(MARKDOWN, { publicDir, fetch, postSlug: 'my-post' });
    expect(result.markdown).toBe(`Intro [![rj45](/images/my-post/rj45.jpg "rj45")](http://a.example/up/rj45.jpg) text.

![Logo](/images/my-post/logo-big.png) and again ![Logo](/images/my-post/logo-big.png)

![vector](http://a.example/x.svg) ![gone](http://a.example/404.png) ![other logo](/images/my-post/logo-big-2.png)

\`\`\`text
![not an image](http://a.example/in-code.png)
\`\`\`
`);
    expect(result.warnings).toEqual([
      'image left remote (not a PNG, JPEG, GIF or WebP image): http://a.example/x.svg',
      'image left remote (download failed: HTTP 404): http://a.example/404.png',
    ]);
    expect(asked.filter((u) => u.includes('Logo'))).toHaveLength(1);
    expect((await readdir(join(publicDir, 'images', 'my-post'))).sort()).toEqual(['logo-big-2.png', 'logo-big.png', 'rj45.jpg']);
    expect(await readFile(join(publicDir, 'images', 'my-post', 'rj45.jpg'))).toEqual(Buffer.from(JPEG));
  });

  it('gives the same names on a re-import, so nothing changes', async () => {
    const { fetch } = fakeFetch({ 'http://a.example/Logo%20Big.PNG': PNG, 'http://b.example/logo-big.png': Uint8Array.from([...PNG, 9]) });
    const first = await downloadImages(MARKDOWN, { publicDir, fetch, postSlug: 'p' });
    const second = await downloadImages(MARKDOWN, { publicDir, fetch, postSlug: 'p' });
    expect(second.markdown).toBe(first.markdown);
  });

  it('keeps a hostile post slug inside public/images and saves nothing on a dry run', async () => {
    const { fetch } = fakeFetch({ 'http://a.example/up/rj45.jpg': JPEG });
    await downloadImages('![x](http://a.example/up/rj45.jpg)', { publicDir, fetch, postSlug: '../../etc' });
    expect(await readdir(join(publicDir, 'images'))).toEqual(['etc']);
    const dry = await downloadImages('![x](http://a.example/up/rj45.jpg)', { publicDir, fetch, postSlug: 'dry', dryRun: true });
    expect(dry.markdown).toBe('![x](http://a.example/up/rj45.jpg)');
    expect(await readdir(join(publicDir, 'images'))).toEqual(['etc']);
  });
});
