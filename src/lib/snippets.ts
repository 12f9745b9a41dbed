/**
 * The rendering side of opsdeck's snippet Markdown form (see the README): what each line of a snippet is, which
 * commands it holds, and the text the copy buttons give. The prompt rules live in one place, shell-session.ts,
 * shared with the importer.
 */
import { parseSession, splitPrompt } from './shell-session.ts';

/** How a fenced block behaves: a shell session, a prompt-less shell script, or code in another language. */
export type SnippetKind = 'session' | 'script' | 'code';

/** Fence languages of prompt-less shell code. */
const SCRIPT_LANGS = new Set(['bash', 'sh', 'shell', 'zsh']);
/** Fence languages of shell sessions. */
const SESSION_LANGS = new Set(['console', 'shellsession', 'shell-session', 'sh-session']);

/** The kind of a fenced block from its language. */
export function snippetKind(lang: string | null | undefined): SnippetKind {
  const name = (lang ?? '').toLowerCase();
  if (SESSION_LANGS.has(name)) return 'session';
  if (SCRIPT_LANGS.has(name)) return 'script';
  return 'code';
}

/** One source line of a snippet and what it is. */
export type SnippetLine =
  /** The first line of a command: its prompt (`[root@gluster1 ~]# `), the host the prompt names, the command text. */
  | { role: 'command'; prompt: string; host?: string; text: string }
  /** A later line of a command: after a line ending in `\`, or a `> ` (PS2) line, whose prompt is kept apart. */
  | { role: 'continuation'; prompt: string; text: string }
  /** Output printed by the command before it. */
  | { role: 'output'; text: string }
  /** A line of a script or of non-shell code. */
  | { role: 'code'; text: string };

/** A command of a snippet with the output the post records for it (sessions only). */
export interface SnippetCommand {
  /** The command as typed, continuation lines (and their `\`) intact, prompts removed. */
  text: string;
  /** Host named by the command's prompt. */
  host?: string;
  /** Output lines printed after the command; empty when the post shows none. */
  output: string[];
  /** Index of the command's first line in the snippet. */
  line: number;
}

/** Splits a snippet into lines with their roles. */
export function snippetLines(kind: SnippetKind, code: string): SnippetLine[] {
  if (kind !== 'session') return code.split('\n').map((text) => ({ role: 'code', text }));
  const lines: SnippetLine[] = [];
  for (const entry of parseSession(code)) {
    if (entry.kind === 'output') {
      lines.push({ role: 'output', text: entry.text });
      continue;
    }
    const [first = '', ...rest] = entry.command.split('\n');
    const host = splitPrompt(entry.prompt + first)?.host;
    lines.push(host === undefined ? { role: 'command', prompt: entry.prompt, text: first } : { role: 'command', prompt: entry.prompt, host, text: first });
    let previous = first;
    for (const line of rest) {
      // parseSession keeps PS2 `> ` prompts in the command; a line after a `\` continuation is typed as is
      const ps2 = !previous.endsWith('\\') && line.startsWith('> ');
      lines.push({ role: 'continuation', prompt: ps2 ? '> ' : '', text: ps2 ? line.slice(2) : line });
      previous = line;
    }
  }
  return lines;
}

/** The commands of a snippet: one per prompt for a session, one per logical line for a script, none for code. */
export function snippetCommands(kind: SnippetKind, code: string): SnippetCommand[] {
  const lines = snippetLines(kind, code);
  const commands: SnippetCommand[] = [];
  if (kind === 'session') {
    lines.forEach((line, index) => {
      const last = commands.at(-1);
      if (line.role === 'command') {
        commands.push(line.host === undefined ? { text: line.text, output: [], line: index } : { text: line.text, host: line.host, output: [], line: index });
      } else if (line.role === 'continuation' && last) last.text += `\n${line.text}`;
      else if (line.role === 'output' && last) last.output.push(line.text);
    });
    // blank lines that only separate a command's output from the next prompt are not output
    for (const command of commands) while (command.output.at(-1)?.trim() === '') command.output.pop();
    return commands;
  }
  if (kind === 'code') return [];
  let open: SnippetCommand | undefined;
  lines.forEach((line, index) => {
    if (open) open.text += `\n${line.text}`;
    else if (line.text.trim() !== '' && !line.text.trimStart().startsWith('#')) {
      open = { text: line.text, output: [], line: index };
      commands.push(open);
    }
    if (!line.text.endsWith('\\')) open = undefined;
  });
  return commands;
}

/** What the copy button gives: the commands of a session (no prompts, no output), or the whole code otherwise. */
export function copyText(kind: SnippetKind, code: string): string {
  if (kind !== 'session') return code;
  return snippetCommands(kind, code)
    .map((c) => c.text)
    .join('\n');
}

/** The hosts a session's prompts name, in order of first appearance: the block's label. */
export function snippetHosts(kind: SnippetKind, code: string): string[] {
  const hosts = snippetCommands(kind, code).flatMap((c) => c.host ?? []);
  return [...new Set(hosts)];
}

/** The id of the n-th (1-based) snippet of a post, the target of the command index's links. */
export function snippetAnchor(n: number): string {
  return `snippet-${n}`;
}
