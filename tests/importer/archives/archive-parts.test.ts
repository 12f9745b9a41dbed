/**
 * The small readers the archive adapters are built from, over the wordings real themes and
 * dumps use: archive headings, displayed dates, copyright lines, reprint markers, boilerplate.
 */

import { describe, expect, it } from 'vitest';
import { matchKnownMarker } from '../../../scripts/importer/sources/archive/boilerplate.ts';
import { parseCopyright } from '../../../scripts/importer/sources/archive/copyright.ts';
import { approxDateOfArchive, parseArchiveHeading } from '../../../scripts/importer/sources/archive/heading.ts';
import { parseDisplayedDate } from '../../../scripts/importer/sources/archive/html-dates.ts';
import { splitReprintMarker } from '../../../scripts/importer/sources/archive/reprint.ts';

describe('archive headings', () => {
  it.each([
    ['Category Archives: CTO/CIO', 'category', 'CTO/CIO'],
    ['Tag Archives: glusterfs', 'tag', 'glusterfs'],
    ['Archive for the ‘Linux’ Category', 'category', 'Linux'],
    ['Category: Linux', 'category', 'Linux'],
    ['Month: June 2016', 'date', 'June 2016'],
    ['Author: Priya Raman', 'author', 'Priya Raman'],
    ['Архив рубрики «Администрирование»', 'category', 'Администрирование'],
    ['Архив рубрики: Linux', 'category', 'Linux'],
    ['Архив тега ‘Posts’', 'tag', 'Posts'],
    ['Метка: iptables', 'tag', 'iptables'],
  ])('reads %s', (line, kind, term) => {
    expect(parseArchiveHeading(line)).toEqual({ kind, term });
  });

  it('does not take a sentence or a post title for a heading', () => {
    expect(parseArchiveHeading('A nerd’s perspective on cloud hosting')).toBeUndefined();
    expect(parseArchiveHeading('Categories are hard: a story')).toBeUndefined();
  });

  it('dates a date archive approximately', () => {
    expect(approxDateOfArchive({ kind: 'date', term: 'June 2016' })).toBe('2016-06');
    expect(approxDateOfArchive({ kind: 'date', term: 'Июнь 2010' })).toBe('2010-06');
    expect(approxDateOfArchive({ kind: 'date', term: '2012' })).toBe('2012');
    expect(approxDateOfArchive({ kind: 'tag', term: '2012' })).toBeUndefined();
  });
});

describe('displayed dates', () => {
  it.each([
    ['June 8, 2010', '2010-06-08'],
    ['Jun 8th 2010', '2010-06-08'],
    ['8 июня 2010', '2010-06-08'],
    ['8 июня 2010 г.', '2010-06-08'],
    ['08.06.2010', '2010-06-08'],
    ['2010/06/08', '2010-06-08'],
  ])('reads %s', (text, iso) => {
    const result = parseDisplayedDate(text);
    expect(result.ok && result.date.toISOString().slice(0, 10)).toBe(iso);
  });

  it.each(['February 31, 2016', '31.02.2016', 'Smarch 3, 2010', 'yesterday', '3 June 9999'])('rejects %s', (text) => {
    expect(parseDisplayedDate(text).ok).toBe(false);
  });
});

describe('copyright lines', () => {
  it('gives the year and the holder', () => {
    expect(parseCopyright('©2010 Racker Hacker. All Rights Reserved.')).toEqual({ year: '2010', holder: 'Racker Hacker' });
    expect(parseCopyright('(c) 2011 Mallory. All rights reserved.')).toEqual({ year: '2011', holder: 'Mallory' });
    expect(parseCopyright('© 2009 Иван Петров. Все права защищены')).toEqual({ year: '2009', holder: 'Иван Петров' });
  });

  it('does not date a post from a range of years', () => {
    expect(parseCopyright('© 2008–2012 Example Corp')).toEqual({ holder: 'Example Corp' });
  });
});

describe('reprint markers', () => {
  it('splits the marker off the title', () => {
    expect(splitReprintMarker('Parsing mdadm output with paste (перепечатка)')).toEqual({ title: 'Parsing mdadm output with paste', marker: 'перепечатка' });
    expect(splitReprintMarker('[Reprint] Notes on LVS')).toEqual({ title: 'Notes on LVS', marker: 'Reprint' });
    expect(splitReprintMarker('Why (repost) matters')).toEqual({ title: 'Why (repost) matters' });
    expect(splitReprintMarker('(перепечатка)')).toEqual({ title: '(перепечатка)' });
  });
});

describe('known boilerplate', () => {
  it.each([
    ['Комментариев нет', 'comment-counter'],
    ['3 комментария', 'comment-counter'],
    ['Comments Off', 'comment-counter'],
    ['©2010 Racker Hacker. All Rights Reserved.', 'copyright'],
    ['.', 'separator'],
    ['Read this far? Grab our newsletter.', 'newsletter'],
    ['Подпишитесь на рассылку, чтобы не пропустить новые статьи.', 'newsletter'],
    ['Join 12,100 others and follow Sean Hull on twitter @hullsean.', 'follow-me'],
    ['Следите за мной в Twitter: @admin_ru', 'follow-me'],
  ])('recognises %s', (line, name) => {
    expect(matchKnownMarker(line)?.name).toBe(name);
  });

  it('leaves the author’s sentences alone', () => {
    expect(matchKnownMarker('Our newsletter covers GlusterFS tuning in depth, with benchmarks from three clusters and a long discussion of the translators that matter, which is why this sentence is long.')).toBeUndefined();
    expect(matchKnownMarker('If you’re considering GlusterFS, feel free to leave a comment or find me on Freenode.')).toBeUndefined();
    expect(matchKnownMarker('.....')?.name).toBe('separator');
  });
});
