import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';

// Raw HTML in a deck is dropped (remark-rehype without allowDangerousHtml) and the rest is sanitised, so a deck
// written by hand or imported from a hostile source renders as plain, safe HTML.
const processor = unified().use(remarkParse).use(remarkGfm).use(remarkRehype).use(rehypeSanitize).use(rehypeStringify);

/** Renders a card answer (or a deck intro) from Markdown to sanitised HTML. */
export function renderCardMarkdown(markdown: string): string {
  return markdown.trim() ? String(processor.processSync(markdown)) : '';
}
