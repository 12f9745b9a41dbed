// @ts-check
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import sitemap from '@astrojs/sitemap';
import remarkGfm from 'remark-gfm';
import rehypePrettyCode from 'rehype-pretty-code';
import { pagefindIntegration } from './src/integrations/pagefind.ts';
import { rehypeSafeHtml } from './src/markdown/rehype-safe-html.ts';
import { rehypeSnippets } from './src/markdown/rehype-snippets.ts';
import { remarkSnippets } from './src/markdown/remark-snippets.ts';
import { shikiSessionTransformer } from './src/markdown/shiki-session-transformer.ts';
import { site } from './src/site.config.ts';

export default defineConfig({
  site: site.url,
  trailingSlash: 'always',
  integrations: [sitemap(), pagefindIntegration()],
  markdown: {
    // Astro 7 defaults to Sätteri, which runs no remark/rehype plugins and passes raw HTML through.
    processor: unified({
      gfm: false, // remark-gfm is added explicitly below so its options stay in one place
      remarkPlugins: [remarkGfm, remarkSnippets],
      rehypePlugins: [
        rehypeSafeHtml, // first: sanitises raw HTML before any plugin adds markup of its own
        [rehypePrettyCode, { theme: { light: 'github-light', dark: 'github-dark' }, keepBackground: false, defaultLang: 'plaintext', transformers: [shikiSessionTransformer()] }],
        rehypeSnippets, // after rehype-pretty-code: decorates its figures using what remarkSnippets found
      ],
    }),
    syntaxHighlight: false, // rehype-pretty-code highlights instead of Astro's built-in Shiki pass
  },
});
