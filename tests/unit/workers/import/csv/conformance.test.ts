import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCsvParser, csvParser, MAX_RECORD_BYTES, sniffCsvColumns } from '../../../../../workers/import/csv/index.ts';
import { headOf, inputFromFile, inputFromText, listFiles, runParser, SAMPLES_ROOT } from '../../../../support/parser-harness.ts';

/**
 * Conformance over the real CSV in the shared samples: the DFRWS 2021 Mattermost export
 * (`../shared/samples/misc/dfrws2021`, provenance in SOURCES.md). It has CRLF line ends, padded
 * cells, direct-message channels written with unquoted commas (rows that cannot be read), a
 * continuation row with blank timestamp, user and channel, and one broken UTF-8 sequence.
 * Skipped when the samples are absent.
 */
const MATTERMOST = path.join(SAMPLES_ROOT, 'misc/dfrws2021/mattermost_messages.csv');
const HAVE_SAMPLE = existsSync(MATTERMOST);
const MAPPING = { timestamp: 'timestamp', sender: 'user', text: 'message', chat: 'channel', timestampFormat: 'unix-ms' } as const;

describe.skipIf(!HAVE_SAMPLE)('conformance: Mattermost CSV (DFRWS 2021)', () => {
  it('offers its header names for the mapping UI', () => {
    expect(sniffCsvColumns(headOf(MATTERMOST))).toEqual(['timestamp', 'user', 'channel', 'message', 'filenames']);
  });

  it('makes one record per row: messages, and the unreadable rows as unparsed raw lines', async () => {
    const dataLines = readFileSync(MATTERMOST, 'latin1').split('\r\n').filter((line) => line !== '').length - 1;
    const result = await runParser(createCsvParser(MAPPING), inputFromFile(MATTERMOST, { forbidReadAll: true }));
    expect(result.messages).toHaveLength(dataLines);
    const unparsed = result.messages.filter((message) => message.kind === 'unparsed');
    expect(unparsed).toHaveLength(12);
    for (const message of unparsed) {
      expect(message.reason).toContain('7 fields but the header has 5');
      expect(message.text).toMatch(/^\d{13}\.00 , [a-z.]+ , arnim\.zola, grant\.ward, red\.skull ,/u);
    }
    expect(result.outcome.details).toMatchObject({ messages: 114, unparsed: 12, complete: true, invalidUtf8Sequences: 2 });
  });

  it('reads the padded Unix-millisecond times as UTC, keys chats and names senders by the trimmed cell and keeps the cells as padded', async () => {
    const { messages } = await runParser(createCsvParser(MAPPING), inputFromFile(MATTERMOST));
    const first = messages[0];
    expect(first).toMatchObject({ sender: 'red.skull', chatKey: 'ypbt5obp7389mfe81kbxxur8pa', time: { utcMs: 1618158296487 }, timestampText: '1618158296487.00 ' });
    expect(first?.text).toMatch(/^ red\.skull joined the team\. {93}$/u);
    expect(first?.locator).toEqual({ kind: 'csv-row', file: 'mattermost_messages.csv', row: 2, line: 2 });
    expect(first?.extra).toEqual({ filenames: ' []        ', senderAsWritten: ' red.skull ' });
    expect(new Set(messages.map((message) => message.chatKey))).toEqual(new Set(['ypbt5obp7389mfe81kbxxur8pa', 'dcd4eum1i38zxkf58obfrpihor', 'Town Square', 'Off-Topic', 'Heads', 'NaN', 'Coordination', '(no chat)', 'mattermost_messages.csv']));
  });

  it('keeps the continuation row as its own message without a time, and the broken emoji as U+FFFD', async () => {
    const result = await runParser(createCsvParser(MAPPING), inputFromFile(MATTERMOST));
    const continuation = result.messages.find((message) => message.text.trim() === '(Posting again)');
    expect(continuation).toMatchObject({ kind: 'message', time: null, sender: null, locator: { line: 90 } });
    expect(result.messages.some((message) => message.text.includes('?\uFFFD\uFFFD'))).toBe(true);
    expect(result.warnings.some((warning) => warning.message.includes('byte offset 19106, 19107'))).toBe(true);
  });
});

describe('the CSV parser never sniffs', () => {
  it('is false on every sample file, CSV included', () => {
    const files = existsSync(SAMPLES_ROOT) ? listFiles(SAMPLES_ROOT, () => true) : [];
    expect(files.filter((file) => csvParser.sniff(headOf(file), path.basename(file)))).toEqual([]);
  });
});

describe('CSV: a quote that never closes in a big file', () => {
  it('stops at the runaway row instead of holding the rest of the file', async () => {
    const text = `t,x\n1712340000,ok\n1712340001,"open${'y'.repeat(MAX_RECORD_BYTES + 1024 * 1024)}`;
    const result = await runParser(createCsvParser({ timestamp: 't', text: 'x', timestampFormat: 'unix-s' }), inputFromText(text, { chunkBytes: 1024 * 1024 }));
    expect(result.messages.map((message) => message.kind)).toEqual(['message', 'unparsed']);
    expect(result.messages[1]?.reason).toContain(`longer than ${MAX_RECORD_BYTES} bytes`);
    expect(result.messages[1]?.text.length).toBeLessThanOrEqual(64 * 1024);
    expect(result.outcome.details['complete']).toBe(false);
  });
});
