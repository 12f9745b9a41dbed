/**
 * A post with bad frontmatter must fail the build with a message naming the file and the field. Each case in
 * tests/fixtures/site-bad-frontmatter/<case>/ is a `post.md` built alone in a throwaway copy of the project;
 * `field.txt` names the field it gets wrong; `expected.txt` holds the lines of Astro's error that say what is wrong
 * and where.
 */
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProject, createTempProject, type TempProject } from '../../scripts/bench/temp-project.ts';
import { caseNames, expectFixture, FIXTURES } from './fixture-cases.ts';

const projects: TempProject[] = [];
afterAll(() => Promise.all(projects.map((project) => project.remove())));

/** The error's headline, its field lines and its location, with ANSI colours and the temporary folder removed. */
function errorSummary(output: string, root: string): string {
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '').replaceAll(root, '<project>');
  const start = plain.indexOf('[InvalidContentEntryDataError]');
  if (start < 0) throw new Error(`the build failed without a content schema error:\n${plain}`);
  const lines = plain.slice(start).split('\n');
  const headline = lines[0]!;
  const fields = lines.slice(1, lines.findIndex((line) => line.trim() === 'Hint:')).map((l) => l.trim()).filter(Boolean);
  const location = lines.find((line) => line.includes('<project>/content/posts/'))!.trim();
  return [headline, ...fields, location].join('\n') + '\n';
}

describe('bad frontmatter fails the build', async () => {
  for (const name of caseNames('site-bad-frontmatter')) {
    it(name, async () => {
      const project = await createTempProject();
      projects.push(project);
      await copyFile(join(FIXTURES, 'site-bad-frontmatter', name, 'post.md'), join(project.postsDir, `${name}.md`));
      const result = await buildProject(project.root);
      expect(result.ok).toBe(false);
      const summary = errorSummary(result.output, project.root);
      expect(summary).toContain(`<project>/content/posts/${name}.md`);
      expectFixture('site-bad-frontmatter', name, 'expected.txt', summary);
      // field.txt, written by hand, names the field the post gets wrong: the message must name it too.
      const field = (await readFile(join(FIXTURES, 'site-bad-frontmatter', name, 'field.txt'), 'utf8')).trim();
      expect(summary.split('\n').slice(1, -2).join('\n'), summary).toContain(field);
    });
  }
});
