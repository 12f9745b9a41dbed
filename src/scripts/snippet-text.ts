/**
 * Reads a rendered snippet back from the page: the commands to copy (prompts and output left out, as
 * rehype-snippets marked them) and the block's source text. Tiny on purpose: the copy island ships it.
 */

/** The highlighted lines of a snippet figure. */
function linesOf(figure: HTMLElement): HTMLElement[] {
  return [...figure.querySelectorAll<HTMLElement>('pre > code > [data-line]')];
}

/** A line's text without its prompt. */
function withoutPrompt(line: HTMLElement): string {
  let text = '';
  for (const child of line.childNodes) {
    if (child instanceof HTMLElement && child.classList.contains('snippet-prompt')) continue;
    text += child.textContent ?? '';
  }
  return text;
}

/** The snippet's text exactly as the post shows it (prompts and output included), one line per line. */
export function sourceOf(figure: HTMLElement): string {
  return linesOf(figure)
    .map((line) => line.textContent ?? '')
    .join('\n');
}

/**
 * The commands a snippet runs, in order. A session gives one entry per prompt, its continuation lines intact and
 * prompts and output left out; any other snippet is one entry, its whole text.
 */
export function commandListOf(figure: HTMLElement): string[] {
  if (figure.dataset['kind'] !== 'session') return [sourceOf(figure)];
  const commands: string[] = [];
  for (const line of linesOf(figure)) {
    const role = line.dataset['role'];
    if (role === 'command') commands.push(withoutPrompt(line));
    else if (role === 'continuation' && commands.length > 0) commands[commands.length - 1] += `\n${withoutPrompt(line)}`;
  }
  return commands;
}

/** What the copy button gives: the commands, one after another, ready to paste into a terminal. */
export function commandsOf(figure: HTMLElement): string {
  return commandListOf(figure).join('\n');
}
