import type { Element, ElementContent, Root, Text } from 'hast';
import { h } from 'hastscript';
import { visit, SKIP } from 'unist-util-visit';
import type { VFile } from 'vfile';
import type { SnippetInfo } from '../lib/snippet-analysis.ts';
import { splitHiddenChars } from '../lib/trojan-source.ts';
import './remark-snippets.ts'; // the vfile DataMap entry `snippets`

/** Blocks with more lines than this get line numbers. */
const LINE_NUMBERS_FROM = 8;

/** What a line's run label says, by how its command runs. */
const EXEC_LABELS = { host: 'needs a real Linux host', replay: 'replayed from output recorded in this post', sandbox: '' } as const;

/**
 * Rehype plugin, after rehype-pretty-code: turns each highlighted block into a snippet using what remark-snippets
 * found: an anchor id, a bar with the host label, notes ("needs a real Linux host", replayed programs) and the
 * copy/script/download/run buttons (hidden until the snippet script shows them, so pages read correctly without
 * JavaScript), run labels on command lines, line numbers for long blocks, and Trojan Source defences: hidden
 * characters are shown as visible `⟨U+202E⟩` markers and Run is disabled.
 */
export function rehypeSnippets() {
  return (tree: Root, file: VFile): void => {
    const infos = file.data.snippets ?? [];
    let index = 0;
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'figure' || !hasData(node, 'rehype-pretty-code-figure')) return;
      const info = infos[index++];
      const pre = node.children.find((c): c is Element => c.type === 'element' && c.tagName === 'pre');
      const code = pre?.children.find((c): c is Element => c.type === 'element' && c.tagName === 'code');
      if (!info || !pre || !code) {
        file.message(`snippet ${index}: no analysis for this code block; it is shown without snippet tools`, node);
        return SKIP;
      }
      const lines = code.children.filter((c): c is Element => c.type === 'element' && hasData(c, 'line'));
      if (lines.length !== info.lineCount) {
        file.message(`snippet ${index}: ${lines.length} highlighted lines but ${info.lineCount} in the Markdown; shown without snippet tools`, node);
        return SKIP;
      }
      decorateSnippet(node, lines, code, info);
      return SKIP;
    });
  };
}

/**
 * True when an element has `data-<name>`. rehype-pretty-code sets attribute names (`data-line`) as property keys
 * where hast's canonical form is camel-cased (`dataLine`), so both spellings are checked.
 */
function hasData(element: Element, name: string): boolean {
  const camel = 'data' + name.replace(/(^|-)([a-z])/g, (_m, _d, c: string) => c.toUpperCase());
  return element.properties[`data-${name}`] !== undefined || element.properties[camel] !== undefined;
}

/** Applies everything the snippet needs to one rehype-pretty-code figure. */
function decorateSnippet(figure: Element, lines: Element[], code: Element, info: SnippetInfo): void {
  Object.assign(figure.properties, {
    id: info.anchor,
    className: ['snippet'],
    dataSnippet: String(info.n),
    dataKind: info.kind,
    dataLang: info.lang,
    dataRunnable: String(info.runnable),
    ...(info.hiddenChars.length > 0 ? { dataHiddenChars: info.hiddenChars.join(' ') } : {}),
    ...(info.hostOnly.length > 0 ? { dataHostOnly: info.hostOnly.join(' ') } : {}),
  });
  for (const command of info.commands) {
    const line = lines[command.line];
    if (!line || command.execution === 'sandbox') continue;
    line.properties['dataExec'] = command.execution;
    line.properties['title'] = EXEC_LABELS[command.execution];
  }
  if (info.lineCount > LINE_NUMBERS_FROM) {
    code.properties['data-line-numbers'] = '';
    code.properties['data-line-numbers-max-digits'] = String(String(info.lineCount).length);
  }
  if (info.hiddenChars.length > 0) revealHiddenChars(code);
  const at = figure.children.findIndex((c) => c.type === 'element' && c.tagName === 'pre');
  figure.children.splice(at, 0, snippetBar(info), ...(info.hiddenChars.length > 0 ? [hiddenCharsWarning(info)] : []));
}

/** The bar above the code: label, notes, and the buttons the snippet script reveals. */
function snippetBar(info: SnippetInfo): Element {
  const shell = info.kind !== 'code';
  const label = info.hosts.length > 0 ? info.hosts.join(' · ') : shell ? (info.kind === 'session' ? 'shell session' : info.lang) : info.lang;
  const notes: ElementContent[] = [];
  if (shell && info.commands.length > 0 && info.commands.every((c) => c.execution === 'host')) {
    notes.push(h('span.snippet-note.snippet-note-host', 'Needs a real Linux host'));
  } else if (info.hostOnly.length > 0) {
    notes.push(h('span.snippet-note.snippet-note-host', `Needs a real Linux host: ${info.hostOnly.join(', ')}`));
  }
  if (info.replayed.length > 0) notes.push(h('span.snippet-note', `Replays output recorded in this post: ${info.replayed.join(', ')}`));
  const runReason = info.hiddenChars.length > 0 ? 'Run is disabled: hidden Unicode characters' : 'Nothing here runs in the browser';
  const buttons: Element[] = [
    h('button.snippet-button', { type: 'button', dataAction: 'copy' }, shell && info.kind === 'session' ? 'Copy commands' : 'Copy'),
  ];
  if (shell) {
    buttons.push(
      h('button.snippet-button', { type: 'button', dataAction: 'copy-script' }, 'Copy as script'),
      h('button.snippet-button', { type: 'button', dataAction: 'download' }, 'Download .sh'),
      info.runnable
        ? h('button.snippet-button.snippet-button-run', { type: 'button', dataAction: 'run' }, 'Run')
        : h('button.snippet-button.snippet-button-run', { type: 'button', dataAction: 'run', disabled: true, title: runReason }, 'Run'),
    );
  }
  return h('div.snippet-bar', [
    h('span.snippet-label', { title: info.hosts.length > 0 ? 'Host named by the prompt' : undefined }, label),
    ...notes,
    h('span.snippet-actions', { hidden: true }, buttons),
    h('span.snippet-status', { role: 'status', ariaLive: 'polite' }),
  ]);
}

/** The warning shown above a snippet that contains hidden characters. */
function hiddenCharsWarning(info: SnippetInfo): Element {
  return h(
    'p.snippet-warning',
    `Hidden Unicode characters (${info.hiddenChars.join(', ')}) can make code look different from what runs. They are shown as ⟨U+…⟩ markers, and Run is disabled.`,
  );
}

/** Replaces each hidden character in the code with a visible, labelled marker. */
function revealHiddenChars(code: Element): void {
  visit(code, 'text', (node: Text, index, parent) => {
    if (!parent || index === undefined) return;
    const parts = splitHiddenChars(node.value);
    if (parts.length === 1 && 'text' in parts[0]!) return;
    const replacement: ElementContent[] = parts.map((part) =>
      'text' in part ? { type: 'text', value: part.text } : h('span.snippet-hidden-char', { title: `${part.label} ${part.name}` }, `⟨${part.label}⟩`),
    );
    parent.children.splice(index, 1, ...replacement);
    return [SKIP, index + replacement.length];
  });
}

