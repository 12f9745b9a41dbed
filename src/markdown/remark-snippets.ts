import type { Code, Root } from 'mdast';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { analyseSnippets, type SnippetInfo } from '../lib/snippet-analysis.ts';
import { sandboxCommands } from '../lib/sandbox-commands.ts';

declare module 'vfile' {
  interface DataMap {
    /** The post's snippets in document order, for rehype-snippets. */
    snippets: SnippetInfo[];
  }
}

/**
 * Remark plugin: analyses every fenced code block of a post (session commands and output, hosts, hidden
 * characters, how each command runs in the page), keeps the result in `file.data.snippets` for rehype-snippets,
 * and sets `snippets` (the number of code blocks) in the frontmatter Astro exposes as `remarkPluginFrontmatter`,
 * so the post page loads the snippet scripts only when there is a snippet.
 */
export function remarkSnippets() {
  return (tree: Root, file: VFile): void => {
    const blocks: Code[] = [];
    visit(tree, 'code', (node) => {
      blocks.push(node);
    });
    file.data.snippets = analyseSnippets(
      blocks.map((b) => ({ lang: b.lang, meta: b.meta, code: b.value })),
      sandboxCommands,
    );
    const astro = (file.data['astro'] ??= {}) as { frontmatter?: Record<string, unknown> };
    (astro.frontmatter ??= {})['snippets'] = blocks.length;
  };
}
