/**
 * Builds a throwaway copy of the project whose posts are tests/fixtures/site/posts/ plus generated fillers, and checks
 * what the repository's own content may not exercise: tags with `/`, spaces and Cyrillic, merged spellings,
 * pagination of the home and tag pages, drafts, approximate dates, reprints, hostile raw HTML, and absolute URLs in
 * the feed.
 */
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { selectAll } from 'hast-util-select';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildProject, createTempProject, type TempProject } from '../../scripts/bench/temp-project.ts';
import { site as siteConfig } from '../../src/site.config.ts';
import { allPagePaths, hrefs, readPage, textContent, textOf } from './built-site.ts';
import { FIXTURES } from './fixture-cases.ts';
import { parseFeed, type ParsedFeed } from './feedparser.ts';

/** Posts tagged CTO/CIO beyond the fixtures, so that both the home page and that tag page need a second page. */
const FILLERS = siteConfig.postsPerPage + 1;

let project: TempProject;
let distDir: string;

beforeAll(async () => {
  project = await createTempProject();
  await cp(join(FIXTURES, 'site/posts'), project.postsDir, { recursive: true });
  for (let i = 1; i <= FILLERS; i++) {
    const day = String(i).padStart(2, '0');
    await writeFile(
      join(project.postsDir, `filler-${day}.md`),
      `---\ntitle: Filler ${day}\ndate: 2015-01-${day}T00:00:00Z\ntags: [Filler, CTO/CIO]\n---\n\nFiller post ${day}.\n`,
    );
  }
  distDir = join(project.root, 'dist');
  const result = await buildProject(project.root, distDir);
  if (!result.ok) throw new Error(`fixture site build failed:\n${result.output}`);
});

afterAll(() => project?.remove());

const listed = async (path: string) => hrefs((await readPage(distDir, path)).tree, '.post-list .post-summary__title a');

describe('tags that need safe slugs', () => {
  it('gives CTO/CIO, "best practices" and Cyrillic tags ASCII slugs and merges their spellings', async () => {
    const { tree } = await readPage(distDir, '/posts/cto-cio-strategy/');
    expect(selectAll('.post__header .tag', tree).map((a) => [a.properties['href'], textContent(a)])).toEqual([
      ['/tags/cto-cio/', 'CTO/CIO'],
      ['/tags/best-practices/', 'best practices'],
      ['/tags/oblaka/', 'Облака'],
    ]);
    expect(await listed('/tags/best-practices/')).toEqual(['/posts/cto-cio-strategy/', '/posts/best-practices-variant/']);
    expect(textOf((await readPage(distDir, '/tags/oblaka/')).tree, 'h1')).toBe('Tagged “Облака”');
    expect(await listed('/tags/oblaka/')).toEqual(['/posts/cto-cio-strategy/', '/posts/best-practices-variant/', '/posts/nerd-perspective/']);
  });

  it('paginates a tag page by site.postsPerPage', async () => {
    const first = await listed('/tags/cto-cio/');
    const second = await listed('/tags/cto-cio/2/');
    expect(first).toHaveLength(siteConfig.postsPerPage);
    expect([...first, ...second]).toHaveLength(FILLERS + 2);
    expect(second.at(-1)).toBe('/posts/best-practices-variant/');
    expect(hrefs((await readPage(distDir, '/tags/cto-cio/')).tree, '.pagination a[rel=next]')).toEqual(['/tags/cto-cio/2/']);
    expect(hrefs((await readPage(distDir, '/tags/cto-cio/2/')).tree, '.pagination a[rel=prev]')).toEqual(['/tags/cto-cio/']);
  });

  it('counts merged tags once on the tags index', async () => {
    const { tree } = await readPage(distDir, '/tags/');
    const counts = Object.fromEntries(selectAll('.tag-cloud a', tree).map((a) => [String(a.properties['href']), textOf(a, '.tag__count')]));
    expect(counts).toEqual({
      '/tags/best-practices/': '2',
      '/tags/cto-cio/': String(FILLERS + 2),
      '/tags/filler/': String(FILLERS),
      '/tags/linux/': '1',
      '/tags/oblaka/': '3',
      '/tags/posts/': '3',
    });
  });
});

