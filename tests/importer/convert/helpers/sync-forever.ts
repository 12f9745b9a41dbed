/**
 * Child process for the killed-run test: rewrites the same posts with ever-changing large bodies until it is
 * killed, so the kill lands in the middle of writes.
 */
import { syncFiles } from '../../../../scripts/importer/write.ts';
import type { FileDraft } from '../../../../scripts/importer/types.ts';

const contentDir = process.argv[2] ?? '';
for (let round = 0; ; round++) {
  const drafts: FileDraft[] = Array.from({ length: 5 }, (_, i) => ({
    collection: 'posts',
    sourceId: `post-${i}`,
    slug: `post-${i}`,
    frontmatter: { title: `Post ${i}`, date: new Date('2010-03-14T00:00:00Z'), source: { id: `post-${i}` } },
    body: `Round ${round}.\n\n${'x'.repeat(2_000_000)}\n`,
  }));
  await syncFiles(drafts, { contentDir, dryRun: false, force: true });
  if (round === 0) process.stdout.write('ready\n');
}
