/**
 * What a reader checks in the two bundled plain-text archives (seeds 000 and 002): the posts and
 * their titles, no boilerplate left in a body, and code where code belongs. The Markdown is read
 * back with remark-parse, so the assertions are about the document a reader gets.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Code, Heading, Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { matchKnownMarker } from '../../../scripts/importer/sources/archive/boilerplate.ts';
import { parseTextArchive } from '../../../scripts/importer/sources/text-archive.ts';
import { parseSession, splitPrompt } from '../../../src/lib/shell-session.ts';
import { textToMarkdown } from '../../../scripts/importer/text-to-markdown.ts';
import type { ImportedEntry } from '../../../scripts/importer/types.ts';
import { ARCHIVE_FIXTURES } from './fixture-files.ts';

function importSeed(name: string): ImportedEntry[] {
  const input = join(ARCHIVE_FIXTURES, name, 'input.txt');
  return parseTextArchive(readFileSync(input, 'utf8'), { input }).entries;
}

const parser = unified().use(remarkParse).use(remarkGfm);

function tree(entry: ImportedEntry): Root {
  return parser.parse(entry.content.value);
}

function codeBlocks(entry: ImportedEntry): Code[] {
  const blocks: Code[] = [];
  visit(tree(entry), 'code', (node) => {
    blocks.push(node);
  });
  return blocks;
}

function post(entries: ImportedEntry[], title: string): ImportedEntry {
  const found = entries.find((entry) => entry.title === title);
  if (found === undefined) throw new Error(`no post titled "${title}"`);
  return found;
}

/** Paragraph texts of a post; code must never be among them. */
function paragraphs(entry: ImportedEntry): string[] {
  const texts: string[] = [];
  visit(tree(entry), 'paragraph', (node) => {
    texts.push(toString(node));
  });
  return texts;
}

const seed000 = importSeed('seed-000');
const seed002 = importSeed('seed-002');

