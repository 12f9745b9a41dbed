/** Messages between the page (snippet-runner.ts) and the sandbox worker (snippet-sandbox-worker.ts). */

/** A shell snippet of the post, as the page shows it. */
export interface PostSnippet {
  kind: 'session' | 'script';
  /** The block's text, prompts and output included. */
  code: string;
}

/** Page → worker. `init` comes first, once: the post's snippets, whose recorded output replays. */
export type SandboxRequest = { type: 'init'; snippets: PostSnippet[] } | { type: 'run'; id: number; command: string };

/** Worker → page: the outcome of one `run`. */
export interface SandboxResult {
  type: 'result';
  id: number;
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Programs whose output was replayed from the post. */
  replayed: string[];
  /** Programs that were called but need a real Linux host (they printed so and failed with 127). */
  hostOnly: string[];
  /** True when stdout or stderr was cut at the output limit. */
  truncated: boolean;
  /** Wall-clock time of the run in milliseconds. */
  ms: number;
}
