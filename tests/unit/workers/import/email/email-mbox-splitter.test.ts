import { describe, expect, it } from 'vitest';
import { isPostmark, MboxSplitter, type RawMessage } from '../../../../../workers/import/email/index.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function split(text: string | Uint8Array, chunkBytes: number, limit = 1024 * 1024): RawMessage[] {
  const bytes = typeof text === 'string' ? encoder.encode(text) : text;
  const splitter = new MboxSplitter(limit);
  const out: RawMessage[] = [];
  for (let start = 0; start < bytes.length; start += chunkBytes) out.push(...splitter.push(bytes.slice(start, start + chunkBytes)));
  out.push(...splitter.end());
  return out;
}

const MBOX = [
  'From a@example.org Sat Mar  2 10:14:05 2024',
  'From: a@example.org',
  'Subject: one',
  '',
  '>From here on, escaped',
  '>>From twice escaped',
  'From the desk of nobody (not a postmark: no date)',
  '',
  'From 1790000000000000001@xxx Mon Mar 04 11:00:00 +0000 2024',
  'From: b@example.org',
  '',
  'two',
  '',
].join('\n');

describe('mbox postmarks', () => {
  it('knows asctime postmarks, with a zone before or after the year', () => {
    expect(isPostmark('From a@b Thu Jan  1 00:00:00 2020')).toBe(true);
    expect(isPostmark('From - Thu Jan 01 00:00:00 2020')).toBe(true);
    expect(isPostmark('From MAILER-DAEMON Fri Jul  8 12:08:34 2011 +0200')).toBe(true);
    expect(isPostmark('From 1@xxx Mon Mar 04 11:00:00 +0000 2024')).toBe(true);
  });

  it('does not take body text for a postmark', () => {
    expect(isPostmark('From the desk of nobody')).toBe(false);
    expect(isPostmark('From: a@b')).toBe(false);
    expect(isPostmark('From me at 10:30 in 2020')).toBe(false);
  });
});

describe('mbox splitting while streaming', () => {
  it('gives the same messages whatever the chunk size', () => {
    const whole = split(MBOX, MBOX.length);
    for (const size of [1, 2, 7, 64, 1000]) expect(split(MBOX, size), `chunks of ${size}`).toEqual(whole);
  });

  it('cuts at postmarks only, unescapes one ">" and keeps file offsets and lines', () => {
    const [first, second] = split(MBOX, 5);
    const text = decoder.decode(first?.bytes);
    expect(text).toBe('From: a@example.org\nSubject: one\n\nFrom here on, escaped\n>From twice escaped\nFrom the desk of nobody (not a postmark: no date)\n\n');
    expect(first).toMatchObject({ postmark: 'From a@example.org Sat Mar  2 10:14:05 2024', lineStart: 1, lineEnd: 8, byteStart: 0, unescapedLines: 2, overflow: false });
    expect(second).toMatchObject({ lineStart: 9, lineEnd: 12, byteStart: first?.byteEnd, byteEnd: encoder.encode(MBOX).length, endsWithLineFeed: true });
    expect(decoder.decode(second?.bytes)).toBe('From: b@example.org\n\ntwo\n');
  });

  it('never splits a file that does not start with a postmark, and leaves its ">From " alone', () => {
    const eml = 'From: a@b\nSubject: x\n\nbody\nFrom a@b Thu Jan  1 00:00:00 2020\n>From x\n';
    const messages = split(eml, 3);
    expect(messages).toHaveLength(1);
    expect(decoder.decode(messages[0]?.bytes)).toBe(eml);
    expect(messages[0]).toMatchObject({ postmark: null, lineStart: 1, lineEnd: 6, unescapedLines: 0 });
  });

  it('marks a file cut in the middle of a line', () => {
    const messages = split('From a@b Thu Jan  1 00:00:00 2020\nFrom: a@b\n\npartial li', 4);
    expect(messages[0]).toMatchObject({ endsWithLineFeed: false, lineEnd: 4 });
  });

  it('keeps only the beginning of a message over the limit, and counts all of it', () => {
    const big = `From a@b Thu Jan  1 00:00:00 2020\nFrom: a@b\n\n${'x'.repeat(5000)}\nFrom c@d Thu Jan  1 00:00:01 2020\nFrom: c@d\n\nsmall\n`;
    const [first, second] = split(big, 100, 1000);
    expect(first).toMatchObject({ overflow: true, contentBytes: 5000 + 12 });
    expect(first?.bytes.length).toBe(1000);
    expect(second).toMatchObject({ overflow: false });
    expect(decoder.decode(second?.bytes)).toBe('From: c@d\n\nsmall\n');
  });

  it('handles CRLF and a line far longer than a chunk', () => {
    const long = 'y'.repeat(300_000);
    const messages = split(`From a@b Thu Jan  1 00:00:00 2020\r\nFrom: a@b\r\n\r\n${long}\r\nFrom c@d Thu Jan  1 00:00:01 2020\r\n\r\nz\r\n`, 65_536);
    expect(messages).toHaveLength(2);
    expect(messages[0]?.bytes.length).toBe('From: a@b\r\n\r\n'.length + long.length + 2);
    expect(messages[1]?.postmark).toBe('From c@d Thu Jan  1 00:00:01 2020');
  });

  it('gives nothing for an empty file', () => {
    expect(split('', 10)).toEqual([]);
  });
});
