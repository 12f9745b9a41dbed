/**
 * What the build knows about each snippet of a post: its kind, commands, hosts, hidden characters and how each
 * command can run in the page. Computed once per post from the Markdown's code blocks, in document order.
 */
import { planCommand, recordedRuns, type CommandPlan } from './snippet-plan.ts';
import { snippetAnchor, snippetCommands, snippetHosts, snippetKind, type SnippetKind } from './snippets.ts';
import { findHiddenChars } from './trojan-source.ts';

/** A fenced code block as Markdown gives it. */
export interface CodeBlock {
  lang?: string | null | undefined;
  meta?: string | null | undefined;
  code: string;
}

/** A command of a snippet and how it runs. */
export interface AnalysedCommand extends CommandPlan {
  /** The command as typed, prompts removed. */
  text: string;
  /** Index of its first line in the snippet. */
  line: number;
}

/** The build's view of one snippet. */
export interface SnippetInfo {
  /** 1-based position among the post's code blocks. */
  n: number;
  /** Element id of the snippet in its post (`snippet-3`). */
  anchor: string;
  kind: SnippetKind;
  /** The fence language, lower-case; `text` when the fence names none. */
  lang: string;
  /** Hosts named by the session's prompts, in order. */
  hosts: string[];
  /** Hidden characters (Trojan Source) as `U+XXXX` labels; any of them disables Run. */
  hiddenChars: string[];
  commands: AnalysedCommand[];
  /** Number of lines of code. */
  lineCount: number;
  /** True when Run is offered: a shell snippet without hidden characters with a command that runs or replays. */
  runnable: boolean;
  /** Programs of this snippet that need a real Linux host. */
  hostOnly: string[];
  /** Programs of this snippet replayed from output recorded in the post. */
  replayed: string[];
}

/** Analyses the code blocks of one post. `sandboxCommands` are the programs the in-page sandbox provides. */
export function analyseSnippets(blocks: readonly CodeBlock[], sandboxCommands: ReadonlySet<string>): SnippetInfo[] {
  const typed = blocks.map((b) => ({ ...b, kind: snippetKind(b.lang) }));
  const recorded = recordedRuns(typed, sandboxCommands);
  return typed.map((block, index) => {
    const commands = snippetCommands(block.kind, block.code).map((c) => ({ text: c.text, line: c.line, ...planCommand(c.text, sandboxCommands, recorded) }));
    const hiddenChars = findHiddenChars(block.code);
    const union = (pick: (c: AnalysedCommand) => string[]) => [...new Set(commands.flatMap(pick))];
    return {
      n: index + 1,
      anchor: snippetAnchor(index + 1),
      kind: block.kind,
      lang: (block.lang ?? 'text').toLowerCase(),
      hosts: snippetHosts(block.kind, block.code),
      hiddenChars,
      commands,
      lineCount: block.code.split('\n').length,
      runnable: block.kind !== 'code' && hiddenChars.length === 0 && commands.some((c) => c.execution !== 'host'),
      hostOnly: union((c) => c.hostOnly),
      replayed: union((c) => c.replayed),
    };
  });
}
