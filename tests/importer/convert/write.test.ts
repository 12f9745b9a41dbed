import { parseFrontmatter as astroParseFrontmatter } from '@astrojs/markdown-remark';
import { spawn } from 'node:child_process';
import { watch } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FileDraft } from '../../../scripts/importer/types.ts';
import { cleanupTemp, createSyncer, isIntact, renderDraft, renderFileOf, sourceIdOf, syncFiles } from '../../../scripts/importer/write.ts';
import { parseFrontmatter } from '../../../scripts/importer/frontmatter.ts';
import { DeckSchema } from '../../../src/schemas/deck.ts';
import { PostSchema } from '../../../src/schemas/post.ts';

let contentDir = '';
beforeEach(async () => {
  contentDir = await mkdtemp(join(tmpdir(), 'opsdeck-write-'));
});
afterEach(async () => {
  await rm(contentDir, { recursive: true, force: true });
});

function post(id: string, title: string, body = 'Body.\n'): FileDraft {
  return {
    collection: 'posts',
    sourceId: id,
    slug: title.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
    frontmatter: { title, date: new Date('2010-03-14T17:34:33Z'), tags: ['Linux'], source: { id, url: 'http://example.com/x/', input: 'feed.xml', order: 0 } },
    body,
  };
}

const sync = (drafts: FileDraft[], opts: { dryRun?: boolean; force?: boolean } = {}) =>
  syncFiles(drafts, { contentDir, dryRun: opts.dryRun ?? false, force: opts.force ?? false });