describe('seed 000 (Russian tag archive reprinting Racker Hacker)', () => {
  it('has its ten posts, in order, titles without the reprint marker', () => {
    expect(seed000.map((entry) => entry.title)).toEqual([
      "A nerd's perspective on cloud hosting",
      'A simple guide to redundant cloud hosting',
      'Very unscientific GlusterFS benchmarks',
      'One month with GlusterFS in production',
      'Adding comments to iptables rules',
      'A modern implementation and explanation of Linux Virtual Server (LVS)',
      "Reincarnation of Twitter's realtime XMPP search term tracking with ruby",
      'Parsing mdadm output with paste',
      "GlusterFS on the cheap with Rackspace's Cloud Servers or Slicehost",
      'How to sell: a guide for technical people',
    ]);
    expect(seed000.map((entry) => entry.order)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('marks every post as a reprint of Racker Hacker, dated only approximately from ©2010', () => {
    for (const entry of seed000) {
      expect(entry.reprint).toEqual({ author: 'Racker Hacker', marker: 'перепечатка' });
      expect(entry.author).toBe('Racker Hacker');
      expect(entry.approxDate).toBe('2010');
      expect(entry.date).toBeUndefined();
      expect(entry.tags).toEqual(['Posts']);
    }
  });

  it('shows the mdadm | paste session as three commands, each followed by its own output', () => {
    const sessions = codeBlocks(post(seed000, 'Parsing mdadm output with paste'));
    expect(sessions.map((block) => block.lang)).toEqual(['console', 'console', 'console']);
    const parsed = sessions.map((block) => parseSession(block.value));
    expect(parsed.map((lines) => lines.filter((line) => line.kind === 'command').map((line) => line.command))).toEqual([
      ['mdadm --brief --verbose --detail /dev/md0'],
      ['mdadm --brief --verbose --detail /dev/md0 | paste - -'],
      ['mdadm --brief --verbose --detail /dev/md0 | paste -d"*" - -'],
    ]);
    for (const lines of parsed) {
      expect(lines[0]?.kind).toBe('command');
      const output = lines.slice(1);
      expect(output.length).toBeGreaterThan(0);
      expect(output.every((line) => line.kind === 'output')).toBe(true);
      expect(output.map((line) => (line.kind === 'output' ? line.text : '')).join('\n')).toContain('ARRAY /dev/md0 level=raid1');
    }
  });

  it("runs the GlusterFS post's [root@gluster1 ~]# lines as commands on host gluster1", () => {
    const blocks = codeBlocks(post(seed000, "GlusterFS on the cheap with Rackspace's Cloud Servers or Slicehost"));
    const session = blocks.find((block) => block.value.includes('[root@gluster1 ~]#'));
    expect(session?.lang).toBe('console');
    const gluster1 = session!.value.split('\n').filter((line) => line.startsWith('[root@gluster1 ~]#'));
    expect(gluster1.length).toBeGreaterThan(0);
    for (const line of gluster1) expect(splitPrompt(line)).toMatchObject({ host: 'gluster1', user: 'root', style: 'bracket' });
    const commands = parseSession(session!.value).filter((line) => line.kind === 'command');
    expect(commands.map((line) => line.command)).toEqual([
      'echo "We\'re testing GlusterFS" > /mnt/glusterfs/test.txt',
      'cat /mnt/glusterfs/test.txt',
    ]);
  });

  it('keeps the Ruby script in one ruby block from its shebang to jabber.disconnect', () => {
    const blocks = codeBlocks(post(seed000, "Reincarnation of Twitter's realtime XMPP search term tracking with ruby"));
    const ruby = blocks.filter((block) => block.lang === 'ruby');
    expect(ruby).toHaveLength(1);
    const lines = ruby[0]!.value.split('\n');
    expect(lines[0]).toBe('#!/usr/bin/ruby');
    expect(lines.at(-1)).toBe('jabber.disconnect');
    expect(ruby[0]!.value).toContain("tweets.track('celtics','lakers','finals','nba') do |status, client|");
    // Nothing of the script leaks into another block or a paragraph.
    expect(blocks.filter((block) => block !== ruby[0] && /require|jabber/.test(block.value))).toEqual([]);
    expect(paragraphs(post(seed000, "Reincarnation of Twitter's realtime XMPP search term tracking with ruby")).some((p) => p.includes('Jabber::Simple'))).toBe(false);
  });

  it('puts commands, sessions and config fragments in code blocks, never in paragraphs', () => {
    for (const entry of seed000) {
      for (const text of paragraphs(entry)) expect(text).not.toMatch(/^(#|\$|\[root@)\s?\S|^(yum|mkdir|iptables|gem) /);
    }
    const gluster = codeBlocks(post(seed000, "GlusterFS on the cheap with Rackspace's Cloud Servers or Slicehost"));
    expect(gluster.some((block) => block.value === '10.xx.xx.xx gluster1\n10.xx.xx.xx gluster2')).toBe(true);
    expect(gluster.some((block) => block.lang === 'bash' && block.value === '/etc/init.d/glusterfsd start')).toBe(true);
  });
});

describe('seed 002 (Category Archives: CTO/CIO)', () => {
  it('has its ten posts, all tagged CTO/CIO, no invented dates', () => {
    expect(seed002.map((entry) => entry.title)).toEqual([
      'Business Agility at AWS re:Invent',
      'Hacking Job Search – Three Meaty Ideas',
      'No iPhones Were Harmed in the Creation of this Outage',
      'Crisis Management in the Crosshairs – Sandy',
      'Cloud Operations Interview',
      "AirBNB didn't have to fail",
      'Why do people leave consulting?',
      'Anatomy of a Performance Review',
      'Why you should attend Percona Live 2012',
      'Beware the sales wolf in sheep suits',
    ]);
    for (const entry of seed002) {
      expect(entry.tags).toEqual(['CTO/CIO']);
      expect(entry.date).toBeUndefined();
      expect(entry.approxDate).toBeUndefined();
      expect(entry.warnings.some((warning) => warning.startsWith('date missing'))).toBe(true);
      expect(entry.reprint).toBeUndefined();
    }
  });

  it('makes the numbered sections of "AirBNB didn\'t have to fail" headings', () => {
    const headings: string[] = [];
    visit(tree(post(seed002, "AirBNB didn't have to fail")), 'heading', (node: Heading) => {
      headings.push(`${node.depth} ${toString(node)}`);
    });
    expect(headings).toEqual([
      '2 1. Root Cause',
      '2 2. Use Redundancy',
      '2 3. Have a browsing only mode',
      '2 4. Web Applications need Feature Flags',
      '2 5. Consider Netflix’s Simian Army',
      '2 6. Use multiple cloud providers',
    ]);
  });

  it('turns [quote] spans into blockquotes and lists into lists', () => {
    const airbnb = tree(post(seed002, "AirBNB didn't have to fail"));
    const quotes: string[] = [];
    visit(airbnb, 'blockquote', (node) => {
      quotes.push(toString(node));
    });
    expect(quotes).toHaveLength(2);
    expect(quotes[0]).toMatch(/^Using redundant components/);
    for (const entry of seed002) expect(entry.content.value).not.toMatch(/\[\/?quote\]/);
    const items: string[] = [];
    visit(tree(post(seed002, 'Business Agility at AWS re:Invent')), 'listItem', (node) => {
      items.push(toString(node));
    });
    expect(items).toEqual(['Replace capex with opex', 'lower total costs of ownership', 'no guessing about capacity', 'encourage agility & innovation', 'differentiation', 'global from the start']);
  });
});

describe('both seeds', () => {
  const learned = ['Комментариев нет', '©2010 Racker Hacker. All Rights Reserved.', 'Read this far?', 'on twitter @hullsean', 'newsletter'];
  it('leave no boilerplate in any body', () => {
    for (const entry of [...seed000, ...seed002]) {
      // The author's text: paragraphs (also inside lists and quotes) and headings, not code output.
      const lines: string[] = [];
      visit(tree(entry), ['paragraph', 'heading'], (node) => {
        lines.push(...toString(node).split('\n'));
      });
      for (const line of lines) {
        expect(matchKnownMarker(line), `${entry.title}: "${line}"`).toBeUndefined();
        for (const marker of learned) expect(line, entry.title).not.toContain(marker);
      }
    }
  });

  it('keep a <script> in a text dump as text', () => {
    const markdown = textToMarkdown('Before\n\n<script>alert(1)</script>\n\nAfter <img src=x onerror=alert(2)>');
    const html: string[] = [];
    visit(parser.parse(markdown), 'html', (node) => {
      html.push(node.value);
    });
    expect(html).toEqual([]);
    expect(toString(parser.parse(markdown))).toContain('<script>alert(1)</script>');
  });
});
