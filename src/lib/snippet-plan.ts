/**
 * How each command of a post can run in the page: for real in the sandbox, replayed from output the post itself
 * records, or not at all ("needs a real Linux host"). Pure, so the build labels commands and the in-page runner
 * replays them from the same rules.
 */
import { programOf, splitCommandLine, type SimpleCommand } from './shell-words.ts';
import { snippetCommands, type SnippetKind } from './snippets.ts';

/** How a command runs in the page. */
export type Execution = 'sandbox' | 'replay' | 'host';

/** A program invocation whose output the post records: `mdadm --brief --verbose --detail /dev/md0` and its lines. */
export interface RecordedRun {
  /** Program and arguments, quotes removed. */
  argv: string[];
  /** The recorded output, newline-terminated. */
  stdout: string;
}

/** How one command runs, and which of its programs are replayed or need a host. */
export interface CommandPlan {
  execution: Execution;
  /** Programs replayed from recorded output. */
  replayed: string[];
  /** Programs that neither run in the sandbox nor have recorded output for this invocation. */
  hostOnly: string[];
}

/** Shell builtins and keywords: always available, whatever the sandbox's command list says. */
const SHELL_BUILTINS = new Set(
  `cd export unset set local read source . eval exit return shift test [ [[ : true false type declare typeset readonly
  let echo printf pwd alias unalias wait trap getopts if then else elif fi for while until do done case esac function
  break continue shopt umask hash`.split(/\s+/),
);

/** True when the sandbox can run a program: a builtin, or one of its commands by name or by /bin, /usr/bin path. */
function inSandbox(program: string, sandboxCommands: ReadonlySet<string>): boolean {
  if (SHELL_BUILTINS.has(program)) return true;
  const bare = /^\/(?:usr\/)?bin\/([^/]+)$/.exec(program)?.[1] ?? program;
  return sandboxCommands.has(bare);
}

/** The program and its arguments, without leading assignments and wrappers (`sudo`). */
export function invocation(command: SimpleCommand): string[] {
  const program = programOf(command);
  return program === undefined ? [] : command.words.slice(command.words.indexOf(program));
}

/**
 * The runs a post records: session commands that are one plain program invocation (no pipe, no redirection),
 * show at least one line of output, and whose program the sandbox lacks. An empty output is never "recorded":
 * a command followed directly by the next prompt may as well have printed nothing or failed silently.
 */
export function recordedRuns(snippets: readonly { kind: SnippetKind; code: string }[], sandboxCommands: ReadonlySet<string>): RecordedRun[] {
  const runs: RecordedRun[] = [];
  for (const { kind, code } of snippets) {
    if (kind !== 'session') continue;
    for (const command of snippetCommands(kind, code)) {
      const simple = splitCommandLine(command.text);
      const only = simple[0];
      if (simple.length !== 1 || !only || only.redirected || command.output.length === 0) continue;
      const argv = invocation(only);
      if (argv[0] === undefined || inSandbox(argv[0], sandboxCommands)) continue;
      runs.push({ argv, stdout: `${command.output.join('\n')}\n` });
    }
  }
  return runs;
}

/** The recorded run whose arguments match an invocation exactly, if any. */
export function findRecorded(argv: readonly string[], recorded: readonly RecordedRun[]): RecordedRun | undefined {
  return recorded.find((run) => run.argv.length === argv.length && run.argv.every((word, i) => word === argv[i]));
}

/** Plans one command: sandbox if every program runs there, replay if the missing ones are recorded, else host. */
export function planCommand(text: string, sandboxCommands: ReadonlySet<string>, recorded: readonly RecordedRun[]): CommandPlan {
  const replayed: string[] = [];
  const hostOnly: string[] = [];
  for (const simple of splitCommandLine(text)) {
    const argv = invocation(simple);
    const program = argv[0];
    if (program === undefined || inSandbox(program, sandboxCommands)) continue;
    (findRecorded(argv, recorded) ? replayed : hostOnly).push(program);
  }
  const execution: Execution = hostOnly.length > 0 ? 'host' : replayed.length > 0 ? 'replay' : 'sandbox';
  return { execution, replayed: [...new Set(replayed)], hostOnly: [...new Set(hostOnly)] };
}