describe('syncFiles', () => {
  it('writes new posts that the site schema accepts, with a valid import hash', async () => {
    const [outcome] = await sync([post('a', 'First Post')]);
    expect(outcome).toMatchObject({ status: 'new', path: join(contentDir, 'posts', 'first-post.md') });
    const text = await readFile(outcome!.path, 'utf8');
    const parsed = PostSchema.parse(astroParseFrontmatter(text).frontmatter);
    expect(parsed.source).toMatchObject({ id: 'a', hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect([sourceIdOf(text), isIntact(text)]).toEqual(['a', true]);
  });

  it('leaves unchanged posts byte-identical and untouched', async () => {
    const [first] = await sync([post('a', 'First Post')]);
    const before = await stat(first!.path);
    const bytes = await readFile(first!.path);
    const [again] = await sync([post('a', 'First Post')]);
    expect(again?.status).toBe('unchanged');
    expect(await readFile(first!.path)).toEqual(bytes);
    expect((await stat(first!.path)).mtimeMs).toBe(before.mtimeMs);
  });

  it('updates a post whose source changed, in the same file even when the title changed', async () => {
    const [first] = await sync([post('a', 'First Post')]);
    const [second] = await sync([post('a', 'Renamed Post', 'New body.\n')]);
    expect(second).toMatchObject({ status: 'updated', path: first!.path });
    expect(await readFile(first!.path, 'utf8')).toContain('New body.');
    expect(await readdir(join(contentDir, 'posts'))).toEqual(['first-post.md']);
  });

  it('never overwrites a hand edit without force, and says so', async () => {
    const [first] = await sync([post('a', 'First Post')]);
    const edited = (await readFile(first!.path, 'utf8')).replace('Body.', 'Body, edited by hand.');
    await writeFile(first!.path, edited);
    const [conflict] = await sync([post('a', 'First Post', 'Changed upstream.\n')]);
    expect(conflict).toMatchObject({ status: 'conflict', message: expect.stringContaining('--force') });
    expect(await readFile(first!.path, 'utf8')).toBe(edited);
    const [forced] = await sync([post('a', 'First Post', 'Changed upstream.\n')], { force: true });
    expect(forced).toMatchObject({ status: 'updated', message: 'overwrote hand edits (--force)' });
    expect(await readFile(first!.path, 'utf8')).toContain('Changed upstream.');
  });

  it('treats a frontmatter edit as a hand edit too', async () => {
    const [first] = await sync([post('a', 'First Post')]);
    await writeFile(first!.path, (await readFile(first!.path, 'utf8')).replace('- Linux', '- Linux\n  - Mine'));
    expect((await sync([post('a', 'First Post', 'x\n')]))[0]?.status).toBe('conflict');
  });

  it('writes nothing on a dry run but reports what would change', async () => {
    expect((await sync([post('a', 'First Post')], { dryRun: true }))[0]?.status).toBe('new');
    expect(await readdir(contentDir)).toEqual([]);
    const [first] = await sync([post('a', 'First Post')]);
    const bytes = await readFile(first!.path);
    expect((await sync([post('a', 'First Post', 'Changed.\n')], { dryRun: true }))[0]?.status).toBe('updated');
    expect(await readFile(first!.path)).toEqual(bytes);
  });

  it('keeps names that differ only in case, hostile slugs and taken names apart and inside content/', async () => {
    await mkdir(join(contentDir, 'posts'));
    await writeFile(join(contentDir, 'posts', 'hand-written.md'), '---\ntitle: Mine\ndate: 2010-01-01\n---\n');
    const drafts = [post('1', 'Linux'), post('2', 'LINUX'), { ...post('3', 'x'), slug: '../../etc/passwd' }, { ...post('4', 'x'), slug: 'CON' }, post('5', 'Hand Written')];
    const outcomes = await sync(drafts);
    const names = outcomes.map((o) => o.path.slice(join(contentDir, 'posts').length + 1));
    expect(names).toEqual(['linux.md', 'linux-2.md', 'etc-passwd.md', 'con-post.md', 'hand-written-2.md']);
    for (const o of outcomes) expect(resolve(o.path).startsWith(resolve(contentDir) + sep)).toBe(true);
    expect(await readFile(join(contentDir, 'posts', 'hand-written.md'), 'utf8')).toContain('title: Mine');
  });

  it('fails a duplicate source id alone', async () => {
    const outcomes = await sync([post('a', 'One'), post('a', 'Two'), post('b', 'Three')]);
    expect(outcomes.map((o) => o.status)).toEqual(['new', 'failed', 'new']);
  });

  it('keys decks by their source id and detects hand edits, like posts', async () => {
    const deck: FileDraft = { collection: 'cards', sourceId: 'deck:a', slug: 'first-post', frontmatter: { title: 'First Post', post: 'a' }, body: '## Q?\n\nA.\n' };
    const [first] = await sync([deck]);
    expect(first?.status).toBe('new');
    expect(DeckSchema.safeParse(parseFrontmatter(await readFile(first!.path, 'utf8'))?.data).success).toBe(true);
    expect((await sync([{ ...deck, slug: 'renamed' }]))[0]).toMatchObject({ status: 'unchanged', path: first!.path });
    await writeFile(first!.path, (await readFile(first!.path, 'utf8')).replace('A.', 'B.'));
    expect((await sync([{ ...deck, body: '## Q?\n\nC.\n' }]))[0]?.status).toBe('conflict');
  });
});

describe('createSyncer', () => {
  it('writes the text it is given (rendered elsewhere, e.g. in a worker) exactly, as syncFiles writes the draft', async () => {
    const draft = post('a', 'First Post', 'Body with `code`.\n');
    const rendered = renderFileOf(draft);
    expect(rendered).toEqual({ collection: 'posts', sourceId: 'a', slug: 'first-post', text: renderDraft(draft) });
    const outcome = await createSyncer({ contentDir, dryRun: false, force: false })(rendered);
    expect(outcome).toEqual({ status: 'new', path: join(contentDir, 'posts', 'first-post.md') });
    const written = await readFile(outcome.path, 'utf8');
    expect(written).toBe(rendered.text);
    expect((await sync([draft]))[0]).toMatchObject({ status: 'unchanged', path: outcome.path });
  });

  it('writes every file through a fresh temp file that cleanupTemp recognises', async () => {
    const dir = join(contentDir, 'posts');
    await mkdir(dir);
    const temps: string[] = [];
    const watcher = watch(dir, (_event, name) => {
      if (name?.endsWith('.opsdeck-tmp') && !temps.includes(name)) temps.push(name);
    });
    const drafts = Array.from({ length: 20 }, (_, i) => post(`id-${i}`, `Post ${i}`));
    const outcomes = await sync(drafts);
    // inotify events arrive on the event loop after the writes
    await new Promise((done) => setTimeout(done, 200));
    watcher.close();
    expect(outcomes.every((o) => o.status === 'new')).toBe(true);
    expect(temps).toHaveLength(20);
    expect((await readdir(dir)).filter((n) => n.endsWith('.opsdeck-tmp'))).toEqual([]);
    // Left behind by a killed run, each of those names is cleaned up by the next run.
    for (const name of temps) await writeFile(join(dir, name), 'partial');
    expect((await cleanupTemp(contentDir)).sort()).toEqual(temps.map((name) => join(dir, name)).sort());
  });
});

describe('killed run', () => {
  it('leaves only complete files, and cleanupTemp removes the temp files', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./helpers/sync-forever.ts', import.meta.url)), contentDir], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((done) => child.stdout.once('data', () => done()));
    // let it get into the middle of later rounds' writes, then kill it without warning
    await new Promise((done) => setTimeout(done, 150));
    child.kill('SIGKILL');
    await new Promise((done) => child.once('exit', done));
    const dir = join(contentDir, 'posts');
    for (const name of (await readdir(dir)).filter((n) => n.endsWith('.md'))) {
      const text = await readFile(join(dir, name), 'utf8');
      expect(isIntact(text)).toBe(true);
    }
    // a killed run can leave a temp file; plant one so the clean-up is always exercised
    await writeFile(join(dir, `.post-0.md.${child.pid}-0badc0de.opsdeck-tmp`), 'partial');
    const removed = await cleanupTemp(contentDir);
    expect(removed.length).toBeGreaterThanOrEqual(1);
    expect((await readdir(dir)).filter((n) => n.endsWith('.opsdeck-tmp'))).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual(['post-0.md', 'post-1.md', 'post-2.md', 'post-3.md', 'post-4.md']);
  });
});
