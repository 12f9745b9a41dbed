/**
 * The grammar of `console` blocks, the shell sessions of opsdeck's snippet Markdown form (see the README):
 * prompt lines are commands, every other line is output of the command before it. The importer writes sessions
 * by it (scripts/importer/snippets.ts) and the site renders, copies and runs them by it (src/lib/snippets.ts),
 * so the two always agree on what a prompt is.
 */

import { ambiguousCommand, knownCommand } from './shell-commands.ts';

/** The prompt styles a session can use. */
export type PromptStyle =
  /** `$ ls` */
  | 'dollar'
  /** `# ls` (root); weak, since config files and scripts have `# comment` lines */
  | 'hash'
  /** `user@host:~$ ls`, `user@host:/etc# ls` */
  | 'user-host'
  /** `[root@host ~]# ls` */
  | 'bracket'
  /** `Mac-mini:~ admin$ ls` (macOS default) */
  | 'host-cwd-user';

/** A prompt line split into its parts. */
export interface PromptParts {
  style: PromptStyle;
  /** The prompt exactly as written, including its trailing space, e.g. `[root@web1 ~]# `. */
  prompt: string;
  /** Host name, for styles that show one. */
  host?: string;
  /** User name, for styles that show one. */
  user?: string;
  /** `#` prompts are root prompts. */
  root: boolean;
  /** The command after the prompt. */
  command: string;
}

/** One line (or one continued command) of a parsed session. */
export type SessionLine =
  | { kind: 'command'; prompt: string; command: string }
  | { kind: 'output'; text: string };

const PROMPT_PATTERNS: { style: PromptStyle; pattern: RegExp }[] = [
  // [root@host ~]# cmd  — the bracketed part has user@host and an optional directory
  { style: 'bracket', pattern: /^(\[([\w.-]+)@([\w.-]+)(?: [^\]]*)?\]([#$]) ?)(.*)$/ },
  // user@host:~$ cmd
  { style: 'user-host', pattern: /^(([\w.-]+)@([\w.-]+):[^\s#$]*([#$]) )(.*)$/ },
  // host:~ user$ cmd
  { style: 'host-cwd-user', pattern: /^(([\w.-]+):\S* ([\w.-]+)([#$]) )(.*)$/ },
];

/**
 * Splits a line that starts with a shell prompt into prompt and command; null when the line has no prompt.
 * A bare `# text` line is returned as a `hash` prompt only when the text looks like a command, since
 * `# comment` lines are everywhere in config files and scripts.
 */
export function splitPrompt(line: string): PromptParts | null {
  for (const { style, pattern } of PROMPT_PATTERNS) {
    const m = pattern.exec(line);
    if (!m) continue;
    const [, prompt = '', first = '', second = '', sign = '', command = ''] = m;
    // host-cwd-user puts the host first and the user last; the others put the user first
    const [user, host] = style === 'host-cwd-user' ? [second, first] : [first, second];
    return { style, prompt, user, host, root: sign === '#', command };
  }
  if (line.startsWith('$ ') && line.length > 2) {
    return { style: 'dollar', prompt: '$ ', root: false, command: line.slice(2) };
  }
  if (line.startsWith('# ') && looksLikeCommand(line.slice(2))) {
    return { style: 'hash', prompt: '# ', root: true, command: line.slice(2) };
  }
  return null;
}

/** True when the line starts with a shell prompt (in the given style, when one is given). */
export function isPromptLine(line: string, style?: PromptStyle): boolean {
  const parts = splitPrompt(line);
  return parts !== null && (style === undefined || parts.style === style);
}

/**
 * True when text reads as a shell command: its first word (after `sudo` and `VAR=value` prefixes) is a
 * well-known command or an executable path. Command names that are also English words (`host`, `open`) need
 * shell-like arguments (`-x`, a path, a pipe) or no arguments at all, so a sentence is not taken for a command.
 */
export function looksLikeCommand(text: string): boolean {
  const words = text.trim().split(/\s+/);
  let i = 0;
  while (i < words.length && /^[A-Za-z_][A-Za-z0-9_]*=\S*$/.test(words[i] ?? '')) i++;
  if (words[i] === 'sudo' || words[i] === 'time' || words[i] === 'nohup') i++;
  const word = words[i];
  if (word === undefined || word === '') return false;
  // init scripts (`/etc/init.d/glusterfsd start`) are run by path like binaries
  if (/^(\.{1,2}\/|~\/|\/(usr\/|opt\/)?(local\/)?s?bin\/|\/etc\/(rc\.d\/)?init\.d\/)\S+$/.test(word)) return true;
  if (!knownCommand(word)) return false;
  const args = words.slice(i + 1);
  return !ambiguousCommand(word) || args.length === 0 || args.some((a) => /^-|[/.|<>&;$=*~]/.test(a));
}

/**
 * Parses a session into command and output lines. The first prompt line fixes the style; a command ending in
 * `\` continues on the next line, and `> ` lines right after a command are its continuation (PS2).
 */
export function parseSession(code: string): SessionLine[] {
  const lines = code.split('\n');
  const style = lines.map((l) => splitPrompt(l)).find((p) => p !== null)?.style;
  const result: SessionLine[] = [];
  let continuing = false;
  for (const line of lines) {
    const last = result.at(-1);
    if (continuing && last?.kind === 'command') {
      last.command += `\n${line}`;
      continuing = line.endsWith('\\');
      continue;
    }
    const parts = style === undefined ? null : splitPrompt(line);
    if (parts !== null && parts.style === style) {
      result.push({ kind: 'command', prompt: parts.prompt, command: parts.command });
      continuing = parts.command.endsWith('\\');
    } else if (last?.kind === 'command' && line.startsWith('> ')) {
      last.command += `\n${line}`;
    } else {
      result.push({ kind: 'output', text: line });
      continuing = false;
    }
  }
  return result;
}

/**
 * True when the code is a shell session: its first non-blank line is a prompt line, and, for the weak `# `
 * style, every `# ` line reads as a command (so a config file with `# comments` is never a session).
 */
export function isSession(code: string): boolean {
  const lines = code.split('\n').filter((l) => l.trim() !== '');
  const first = lines[0] === undefined ? null : splitPrompt(lines[0]);
  if (first === null) return false;
  if (first.style !== 'hash') return true;
  // every line that starts like a root prompt must hold a command, not a comment
  return lines.filter((l) => l.startsWith('# ') || l === '#').every((l) => looksLikeCommand(l.slice(2)));
}

/** The commands of a session, without prompts or output, ready to copy or run. */
export function sessionCommands(code: string): string[] {
  return parseSession(code).flatMap((line) => (line.kind === 'command' ? [line.command] : []));
}
