import rehypePrettyCode from 'rehype-pretty-code';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { rehypeSnippets } from '../../src/markdown/rehype-snippets.ts';
import { remarkSnippets } from '../../src/markdown/remark-snippets.ts';
import { shikiSessionTransformer } from '../../src/markdown/shiki-session-transformer.ts';

/**
 * The snippet part of the site's Markdown pipeline (astro.config.mjs), with the same rehype-pretty-code options,
 * run on a fixture: returns the HTML and the frontmatter the plugins set.
 */
export async function renderSnippets(markdown: string): Promise<{ html: string; frontmatter: Record<string, unknown> }> {
  const file = new VFile({ value: markdown, data: { astro: { frontmatter: {} } } });
  const result = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkSnippets)
    .use(remarkRehype)
    .use(rehypePrettyCode, {
      theme: { light: 'github-light', dark: 'github-dark' },
      keepBackground: false,
      defaultLang: 'plaintext',
      transformers: [shikiSessionTransformer()],
    })
    .use(rehypeSnippets)
    .use(rehypeStringify)
    .process(file);
  const astro = result.data['astro'] as { frontmatter: Record<string, unknown> };
  return { html: String(result.value), frontmatter: astro.frontmatter };
}
