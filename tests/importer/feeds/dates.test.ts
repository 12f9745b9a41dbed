import { describe, expect, it } from 'vitest';
import { parseFeedDate, parseRfc3339, parseRfc822 } from '../../../scripts/importer/dates.ts';

describe('strict RFC 822 dates', () => {
  it('parses pubDate with numeric and named zones', () => {
    expect(parseRfc822('Sun, 14 Mar 2010 17:34:33 +0000')).toEqual({ ok: true, date: new Date('2010-03-14T17:34:33Z') });
    expect(parseRfc822('14 Mar 2010 10:34 PDT')).toEqual({ ok: true, date: new Date('2010-03-14T17:34:00Z') });
    expect(parseRfc822('Sun, 14 Mar 10 17:34:33 GMT')).toEqual({ ok: true, date: new Date('2010-03-14T17:34:33Z') });
  });

  it('rejects 31 February instead of rolling it into March', () => {
    const result = parseRfc822('Wed, 31 Feb 2010 10:00:00 +0000');
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('February 2010 has 28 days, not 31') });
  });

  it('knows leap years', () => {
    expect(parseRfc822('29 Feb 2012 00:00:00 GMT').ok).toBe(true);
    expect(parseRfc822('29 Feb 2100 00:00:00 GMT').ok).toBe(false);
  });

  it('rejects year 9999, impossible times, unknown zones and garbage', () => {
    expect(parseRfc822('Fri, 31 Dec 9999 23:59:59 +0000')).toEqual({ ok: false, reason: expect.stringContaining('implausible year 9999') });
    expect(parseRfc822('14 Mar 2010 25:00:00 GMT').ok).toBe(false);
    expect(parseRfc822('14 Mar 2010 10:00:00 XYZ').ok).toBe(false);
    expect(parseRfc822('yesterday').ok).toBe(false);
    expect(parseRfc822('Mon, 30 Nov -0001 00:00:00 +0000').ok).toBe(false);
  });
});

describe('strict RFC 3339 dates', () => {
  it('parses offsets, fractions and W3C-DTF dates', () => {
    expect(parseRfc3339('2010-03-14T17:34:33Z')).toEqual({ ok: true, date: new Date('2010-03-14T17:34:33Z') });
    expect(parseRfc3339('2010-03-14T19:34:33.250+02:00')).toEqual({ ok: true, date: new Date('2010-03-14T17:34:33.250Z') });
    expect(parseRfc3339('2010-03-14')).toEqual({ ok: true, date: new Date('2010-03-14T00:00:00Z') });
  });

  it('rejects impossible calendar dates', () => {
    expect(parseRfc3339('2010-02-31T00:00:00Z').ok).toBe(false);
    expect(parseRfc3339('2010-13-01T00:00:00Z').ok).toBe(false);
    expect(parseRfc3339('9999-01-01T00:00:00Z').ok).toBe(false);
  });
});

describe('parseFeedDate', () => {
  it('accepts either format and names the field when both fail', () => {
    expect(parseFeedDate('2010-03-14T17:34:33Z', 'pubDate').ok).toBe(true);
    expect(parseFeedDate('soon', 'pubDate')).toEqual({ ok: false, reason: 'pubDate "soon" is not an RFC 822 date' });
    expect(parseFeedDate(undefined, 'pubDate')).toEqual({ ok: false, reason: 'no pubDate' });
  });
});
