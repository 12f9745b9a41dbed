/**
 * The report's text form and the progress bar: what a person sees on the terminal.
 */
import { describe, expect, it } from 'vitest';
import { formatReport, hasFailures, ProgressBar, summarise, type InputReport } from '../../../scripts/importer/report.ts';

const inputs: InputReport[] = [
  {
    input: 'feed.xml',
    format: 'rss2',
    charset: 'windows-1251',
    warnings: ['charset guessed: no charset declared and the bytes are not UTF-8; decoded as windows-1251'],
    items: [
      { item: 'New post', status: 'new', path: 'posts/new-post.md', warnings: ['image left remote: http://x/a.png'] },
      { item: 'Same post', status: 'unchanged', path: 'posts/same-post.md', warnings: [] },
      { item: 'Edited post', status: 'conflict', path: 'posts/edited.md', message: 'edited by hand; use --force', warnings: [] },
      { item: 'About', status: 'skipped', message: 'page: WordPress pages are not imported as posts', warnings: [] },
    ],
  },
  { input: 'broken.xml', error: 'broken.xml: truncated XML: the root element <rss> is never closed', warnings: [], items: [] },
];

describe('report', () => {
  it('counts every status and failed inputs', () => {
    expect(summarise(inputs)).toEqual({ new: 1, updated: 0, unchanged: 1, conflict: 1, skipped: 1, failed: 0, failedInputs: 1 });
    expect(hasFailures({ dryRun: false, summary: summarise(inputs), inputs })).toBe(true);
    expect(hasFailures({ dryRun: false, summary: summarise(inputs.slice(0, 1)), inputs: inputs.slice(0, 1) })).toBe(false);
  });

  it('prints problems per input and one summary line, quiet about unchanged posts', () => {
    const text = formatReport({ dryRun: true, summary: summarise(inputs), inputs });
    expect(text.split('\n')).toEqual([
      'feed.xml: rss2, windows-1251, 4 item(s)',
      '  ! charset guessed: no charset declared and the bytes are not UTF-8; decoded as windows-1251',
      '  would create New post → posts/new-post.md',
      '      ! image left remote: http://x/a.png',
      '  CONFLICT Edited post → posts/edited.md: edited by hand; use --force',
      '  skipped About: page: WordPress pages are not imported as posts',
      '✗ broken.xml: truncated XML: the root element <rss> is never closed',
      'dry run, nothing written — would be: new 1, updated 0, unchanged 1, conflicts 1, skipped 1, failed 0; 1 input(s) failed',
    ]);
  });
});

describe('ProgressBar', () => {
  it('draws on a terminal and stays silent otherwise', () => {
    const written: string[] = [];
    const tty = { isTTY: true, write: (chunk: string) => written.push(chunk) } as unknown as NodeJS.WriteStream;
    const bar = new ProgressBar(tty);
    bar.start('feed.xml', 2);
    bar.tick();
    bar.tick();
    bar.clear();
    expect(written[0]).toContain('[------------------------------] 0/2 feed.xml');
    expect(written.at(-2)).toContain('[##############################] 2/2 feed.xml');
    expect(written.at(-1)).toBe('\r\u001b[2K');

    const silent: string[] = [];
    const pipe = { isTTY: false, write: (chunk: string) => silent.push(chunk) } as unknown as NodeJS.WriteStream;
    const quiet = new ProgressBar(pipe);
    quiet.start('x', 1);
    quiet.tick();
    quiet.clear();
    expect(silent).toEqual([]);
  });
});
