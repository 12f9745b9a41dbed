/**
 * Re-import behaviour on the real seed feed: a second run changes nothing, a hand edit is a conflict
 * (until --force), a changed source updates only its post, --dry-run writes nothing, and a run killed
 * mid-write leaves no broken post while the next run removes its temp files.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runImport } from '../../../scripts/importer/index.ts';
import { generateFeed } from '../../../scripts/bench/import.ts';
import { readTree, tempContent } from './helpers.ts';

/** Seed 001, a real WordPress RSS feed of ten posts (a committed, unchanged copy). */
const seedPath = 'tests/fixtures/feeds/rss2-wordpress-seed/input.xml';

describe('re-importing the seed feed', () => {
  it('imports ten posts, and a second run changes no byte and touches no file', async () => {
    const contentDir = await tempContent();
    const first = await runImport({ inputs: [seedPath], contentDir, workers: 0 });
    expect(first.summary).toMatchObject({ new: 10, failed: 0, failedInputs: 0 });
    const before = await readTree(contentDir);
    const mtimes = await Promise.all(Object.keys(before).map(async (path) => (await stat(join(contentDir, path))).mtimeMs));
    const second = await runImport({ inputs: [seedPath], contentDir, workers: 0 });
    expect(second.summary).toMatchObject({ new: 0, updated: 0, unchanged: 10, conflict: 0 });
    expect(await readTree(contentDir)).toEqual(before);
    const after = await Promise.all(Object.keys(before).map(async (path) => (await stat(join(contentDir, path))).mtimeMs));
    expect(after).toEqual(mtimes);
  });

  it('never overwrites a hand edit without --force', async () => {
    const contentDir = await tempContent();
    await runImport({ inputs: [seedPath], contentDir, workers: 0 });
    const post = join(contentDir, 'posts/ed-strikes-again.md');
    const edited = `${await readFile(post, 'utf8')}\nA note I added by hand.\n`;
    await writeFile(post, edited);
    const again = await runImport({ inputs: [seedPath], contentDir, workers: 0 });
    expect(again.summary).toMatchObject({ conflict: 1, unchanged: 9 });
    const conflict = again.inputs[0]!.items.find((item) => item.status === 'conflict')!;
    expect(conflict).toMatchObject({ item: 'ED Strikes Again?', path: 'posts/ed-strikes-again.md' });
    expect(await readFile(post, 'utf8')).toBe(edited);
    const forced = await runImport({ inputs: [seedPath], contentDir, workers: 0, force: true });
    expect(forced.summary).toMatchObject({ updated: 1, unchanged: 9 });
    expect(await readFile(post, 'utf8')).not.toContain('A note I added by hand.');
  });

  it('updates only the post whose source changed', async () => {
    const contentDir = await tempContent();
    const feed = join(dirname(contentDir), 'feed.xml');
    const original = readFileSync(seedPath, 'utf8');
    await writeFile(feed, original);
    await runImport({ inputs: [feed], contentDir, workers: 0 });
    await writeFile(feed, original.replace('<title>ED Strikes Again?</title>', '<title>ED Strikes Again!</title>'));
    const again = await runImport({ inputs: [feed], contentDir, workers: 0 });
    expect(again.summary).toMatchObject({ new: 0, updated: 1, unchanged: 9 });
    // The post keeps its file (keyed by guid), with the new title inside.
    const changed = again.inputs[0]!.items.find((item) => item.status === 'updated')!;
    expect(changed.path).toBe('posts/ed-strikes-again.md');
    expect(await readFile(join(contentDir, changed.path!), 'utf8')).toContain('title: ED Strikes Again!');
  });

  it('writes nothing on --dry-run but reports what would change', async () => {
    const contentDir = await tempContent();
    const report = await runImport({ inputs: [seedPath], contentDir, workers: 0, dryRun: true });
    expect(report.summary).toMatchObject({ new: 10 });
    expect(await readTree(contentDir)).toEqual({});
  });
});

describe('a killed import', () => {
  it('leaves only complete posts, and the next run cleans up and finishes', async () => {
    const contentDir = await tempContent();
    const feed = await generateFeed(dirname(contentDir), 'rss', 300);
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', '--out', contentDir, feed], { stdio: 'ignore' });
    const posts = join(contentDir, 'posts');
    // Kill it as soon as the first posts appear, i.e. in the middle of writing.
    for (let tries = 0; tries < 6000; tries += 1) {
      const names = await readdir(posts).catch(() => [] as string[]);
      if (names.length > 5) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    // A temp file as a kill between write and rename leaves it (timing can't guarantee a real one).
    await writeFile(join(posts, '.incident-review-1-load-latency.md.99999-0badc0de.opsdeck-tmp'), 'half a po');

    const report = await runImport({ inputs: [feed], contentDir, workers: 0 });
    expect(report.summary).toMatchObject({ conflict: 0, failed: 0, failedInputs: 0 });
    expect(report.summary.new + report.summary.unchanged).toBe(300);
    const names = await readdir(posts);
    expect(names.filter((name) => !name.endsWith('.md'))).toEqual([]);
    expect(names).toHaveLength(300);
  }, 120_000);
});