describe('home, dates and drafts', () => {
  it('paginates the home page newest first, with undated posts ordered by their place in the archive', async () => {
    const all = [...(await listed('/')), ...(await listed('/2/'))];
    expect(all.slice(0, 2)).toEqual(['/posts/filler-11/', '/posts/filler-10/']);
    expect(all.slice(-5)).toEqual([
      '/posts/best-practices-variant/',
      '/posts/nerd-perspective/',
      '/posts/undated-second/',
      '/posts/plain-words/',
      '/posts/no-date-at-all/',
    ]);
    await expect(readPage(distDir, '/3/')).rejects.toThrow(/ENOENT/);
  });

  it('shows approximate dates as "c. 2010" and files them under 2010 in the archive', async () => {
    expect(textOf((await readPage(distDir, '/posts/nerd-perspective/')).tree, '.post__meta time')).toBe('c. 2010');
    const { tree } = await readPage(distDir, '/archive/');
    const year2010 = selectAll('.archive-year', tree).find((section) => textOf(section, 'h2').startsWith('2010'))!;
    expect(hrefs(year2010, 'a')).toEqual(['/posts/nerd-perspective/', '/posts/undated-second/']);
    expect(selectAll('time', year2010).map(textContent)).toEqual(['c. 2010', 'c. 2010']);
    const undated = selectAll('.archive-year', tree).at(-1)!;
    expect(textOf(undated, 'h2')).toBe('Undated 1');
    expect(hrefs(undated, 'a')).toEqual(['/posts/no-date-at-all/']);
    expect(textOf((await readPage(distDir, '/posts/no-date-at-all/')).tree, '.post__meta .undated')).toBe('Undated');
  });

  it('leaves drafts out of every page, the sitemap and the feed', async () => {
    expect(await allPagePaths(distDir)).not.toContain('/posts/unpublished-draft/');
    expect(await allPagePaths(distDir)).not.toContain('/tags/draft-only-tag/');
    for (const file of ['index.html', 'archive/index.html', 'tags/index.html', 'rss.xml', 'sitemap-0.xml']) {
      expect(await readFile(join(distDir, file), 'utf8'), file).not.toMatch(/unpublished|draft-only/i);
    }
  });
});

describe('post pages', () => {
  it('escapes markup in titles and credits the original and the reprinted author', async () => {
    const strategy = (await readPage(distDir, '/posts/cto-cio-strategy/')).tree;
    expect(textOf(strategy, 'h1')).toBe('CTO/CIO strategy: 5 things to <b>know</b>');
    expect(textOf(strategy, '.post__origin')).toBe('Originally published at http://www.iheavy.com/2012/12/01/cto-cio-strategy/ in iHeavy.');
    const nerd = (await readPage(distDir, '/posts/nerd-perspective/')).tree;
    expect(textOf(nerd, '.post__reprint')).toBe('Reprinted (перепечатка) from Major Hayden.');
    expect(hrefs(nerd, '.post__reprint a')).toEqual(['https://major.io/']);
  });

  it('drops scripts, frames, styles, handlers and javascript:/data: URLs from raw HTML in a post', async () => {
    const { tree, html } = await readPage(distDir, '/posts/cto-cio-strategy/');
    const prose = selectAll('.prose', tree)[0]!;
    expect(selectAll('script, iframe, style', prose)).toEqual([]);
    expect(html).not.toMatch(/alert|evil\.example|javascript:|data:image|color:red|onclick/i);
    expect(textOf(prose, 'b')).toBe('bold');
  });

  it('ships no JavaScript with a post that has no code', async () => {
    expect((await readPage(distDir, '/posts/plain-words/')).html).not.toMatch(/<script/i);
  });
});

describe('feed', () => {
  let feed: ParsedFeed;
  beforeAll(async () => {
    feed = await parseFeed(await readFile(join(distDir, 'rss.xml')));
  });

  it('rewrites relative links and images inside content to absolute URLs', () => {
    const entry = feed.entries.find((e) => e.link === `${siteConfig.url}/posts/cto-cio-strategy/`)!;
    expect(entry.content).toContain(`href="${siteConfig.url}/archive/"`);
    expect(entry.content).toContain(`href="${siteConfig.url}/tags/cto-cio/"`);
    expect(entry.content).toContain(`src="${siteConfig.url}/favicon.svg"`);
    expect(entry.content).toContain(`href="${siteConfig.url}/posts/cto-cio-strategy/#steps"`);
    expect(entry.tags).toEqual(['CTO/CIO', 'best practices', 'Облака']);
    expect(entry.author).toBe('Sean Hull');
  });

  it('gives approximately dated and undated posts no pubDate and lists posts newest first', () => {
    const links = feed.entries.map((e) => e.link.replace(`${siteConfig.url}/posts/`, ''));
    expect(links.slice(-5)).toEqual(['best-practices-variant/', 'nerd-perspective/', 'undated-second/', 'plain-words/', 'no-date-at-all/']);
    expect(feed.entries.find((e) => e.link.endsWith('/nerd-perspective/'))!.published).toBeNull();
    expect(feed.entries.find((e) => e.link.endsWith('/no-date-at-all/'))!.published).toBeNull();
    expect(feed.entries).toHaveLength(FILLERS + 6);
  });
});
