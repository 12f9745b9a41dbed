/**
 * The snippet island: shows the snippet buttons (hidden in the HTML, so a page without JavaScript shows none)
 * and handles copy, copy as script, download and Run. Run loads the sandbox runner on its first click only.
 */
import { scriptText } from '../lib/snippet-script.ts';
import { commandsOf } from './snippet-text.ts';

/** How long a status message stays before it is cleared. */
const STATUS_MS = 4000;

/** Says something in the snippet's live region, where screen readers announce it. */
function announce(figure: HTMLElement, message: string): void {
  const status = figure.querySelector<HTMLElement>('.snippet-status');
  if (!status) return;
  status.textContent = message;
  window.clearTimeout(Number(status.dataset['timer']));
  status.dataset['timer'] = String(window.setTimeout(() => (status.textContent = ''), STATUS_MS));
}

/** Copies text, with a hidden-textarea fallback where the async Clipboard API is missing or refused. */
async function copy(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    if (!copied) throw new Error('the browser refused to copy');
  }
}

/** `<post>-snippet-<n>.sh`, from the page path and the snippet number. */
function scriptFileName(figure: HTMLElement): string {
  const post = location.pathname.split('/').filter(Boolean).at(-1) ?? 'post';
  return `${post}-snippet-${figure.dataset['snippet'] ?? '1'}.sh`;
}

/** Offers the snippet's script as a file download. */
function download(figure: HTMLElement): void {
  const url = URL.createObjectURL(new Blob([scriptText(commandsOf(figure))], { type: 'text/x-shellscript' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: scriptFileName(figure) });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Counts lines of copied commands for the announcement. */
function describe(text: string, kind: string | undefined): string {
  if (kind !== 'session') return 'Copied';
  const count = text.split('\n').filter((line, i, all) => !(all[i - 1] ?? '').endsWith('\\') && line.trim() !== '').length;
  return `Copied ${count} command${count === 1 ? '' : 's'}`;
}

async function handle(action: string, figure: HTMLElement, button: HTMLButtonElement): Promise<void> {
  const commands = commandsOf(figure);
  if (action === 'copy') {
    await copy(commands);
    announce(figure, describe(commands, figure.dataset['kind']));
  } else if (action === 'copy-script') {
    await copy(scriptText(commands));
    announce(figure, 'Copied as a bash script');
  } else if (action === 'download') {
    download(figure);
    announce(figure, `Downloading ${scriptFileName(figure)}`);
  } else if (action === 'run') {
    button.disabled = true;
    button.setAttribute('aria-busy', 'true');
    announce(figure, 'Running…');
    try {
      const { runSnippet } = await import('./snippet-runner.ts');
      announce(figure, await runSnippet(figure));
    } finally {
      button.disabled = false;
      button.removeAttribute('aria-busy');
    }
  }
}

for (const actions of document.querySelectorAll<HTMLElement>('figure.snippet .snippet-actions')) actions.hidden = false;

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element ? event.target.closest<HTMLButtonElement>('figure.snippet button[data-action]') : null;
  const figure = button?.closest<HTMLElement>('figure.snippet');
  if (!button || !figure || button.disabled) return;
  handle(button.dataset['action'] ?? '', figure, button).catch((error: unknown) => {
    announce(figure, `Failed: ${error instanceof Error ? error.message : String(error)}`);
  });
});
