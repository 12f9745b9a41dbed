import type { ShikiTransformer, ThemedToken } from 'shiki';
import { snippetKind, snippetLines, type SnippetLine } from '../lib/snippets.ts';

/** Inline style that keeps prompts and output out of a selection, even where the site's CSS does not load. */
const UNSELECTABLE = { 'user-select': 'none', '-webkit-user-select': 'none' };

/** Line roles of the block being highlighted, computed once per block for the `tokens` and `line` hooks. */
let lastBlock: { source: string; lines: SnippetLine[] } | undefined;

function linesOf(source: string): SnippetLine[] {
  if (lastBlock?.source !== source) lastBlock = { source, lines: snippetLines('session', source) };
  return lastBlock.lines;
}

/**
 * Shiki transformer, given to rehype-pretty-code, that highlights shell sessions (```console): prompts and output
 * become plain, unselectable spans, and each command (continuation lines included) is highlighted as one piece of
 * bash, so `\`-continued and here-document commands colour correctly. Each line gets `data-role`
 * (command, continuation, output). Other languages pass through untouched.
 */
export function shikiSessionTransformer(): ShikiTransformer {
  return {
    name: 'opsdeck:session',
    tokens(tokens) {
      if (snippetKind(this.options.lang) !== 'session') return;
      const lines = linesOf(this.source);
      if (lines.length !== tokens.length) return; // Shiki split the text differently: keep its highlighting
      const { lang: _lang, transformers: _transformers, ...colours } = this.options;
      const rows: ThemedToken[][] = [];
      let offset = 0;
      lines.forEach((line, index) => {
        if (line.role === 'command') {
          // the command and its continuation lines, highlighted together as bash
          let end = index + 1;
          while (lines[end]?.role === 'continuation') end++;
          const text = lines.slice(index, end).map((l) => l.text).join('\n');
          const highlighted = this.codeToTokens(text, { ...colours, lang: 'bash' }).tokens;
          lines.slice(index, end).forEach((l, k) => {
            const prompt = 'prompt' in l && l.prompt ? [promptToken(l.prompt, offset)] : [];
            rows.push([...prompt, ...(highlighted[k] ?? [])]);
            offset += ('prompt' in l ? l.prompt.length : 0) + l.text.length + 1;
          });
        } else if (line.role === 'output') {
          rows.push(line.text === '' ? [] : [{ content: line.text, offset, htmlAttrs: { class: 'snippet-output' } }]);
          offset += line.text.length + 1;
        }
      });
      return rows.length === tokens.length ? rows : undefined;
    },
    line(node, lineNumber) {
      if (snippetKind(this.options.lang) !== 'session') return;
      const line = linesOf(this.source)[lineNumber - 1];
      if (line === undefined) return;
      node.properties['data-role'] = line.role;
      if (line.role === 'output') node.properties['style'] = 'user-select:none;-webkit-user-select:none';
      if (line.role === 'command' && line.host !== undefined) node.properties['data-host'] = line.host;
    },
  };
}

/** A prompt as its own token: not highlighted as shell, never selected. */
function promptToken(prompt: string, offset: number): ThemedToken {
  return { content: prompt, offset, htmlAttrs: { class: 'snippet-prompt' }, htmlStyle: UNSELECTABLE };
}
