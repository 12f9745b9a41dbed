import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { codeBlocks } from '../../src/lib/command-index.ts';
import { copyText, snippetAnchor, snippetKind } from '../../src/lib/snippets.ts';

const postsDir = join(import.meta.dirname, '../../content/posts');

/** The Markdown body of a post file, without its frontmatter. */
function body(file: string): string {
  const text = readFileSync(join(postsDir, file), 'utf8');
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (match) parseYaml(match[1]!); // a post whose frontmatter does not parse fails here, with the file's name
  return match ? text.slice(match[0].length) : text;
}

describe('shell snippets on the site', () => {
  const files = readdirSync(postsDir).filter((f) => f.endsWith('.md'));

  it('all pass `bash -n`', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const file of files) {
      codeBlocks(body(file)).forEach((block, index) => {
        const kind = snippetKind(block.lang);
        if (kind === 'code') return;
        checked++;
        // a session is checked as the commands a reader copies; a script as written
        const result = spawnSync('bash', ['-n'], { input: copyText(kind, block.value), encoding: 'utf8' });
        if (result.status !== 0) failures.push(`${file}#${snippetAnchor(index + 1)} (line ${block.position?.start.line ?? '?'}): ${result.stderr.trim()}`);
      });
    }
    expect(checked).toBeGreaterThan(0);
    expect(failures, `shell snippets that fail bash -n:\n${failures.join('\n')}`).toEqual([]);
  });
});
