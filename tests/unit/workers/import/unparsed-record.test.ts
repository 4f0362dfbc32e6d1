import { describe, expect, it } from 'vitest';
import type { SourceLocator } from '../../../../shared/contracts/parsed-source.ts';
import { RAW_TEXT_LIMIT } from '../../../../workers/import/import-limits.ts';
import { unparsedRecord } from '../../../../workers/import/unparsed-record.ts';

const LOCATOR: SourceLocator = { kind: 'csv-row', file: 'chat.csv', row: 7, line: 8 };

describe('unparsedRecord, the one builder of unparsed records', () => {
  it('keeps short raw text whole, with the reason as given and the locator untouched', () => {
    expect(unparsedRecord({ chatKey: 'c', raw: 'a,b', locator: LOCATOR, reason: 'wrong field count' })).toEqual({
      chatKey: 'c', kind: 'unparsed', sender: null, time: null, timestampText: '', text: 'a,b', attachments: [], deleted: false, edited: false, locator: LOCATOR, reason: 'wrong field count',
    });
  });

  it('cuts raw text to RAW_TEXT_LIMIT characters and says so in the reason', () => {
    const record = unparsedRecord({ chatKey: 'c', raw: 'x'.repeat(RAW_TEXT_LIMIT + 5), locator: LOCATOR, reason: 'broken' });
    expect(record.text).toHaveLength(RAW_TEXT_LIMIT);
    expect(record.reason).toBe(`broken (raw text truncated to the first ${RAW_TEXT_LIMIT} of ${RAW_TEXT_LIMIT + 5} characters)`);
  });

  it('says the text was cut when a streaming reader passes only its start', () => {
    const record = unparsedRecord({ chatKey: 'c', raw: 'abc', rawChars: 90_000, locator: LOCATOR, reason: 'broken' });
    expect(record.text).toBe('abc');
    expect(record.reason).toBe('broken (raw text truncated to the first 3 of 90000 characters)');
  });

  it('keeps what the importer could still read, and leaves out what it did not give', () => {
    const record = unparsedRecord({
      chatKey: 'c', raw: 'r', locator: LOCATOR, reason: 'why',
      sender: 'Ana', senderId: '+40700000001', direction: 'incoming', time: { utcMs: 1 }, timestampText: '1', edited: true, extra: { subject: 's' },
    });
    expect(record).toMatchObject({ sender: 'Ana', senderId: '+40700000001', direction: 'incoming', time: { utcMs: 1 }, timestampText: '1', edited: true, extra: { subject: 's' }, deleted: false, attachments: [] });
    const bare = unparsedRecord({ chatKey: 'c', raw: 'r', locator: LOCATOR, reason: 'why' });
    expect('senderId' in bare || 'direction' in bare || 'extra' in bare).toBe(false);
  });
});
