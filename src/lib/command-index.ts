/**
 * The site's command index: every shell command of every post, grouped by the programs it runs, each pointing at
 * its snippet. Snippets are numbered exactly as remark-snippets numbers them (code blocks in document order,
 * after remark-gfm), so the links land on the right block.
 */
import type { Code, Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { sandboxCommands } from './sandbox-commands.ts';
import { analyseSnippets } from './snippet-analysis.ts';
import type { Execution } from './snippet-plan.ts';
import { programsOf } from './shell-words.ts';

/** A post as the index needs it. */
export interface IndexablePost {
  id: string;
  title: string;
  /** The Markdown body. */
  body: string;
}

/** One command of the index. */
export interface IndexedCommand {
  /** The command as typed, prompts removed. */
  text: string;
  postId: string;
  postTitle: string;
  /** Id of the snippet in the post page. */
  anchor: string;
  execution: Execution;
}

/** The commands that run one program (or family: `glusterfs` holds `glusterfsd` and `glusterfs-volgen`). */
export interface ProgramGroup {
  program: string;
  commands: IndexedCommand[];
}

/** The code blocks of a Markdown body, in document order. */
export function codeBlocks(markdown: string): Code[] {
  const tree: Root = unified().use(remarkParse).use(remarkGfm).parse(markdown);
  const blocks: Code[] = [];
  visit(tree, 'code', (node) => {
    blocks.push(node);
  });
  return blocks;
}

/** Every shell command of a post with the programs it runs. */
function postCommands(post: IndexablePost): { command: IndexedCommand; programs: string[] }[] {
  const infos = analyseSnippets(
    codeBlocks(post.body).map((b) => ({ lang: b.lang, meta: b.meta, code: b.value })),
    sandboxCommands,
  );
  return infos.flatMap((info) =>
    info.commands.map((c) => ({
      command: { text: c.text, postId: post.id, postTitle: post.title, anchor: info.anchor, execution: c.execution },
      programs: programsOf(c.text).map(programName),
    })),
  );
}

/** A program's name for the index: the file name of a path (`/etc/init.d/iptables` → `iptables`). */
export function programName(program: string): string {
  return program.split('/').filter(Boolean).at(-1) ?? program;
}

/**
 * Groups commands by program, alphabetically. A command that runs several programs (`mdadm … | paste - -`) is
 * listed under each. A program named after another plus `d` or `-suffix` joins its family: `glusterfsd` and
 * `glusterfs-volgen` are listed under `glusterfs` when the site has `glusterfs` commands too.
 */
export function groupByProgram(entries: readonly { command: IndexedCommand; programs: string[] }[]): ProgramGroup[] {
  const names = new Set(entries.flatMap((e) => e.programs));
  const family = (name: string): string => {
    const base = /^(.+?)(?:d|-[\w.-]+)$/.exec(name)?.[1];
    return base !== undefined && base !== name && names.has(base) ? base : name;
  };
  const groups = new Map<string, IndexedCommand[]>();
  for (const { command, programs } of entries) {
    for (const program of new Set(programs.map(family))) {
      const list = groups.get(program) ?? [];
      list.push(command);
      groups.set(program, list);
    }
  }
  return [...groups]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([program, commands]) => ({ program, commands }));
}

/** The command index of a set of posts. */
export function commandIndex(posts: readonly IndexablePost[]): ProgramGroup[] {
  return groupByProgram(posts.flatMap(postCommands));
}
