/**
 * A post's sandbox session: a just-bash interpreter (virtual filesystem, no network) shared by all snippets of the
 * post, so they run in order like one terminal: files, directory and variables carry over. Programs the sandbox
 * lacks are replaced by stubs that replay output the post records for exactly that invocation, or say honestly
 * that they need a real Linux host. Runs inside the sandbox worker; plain TypeScript, so tests run it in Node.
 */
import { Bash, defineCommand, type CustomCommand } from 'just-bash';
import { sandboxCommands } from '../lib/sandbox-commands.ts';
import { findRecorded, planCommand, recordedRuns, type RecordedRun } from '../lib/snippet-plan.ts';
import { snippetCommands } from '../lib/snippets.ts';
import type { PostSnippet, SandboxResult } from './snippet-sandbox-protocol.ts';

/** Per-stream output shown to the reader; the interpreter's own limit below stops runaway output earlier. */
const OUTPUT_LIMIT = 64 * 1024;

/** Quotes a word for bash. */
function quote(word: string): string {
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** One post's shell session. */
export class PostSandbox {
  /** Calls of stubbed programs during the current run, for the result's notes. */
  readonly #calls = { replayed: new Set<string>(), hostOnly: new Set<string>() };
  readonly #recorded: RecordedRun[];
  readonly #bash: Bash;
  readonly #ready: Promise<unknown>;
  /** Shell state carried from one run to the next. */
  #session: { env: Record<string, string>; cwd: string } = { env: { HOME: '/root', USER: 'root', PATH: '/usr/bin:/bin' }, cwd: '/root' };

  constructor(snippets: readonly PostSnippet[]) {
    this.#recorded = recordedRuns(snippets, sandboxCommands);
    const { commands, files } = this.#stubs(snippets);
    this.#bash = new Bash({
      customCommands: commands,
      files: { ...files, '/root/.keep': '' },
      cwd: this.#session.cwd,
      env: this.#session.env,
      executionLimitProfile: 'hardened',
      executionLimits: { maxExecutionTimeMs: 5_000, maxOutputSize: 1024 * 1024, maxFileSystemBytes: 32 * 1024 * 1024 },
    });
    const paths = Object.keys(files);
    this.#ready = paths.length > 0 ? this.#bash.exec(`chmod +x ${paths.map(quote).join(' ')}`) : Promise.resolve();
  }

  /** What a stubbed program does: replay the recorded output of this exact invocation, or say it needs a host. */
  #unavailable(argv: string[]): { stdout: string; stderr: string; exitCode: number } {
    const program = argv[0] ?? '';
    const run = findRecorded(argv, this.#recorded);
    if (run) {
      this.#calls.replayed.add(program);
      return { stdout: run.stdout, stderr: '', exitCode: 0 };
    }
    this.#calls.hostOnly.add(program);
    return { stdout: '', stderr: `${program}: needs a real Linux host (not run in the browser sandbox)\n`, exitCode: 127 };
  }

  /** Stubs for the programs the post uses that the sandbox lacks; programs given by path become stub files. */
  #stubs(snippets: readonly PostSnippet[]): { commands: CustomCommand[]; files: Record<string, string> } {
    const programs = new Set<string>();
    for (const snippet of snippets) {
      for (const command of snippetCommands(snippet.kind, snippet.code)) {
        const plan = planCommand(command.text, sandboxCommands, this.#recorded);
        for (const program of [...plan.replayed, ...plan.hostOnly]) programs.add(program);
      }
    }
    const commands: CustomCommand[] = [defineCommand('__opsdeck_unavailable', async (args) => this.#unavailable(args))];
    const files: Record<string, string> = {};
    for (const program of programs) {
      if (program.includes('/')) files[program] = `#!/bin/bash\n__opsdeck_unavailable ${quote(program)} "$@"\n`;
      else commands.push(defineCommand(program, async (args) => this.#unavailable([program, ...args])));
    }
    // `sudo cmd`: the sandbox user is already root
    commands.push(
      defineCommand('sudo', async (args, ctx) => {
        const [command, ...rest] = args;
        if (command === undefined || !ctx.exec) return { stdout: '', stderr: 'usage: sudo command\n', exitCode: 1 };
        const result = await ctx.exec(command, { cwd: ctx.cwd, args: rest });
        return { stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode };
      }),
    );
    return { commands, files };
  }

  /** Runs one command (or script) in the session. */
  async run(id: number, command: string): Promise<SandboxResult> {
    await this.#ready;
    this.#calls.replayed.clear();
    this.#calls.hostOnly.clear();
    const started = performance.now();
    const { env, cwd } = this.#session;
    const result = await this.#bash.exec(command, { env, cwd, replaceEnv: true, rawScript: true });
    this.#session = { env: { ...result.env }, cwd: result.env['PWD'] ?? cwd };
    const stdout = clip(result.stdout);
    const stderr = clip(result.stderr);
    return {
      type: 'result',
      id,
      stdout: stdout.text,
      stderr: stderr.text,
      exitCode: result.exitCode,
      replayed: [...this.#calls.replayed],
      hostOnly: [...this.#calls.hostOnly],
      truncated: stdout.clipped || stderr.clipped,
      ms: Math.round(performance.now() - started),
    };
  }
}

function clip(text: string): { text: string; clipped: boolean } {
  return text.length > OUTPUT_LIMIT ? { text: text.slice(0, OUTPUT_LIMIT), clipped: true } : { text, clipped: false };
}
