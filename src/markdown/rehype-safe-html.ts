import { randomBytes } from 'node:crypto';
import type { Element, Root } from 'hast';
import { raw } from 'hast-util-raw';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';
import { visit } from 'unist-util-visit';

/**
 * What a rendered post may contain: GitHub's schema (the one rehype-sanitize defaults to), widened only for what
 * Markdown, remark-gfm and the site's remark plugins produce, never for anything that can run code.
 */
export const safeHtmlSchema: Schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), 'figure', 'figcaption', 'mark', 'small', 'u', 'abbr', 'time'],
  attributes: {
    ...defaultSchema.attributes,
    // Classes and data attributes cannot run code; plugins (snippets, footnotes, cards) hang their markup on them.
    '*': [...(defaultSchema.attributes?.['*'] ?? []), 'className', 'data*'],
    time: ['dateTime'],
  },
  // Removed together with their content; any other unknown element is unwrapped and keeps only its text.
  strip: ['script', 'style', 'noscript', 'template', 'title', 'iframe', 'object', 'embed', 'svg', 'math'],
  // Only `name` is prefixed: prefixing `id` as well would break the footnote links remark-rehype already prefixes.
  clobber: ['name'],
};

/**
 * Rehype plugin: parses the raw HTML a post embeds and sanitises the whole tree with `safeHtmlSchema`, so no script,
 * iframe, style, event handler or javascript:/data: URL reaches a page or the feed even if an imported post carries
 * one. Register it before rehype-pretty-code: it has to see raw HTML, and the highlighter's inline styles must survive.
 */
export function rehypeSafeHtml() {
  return (tree: Root): Root => sanitizeTree(tree);
}

/** Sanitises a hast tree whose raw HTML nodes are not parsed yet; returns the new tree. */
function sanitizeTree(tree: Root): Root {
  // hast-util-raw rebuilds every element and drops `node.data`, where remark-rehype keeps the code fence's meta
  // string (`title="…"`, line ranges) that rehype-pretty-code reads. Park it in an unguessable attribute and restore it.
  const stashKey = `dataOpsdeckStash${randomBytes(8).toString('hex')}`;
  const stash: NonNullable<Element['data']>[] = [];
  visit(tree, 'element', (node) => {
    if (node.data) {
      node.properties[stashKey] = String(stash.push(node.data) - 1);
    }
  });
  const parsed = raw(tree) as Root;
  visit(parsed, 'element', (node) => {
    const index = node.properties[stashKey];
    if (index === undefined) return;
    delete node.properties[stashKey];
    const data = stash[Number(index)];
    if (data) node.data = data;
  });
  return sanitize(parsed, safeHtmlSchema) as Root;
}
