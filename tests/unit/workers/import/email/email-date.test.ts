import { describe, expect, it } from 'vitest';
import { parseMailDate } from '../../../../../workers/import/email/index.ts';

describe('RFC 5322 Date header', () => {
  it('takes a four-digit year 0000–0099 as written (Date.UTC read 0024 as 1924)', () => {
    expect(parseMailDate('Mon, 1 Jan 0024 10:00:00 +0200')).toMatchObject({ utcMs: Date.parse('0024-01-01T08:00:00Z') });
    expect(parseMailDate('Tue, 29 Feb 0000 10:00:00 +0000')).toMatchObject({ utcMs: Date.parse('0000-02-29T10:00:00Z') });
  });

  it('reads the offset and turns the time into UTC', () => {
    expect(parseMailDate('Sat, 2 Mar 2024 11:14:05 +0200')).toEqual({ utcMs: Date.UTC(2024, 2, 2, 9, 14, 5), offset: '+0200' });
    expect(parseMailDate('Mon, 15 Feb 2021 17:57:06 -0700')).toEqual({ utcMs: Date.UTC(2021, 1, 16, 0, 57, 6), offset: '-0700' });
    expect(parseMailDate('Thu, 01 Jan 2026 05:30:00 +0530')).toEqual({ utcMs: Date.UTC(2026, 0, 1, 0, 0, 0), offset: '+0530' });
  });

  it('accepts the obsolete syntax: no day name, no seconds, two-digit years, comments, folded space', () => {
    expect(parseMailDate('2 Mar 24 11:14 +0200')).toEqual({ utcMs: Date.UTC(2024, 2, 2, 9, 14, 0), offset: '+0200' });
    expect(parseMailDate('Sat, 02 Mar 99 04:30:00 -0800 (PST)')).toEqual({ utcMs: Date.UTC(1999, 2, 2, 12, 30, 0), offset: '-0800' });
    expect(parseMailDate('Tue,\t16 Feb 2021\r\n 00:57:06 (comment (nested)) +0000')).toEqual({ utcMs: Date.UTC(2021, 1, 16, 0, 57, 6), offset: '+0000' });
  });

  it('knows the old zone names and treats military letters as -0000', () => {
    expect(parseMailDate('Sat, 2 Mar 2024 04:30:00 PST')).toEqual({ utcMs: Date.UTC(2024, 2, 2, 12, 30, 0), offset: '-0800', obsoleteZone: 'PST' });
    expect(parseMailDate('Sat, 2 Mar 2024 04:30:00 GMT')).toMatchObject({ offset: '+0000', obsoleteZone: 'GMT' });
    expect(parseMailDate('Sat, 2 Mar 2024 04:30:00 A')).toMatchObject({ utcMs: Date.UTC(2024, 2, 2, 4, 30, 0), offset: '-0000', obsoleteZone: 'A' });
  });

  it('gives a wall-clock time when the header names no zone', () => {
    expect(parseMailDate('Mon, 4 Mar 2024 10:00:00')).toEqual({ wall: { year: 2024, month: 3, day: 4, hour: 10, minute: 0, second: 0 } });
  });

  it('refuses what is not a date instead of guessing', () => {
    expect(parseMailDate('yesterday')).toBeNull();
    expect(parseMailDate('Sat, 31 Feb 2024 10:00:00 +0000')).toBeNull();
    expect(parseMailDate('Sat, 2 Mar 2024 25:00:00 +0000')).toBeNull();
    expect(parseMailDate('Sat, 2 Foo 2024 10:00:00 +0000')).toBeNull();
  });

  it('reads the real-world variants: no space after the comma, full names, a colon in the offset, GMT+hhmm, UTC, a zone name after the offset', () => {
    const twoMarch = { utcMs: Date.UTC(2024, 2, 2, 9, 14, 5), offset: '+0200' };
    expect(parseMailDate('Sat,2 Mar 2024 11:14:05 +0200')).toEqual(twoMarch);
    expect(parseMailDate('Saturday, 2 March 2024 11:14:05 +0200')).toEqual(twoMarch);
    expect(parseMailDate('Sat, 2 Mar 2024 11:14:05 +02:00')).toEqual(twoMarch);
    expect(parseMailDate('Sat, 2 Mar 2024 11:14:05 GMT+0200')).toEqual(twoMarch);
    expect(parseMailDate('Sat,  2  Mar  2024  11:14:05  +0200  CET')).toEqual(twoMarch);
    expect(parseMailDate('Sat, 2 Mar 2024 09:14:05 UTC')).toEqual({ utcMs: Date.UTC(2024, 2, 2, 9, 14, 5), offset: '+0000', obsoleteZone: 'UTC' });
  });

  it('reads a GMT or UTC offset written with one-digit hours or a colon (webmail and phone clients: "GMT+2", "UTC-5", "GMT+5:30")', () => {
    expect(parseMailDate('Sat, 2 Mar 2024 11:14:05 GMT+2')).toEqual({ utcMs: Date.UTC(2024, 2, 2, 9, 14, 5), offset: '+0200' });
    expect(parseMailDate('Sat, 2 Mar 2024 04:14:05 UTC-5')).toEqual({ utcMs: Date.UTC(2024, 2, 2, 9, 14, 5), offset: '-0500' });
    expect(parseMailDate('Sat, 2 Mar 2024 14:44:05 GMT+5:30')).toEqual({ utcMs: Date.UTC(2024, 2, 2, 9, 14, 5), offset: '+0530' });
    // A bare "+2" says nothing of what it counts from and stays unread.
    expect(parseMailDate('Sat, 2 Mar 2024 11:14:05 +2')).toBeNull();
  });

  it('reads ISO 8601 dates some tools write, with or without a zone', () => {
    expect(parseMailDate('2024-03-02T11:14:05+02:00')).toEqual({ utcMs: Date.UTC(2024, 2, 2, 9, 14, 5), offset: '+0200' });
    expect(parseMailDate('2024-03-02 09:14:05Z')).toEqual({ utcMs: Date.UTC(2024, 2, 2, 9, 14, 5), offset: '+0000' });
    expect(parseMailDate('2024-03-02T11:14:05.123 +0200')).toEqual({ utcMs: Date.UTC(2024, 2, 2, 9, 14, 5), offset: '+0200' });
    expect(parseMailDate('2024-03-02T11:14')).toEqual({ wall: { year: 2024, month: 3, day: 2, hour: 11, minute: 14, second: 0 } });
  });

  it('reads asctime() dates (scripts and old clients), with or without a zone', () => {
    expect(parseMailDate('Sat Mar  2 11:14:05 2024')).toEqual({ wall: { year: 2024, month: 3, day: 2, hour: 11, minute: 14, second: 5 } });
    expect(parseMailDate('Sat Mar 2 11:14:05 +0200 2024')).toEqual({ utcMs: Date.UTC(2024, 2, 2, 9, 14, 5), offset: '+0200' });
  });

  it('keeps a zone abbreviation RFC 5322 does not define as a wall-clock time, naming the zone it could not use', () => {
    expect(parseMailDate('Sat, 2 Mar 2024 10:00:00 CET')).toEqual({ wall: { year: 2024, month: 3, day: 2, hour: 10, minute: 0, second: 0 }, unknownZone: 'CET' });
    expect(parseMailDate('Sat, 2 Mar 2024 10:00 IST')).toEqual({ wall: { year: 2024, month: 3, day: 2, hour: 10, minute: 0, second: 0 }, unknownZone: 'IST' });
  });
});
