/**
 * Shared helpers of the feed importer tests: fixture discovery, temp content folders, reading back the
 * files an import wrote, and comparing against expected files (`UPDATE=1` rewrites them).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Element } from 'hast';
import { parse as parseYaml } from 'yaml';
import { expect } from 'vitest';
import { expectFile, fixtureCases, UPDATE } from '../../fixture-files.ts';

/** The case folders under a fixture area, sorted; `describe.each` names each case by its folder. */
export function caseDirs(area: string): string[] {
  return fixtureCases(area).map((testCase) => join('tests/fixtures', area, testCase.name));
}

/** The case's input file (the one whose name starts with `input`). */
export function inputOf(caseDir: string): string | undefined {
  const name = readdirSync(caseDir).find((file) => file.startsWith('input'));
  return name ? join(caseDir, name) : undefined;
}

/** A case's optional JSON file, parsed. */
export function readJson<T>(path: string, fallback: T): T {
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as T) : fallback;
}

/** A fresh, empty content folder under the system temp folder. */
export async function tempContent(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'opsdeck-feeds-')), 'content');
}

/** Every file under `dir` as relative path → text, skipping nothing (temp files included, on purpose). */
export async function readTree(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  async function walk(current: string): Promise<void> {
    const entries = await readdir(current, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) await walk(path);
      else out[relative(dir, path).split('\\').join('/')] = await readFile(path, 'utf8');
    }
  }
  await walk(dir);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** Compares a whole produced tree with an expected folder (file set and contents). */
export function expectTree(expectedDir: string, actual: Record<string, string>): void {
  if (UPDATE || !existsSync(expectedDir)) {
    for (const [path, text] of Object.entries(actual)) expectFile(join(expectedDir, path), text);
    return;
  }
  const expected: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else expected[relative(expectedDir, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  };
  walk(expectedDir);
  expect(Object.keys(actual).sort(), `files written for ${expectedDir}`).toEqual(Object.keys(expected).sort());
  for (const [path, text] of Object.entries(expected)) expect(actual[path], path).toBe(text);
}

/** Markup that must never reach a post: scripts, handlers, styles, frames, script URLs. */
export const UNSAFE = /<script|<iframe|<style|<object|<embed|\son[a-z]+\s*=|javascript:|vbscript:|data:text\/html/i;

const DANGEROUS_ELEMENTS = new Set(['script', 'iframe', 'frame', 'style', 'object', 'embed', 'applet', 'form', 'base', 'meta', 'link']);

/**
 * Renders a post's Markdown body the way the site does (raw HTML passed through, as Astro does) and lists
 * everything dangerous in the result: script-like elements, `on*` handlers, script or data URLs.
 */
export function unsafeInRenderedBody(markdown: string): string[] {
  const html = String(
    unified().use(remarkParse).use(remarkGfm).use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true }).processSync(markdown),
  );
  const found: string[] = [];
  visit(fromHtml(html, { fragment: true }), 'element', (node: Element) => {
    if (DANGEROUS_ELEMENTS.has(node.tagName)) found.push(`<${node.tagName}>`);
    for (const [name, value] of Object.entries(node.properties)) {
      if (/^on/i.test(name)) found.push(`${name} on <${node.tagName}>`);
      if (typeof value === 'string' && /^\s*(javascript|vbscript|data):/i.test(value)) found.push(`${name}="${value}"`);
    }
  });
  return found;
}

/**
 * Lists dangerous values in a rendered post's frontmatter: markup with scripts or handlers in any text
 * field, and any `url` that is not http(s). Plain words like "javascript:" in a title are just text.
 */
export function unsafeInFrontmatter(file: string): string[] {
  const yaml = file.slice(4, file.indexOf('\n---\n', 4));
  const found: string[] = [];
  const walk = (value: unknown, key: string) => {
    if (typeof value === 'string') {
      if (/<\s*(script|iframe|style|object|embed|svg)|<[^>]*\son[a-z]+\s*=/i.test(value)) found.push(`${key}: ${value}`);
      if (key.endsWith('url') && !/^https?:\/\//.test(value)) found.push(`${key}: ${value}`);
    } else if (value && typeof value === 'object') {
      for (const [child, inner] of Object.entries(value)) walk(inner, `${key}.${child}`);
    }
  };
  walk(parseYaml(yaml), 'frontmatter');
  return found;
}
