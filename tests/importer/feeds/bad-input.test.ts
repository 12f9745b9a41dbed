/**
 * The bad-input suite: every folder of tests/fixtures/bad-input/ is one hostile or broken input (`input.*`,
 * or `make-input.ts` for inputs too large or binary to commit) with `case.json` saying which error or
 * warnings it must produce and how many posts it still yields. Each case is imported together with a good
 * companion feed, which proves the bad input loses nothing else. `report.json` snapshots the whole report.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { hasFailures, runImport } from '../../../scripts/importer/index.ts';
import { expectFile } from '../../fixture-files.ts';
import { caseDirs, inputOf, readJson, readTree, tempContent, UNSAFE } from './helpers.ts';

interface BadInputCase {
  /** Text the input's error must contain (the input as a whole fails). */
  error?: string;
  /** Texts that must each appear in some input or item warning. */
  warnings?: string[];
  /** Messages of the items that must fail on their own, in source order. */
  failedItems?: string[];
  /** Posts the bad input itself still yields. */
  posts: number;
  /** Exact titles the posts must have after a YAML round trip, in source order (null: not checked). */
  titles?: Array<string | null>;
}

const COMPANION = 'tests/fixtures/bad-input/companion.xml';

/** The case's input path, writing generated inputs to a temp folder first. */
async function caseInput(caseDir: string, scratch: string): Promise<string> {
  const committed = inputOf(caseDir);
  if (committed) return committed;
  const module = (await import(pathToFileURL(join(process.cwd(), caseDir, 'make-input.ts')).href)) as {
    makeInput(): { name: string; bytes: Uint8Array };
  };
  const { name, bytes } = module.makeInput();
  const path = join(scratch, name);
  writeFileSync(path, bytes);
  return path;
}

/** Markdown with fenced code removed: code may show `<script>` as text, prose and frontmatter may not. */
function outsideCode(markdown: string): string {
  return markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '');
}

describe.each(caseDirs('bad-input'))('%s', (caseDir) => {
  const expected = readJson<BadInputCase>(join(caseDir, 'case.json'), { posts: 0 });

  it('fails or warns clearly, and loses nothing else', async () => {
    const contentDir = await tempContent();
    const input = await caseInput(caseDir, dirname(contentDir));
    const report = await runImport({ inputs: [input, COMPANION], contentDir, workers: 0 });
    const [bad, companion] = report.inputs;

    if (expected.error) {
      expect(bad!.error).toContain(expected.error);
      expect(bad!.error).toContain(input);
      expect(hasFailures(report)).toBe(true);
    } else {
      expect(bad!.error).toBeUndefined();
    }
    const warnings = [...bad!.warnings, ...bad!.items.flatMap((item) => item.warnings)];
    for (const warning of expected.warnings ?? []) expect(warnings.join('\n')).toContain(warning);

    expect(bad!.items.filter((item) => item.status === 'new')).toHaveLength(expected.posts);
    const failed = bad!.items.filter((item) => item.status === 'failed').map((item) => item.message);
    expect(failed).toEqual(expected.failedItems ?? []);
    expect(companion!.items.map((item) => [item.item, item.status])).toEqual([
      ['Companion one', 'new'],
      ['Companion two', 'new'],
    ]);

    const files = await readTree(contentDir);
    const posts = Object.entries(files).filter(([path]) => path.startsWith('posts/'));
    expect(posts).toHaveLength(expected.posts + 2);
    for (const [path, text] of Object.entries(files)) {
      expect(path).toMatch(/^(posts|cards)\/[a-z0-9][a-z0-9-]*\.md$/);
      expect(outsideCode(text), path).not.toMatch(UNSAFE);
    }
    if (expected.titles) {
      const titles = bad!.items
        .filter((item) => item.status === 'new')
        .map((item) => parseYaml(files[item.path!]!.split('\n---\n')[0]!.replace(/^---\n/, '')).title as string);
      expected.titles.forEach((title, index) => {
        if (title !== null) expect(titles[index]).toBe(title);
      });
      // Titles that differ only in case still get files of their own.
      expect(new Set(bad!.items.map((item) => item.path?.toLowerCase())).size).toBe(bad!.items.length);
    }
    const snapshot = JSON.stringify(report, null, 2).split(JSON.stringify(input).slice(1, -1)).join('INPUT');
    expectFile(join(caseDir, 'report.json'), `${snapshot}\n`);
  });
});

describe('prototype pollution', () => {
  it('leaves Object.prototype untouched', async () => {
    const contentDir = await tempContent();
    await runImport({ inputs: ['tests/fixtures/bad-input/proto-elements/input.xml'], contentDir, workers: 0 });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(({} as Record<string, unknown>)['isAdmin']).toBeUndefined();
    expect(readFileSync('tests/fixtures/bad-input/proto-elements/input.xml', 'utf8')).toContain('__proto__');
  });
});
