import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import GithubSlugger from 'github-slugger';
import { parse } from 'yaml';

/** A built HTML page, parsed. */
export interface BuiltPage {
  /** Site path, e.g. `/posts/welcome/`. */
  path: string;
  html: string;
  tree: Root;
}

/** File of a site path in the built output: `/x/` → `x/index.html`, `/404.html` as is. */
function fileOf(distDir: string, path: string): string {
  return path.endsWith('/') ? join(distDir, path, 'index.html') : join(distDir, path);
}

/** Reads and parses the page at a site path. */
export async function readPage(distDir: string, path: string): Promise<BuiltPage> {
  const html = await readFile(fileOf(distDir, path), 'utf8');
  return { path, html, tree: fromHtml(html) };
}

/** Site paths of every HTML page in the build (`/`, `/posts/x/`, `/404.html`, …). */
export async function allPagePaths(distDir: string): Promise<string[]> {
  const files = (await readdir(distDir, { recursive: true })).filter((file) => file.endsWith('.html'));
  return files.map((file) => {
    const path = '/' + relative(distDir, join(distDir, file)).split(sep).join('/');
    return path.endsWith('/index.html') || path === '/index.html' ? path.slice(0, -'index.html'.length) : path;
  });
}

/** Text of the first element matching `selector`, whitespace collapsed; '' when none matches. */
export function textOf(tree: Root | Element, selector: string): string {
  const node = select(selector, tree);
  return node ? toText(node).replace(/\s+/g, ' ').trim() : '';
}

/** Text of a node, whitespace collapsed. */
export function textContent(node: Root | Element): string {
  return toText(node).replace(/\s+/g, ' ').trim();
}

/** `href`s of every element matching `selector`. */
export function hrefs(tree: Root | Element, selector: string): string[] {
  return selectAll(selector, tree).map((node) => String(node.properties['href']));
}

/** A post as its Markdown file declares it: what the built site must show. */
export interface SourcePost {
  /** Collection id, derived the way Astro's glob loader does (github-slugger of each path segment). */
  id: string;
  file: string;
  data: Record<string, unknown> & { title: string; tags?: string[]; draft?: boolean; date?: Date | string; approxDate?: string };
  body: string;
}

/** Reads every post in a content folder, with its frontmatter parsed by the `yaml` package. */
export async function readSourcePosts(postsDir: string): Promise<SourcePost[]> {
  const files = (await readdir(postsDir, { recursive: true })).filter((file) => file.endsWith('.md')).sort();
  return Promise.all(
    files.map(async (file) => {
      const text = await readFile(join(postsDir, file), 'utf8');
      const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
      if (!match) throw new Error(`${file}: no frontmatter`);
      const slugger = new GithubSlugger();
      const id = file.replace(/\.md$/, '').split(sep).map((segment) => { slugger.reset(); return slugger.slug(segment); }).join('/');
      return { id, file, data: parse(match[1]!) as SourcePost['data'], body: match[2]! };
    }),
  );
}

/** Whether a post's Markdown has a fenced code block (such posts may load the snippet scripts). */
export function hasCodeFence(post: SourcePost): boolean {
  return /^ {0,3}(```|~~~)/m.test(post.body);
}
