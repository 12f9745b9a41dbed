/**
 * Runs snippets in the sandbox worker and shows the results in a terminal panel under the snippet. Loaded by the
 * snippet island on the first click on Run; the worker (and with it the interpreter) starts then.
 */
import type { PostSnippet, SandboxRequest, SandboxResult } from './snippet-sandbox-protocol.ts';
import { commandListOf, sourceOf } from './snippet-text.ts';

/** A command that has not answered after this long is stopped by terminating the worker. */
const TIMEOUT_MS = 10_000;

interface Sandbox {
  worker: Worker;
  pending: Map<number, (result: SandboxResult) => void>;
}

let sandbox: Sandbox | undefined;
let nextId = 1;

/** A result for a run that never reached or never came back from the sandbox. */
function failed(id: number, message: string, exitCode: number): SandboxResult {
  return { type: 'result', id, stdout: '', stderr: `${message}\n`, exitCode, replayed: [], hostOnly: [], truncated: false, ms: 0 };
}

/** The post's shell snippets, whose recorded output the sandbox can replay. Snippets with hidden characters are left out. */
function postSnippets(): PostSnippet[] {
  return [...document.querySelectorAll<HTMLElement>('figure.snippet:not([data-hidden-chars])')].flatMap((figure) => {
    const kind = figure.dataset['kind'];
    return kind === 'session' || kind === 'script' ? [{ kind, code: sourceOf(figure) }] : [];
  });
}

/** Ends the sandbox; pending runs fail with `message`. The next run starts a fresh one. */
function reset(message: string): void {
  if (!sandbox) return;
  sandbox.worker.terminate();
  for (const [id, resolve] of sandbox.pending) resolve(failed(id, message, 124));
  sandbox = undefined;
}

/** The post's sandbox, started on first use. */
function getSandbox(): Sandbox {
  if (sandbox) return sandbox;
  const worker = new Worker(new URL('./snippet-sandbox-worker.ts', import.meta.url), { type: 'module', name: 'opsdeck-sandbox' });
  const started: Sandbox = { worker, pending: new Map() };
  worker.addEventListener('message', (event: MessageEvent<SandboxResult>) => {
    const resolve = started.pending.get(event.data.id);
    started.pending.delete(event.data.id);
    resolve?.(event.data);
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    reset(`the sandbox failed to start: ${event.message || 'unknown error'}`);
  });
  worker.postMessage({ type: 'init', snippets: postSnippets() } satisfies SandboxRequest);
  sandbox = started;
  return started;
}

/** Runs one command in the sandbox, stopping it after TIMEOUT_MS. */
function exec(command: string): Promise<SandboxResult> {
  const box = getSandbox();
  const id = nextId++;
  return new Promise((resolve) => {
    const timer = window.setTimeout(() => reset(`timed out after ${TIMEOUT_MS / 1000} s; the sandbox was reset and its files are gone`), TIMEOUT_MS);
    box.pending.set(id, (result) => {
      window.clearTimeout(timer);
      resolve(result);
    });
    box.worker.postMessage({ type: 'run', id, command } satisfies SandboxRequest);
  });
}

/** Creates an element with a class and text. */
function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
}

/** The snippet's terminal panel, emptied for a new run. */
function terminalOf(figure: HTMLElement): HTMLElement {
  let panel = figure.querySelector<HTMLElement>('.snippet-terminal');
  if (!panel) {
    panel = element('div', 'snippet-terminal');
    panel.setAttribute('role', 'log');
    panel.setAttribute('aria-label', `Output of snippet ${figure.dataset['snippet'] ?? ''}`);
    panel.tabIndex = 0;
    figure.append(panel);
  }
  panel.replaceChildren();
  return panel;
}

/** Shows one command and its result in the panel. Output is untrusted text and only ever set as text. */
function show(panel: HTMLElement, command: string, result: SandboxResult): void {
  const entry = element('div', 'snippet-result');
  entry.dataset['exit'] = String(result.exitCode);
  const line = element('div', 'snippet-run-command');
  line.append(element('span', 'snippet-prompt', '$ '), command);
  entry.append(line);
  for (const stream of ['stdout', 'stderr'] as const) {
    if (!result[stream]) continue;
    const out = element('pre', `snippet-run-out snippet-run-${stream}`, result[stream]);
    out.dataset['stream'] = stream;
    entry.append(out);
  }
  for (const program of result.replayed) entry.append(element('p', 'snippet-run-note', `${program}: replayed from output recorded in this post`));
  for (const program of result.hostOnly) entry.append(element('p', 'snippet-run-note snippet-run-host', `${program}: needs a real Linux host, not run`));
  if (result.truncated) entry.append(element('p', 'snippet-run-note', 'output truncated at 64 KB'));
  entry.append(element('p', 'snippet-run-status', `exit status ${result.exitCode} · ${result.ms} ms`));
  panel.append(entry);
}

/** Runs a snippet's commands in order in the post's shared sandbox; returns a one-line summary to announce. */
export async function runSnippet(figure: HTMLElement): Promise<string> {
  if (figure.dataset['hiddenChars'] !== undefined || figure.dataset['runnable'] !== 'true') return 'This snippet cannot run here';
  const panel = terminalOf(figure);
  const commands = commandListOf(figure);
  let last: SandboxResult | undefined;
  for (const command of commands) {
    last = await exec(command);
    show(panel, command, last);
  }
  return `Ran ${commands.length} command${commands.length === 1 ? '' : 's'}; exit status ${last?.exitCode ?? 0}`;
}
