import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { iosSmsDbParser } from '../../../../../workers/import/ios-sms/index.ts';
import { identifySqliteSource } from '../../../../../workers/import/sqlite/index.ts';
import { checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import type { ParserRun } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Conformance over every iOS sms.db in the shared samples (`../shared/samples/ios-sms-db`,
 * provenance in SOURCES.md). Skipped when the samples are not beside the repository.
 */
const SAMPLES = path.resolve(process.cwd(), '../shared/samples/ios-sms-db');
const HAVE_SAMPLES = existsSync(SAMPLES);

function databases(): string[] {
  return readdirSync(SAMPLES, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(?:db|sqlite)$/u.test(name) && identifySqliteSource(new Uint8Array(readFileSync(path.join(SAMPLES, name)))) === 'ios-sms')
    .sort();
}

describe.skipIf(!HAVE_SAMPLES)('conformance: every iOS sms.db sample', () => {
  const files = HAVE_SAMPLES ? databases() : [];

  it('finds the sample databases', () => {
    expect(files.length).toBeGreaterThanOrEqual(1);
  });

  it.each(files)('%s: every message row is one record with a locator, chats first, no warnings', async (file) => {
    const name = path.basename(file);
    const run = await runParser(iosSmsDbParser, new Uint8Array(readFileSync(path.join(SAMPLES, file))), name);
    expect(checkParsedInvariants(run, name)).toEqual([]);
    expect(run.sink.messages.length).toBeGreaterThan(0);
    expect(run.sink.messages.filter((message) => message.kind === 'unparsed')).toEqual([]);
    expect(run.sink.warnings).toEqual([]);
  });

  it.skipIf(!existsSync(path.join(SAMPLES, 'magnet-ctf-2020/sms.db')))('survives truncated and damaged copies of a real sms.db: an AppError or warnings, never a crash', async () => {
    const bytes = new Uint8Array(readFileSync(path.join(SAMPLES, 'magnet-ctf-2020/sms.db')));
    const damaged = bytes.slice();
    damaged.fill(0x5a, 40 * 4096, 50 * 4096);
    for (const variant of [bytes.subarray(0, 4096 * 30), bytes.subarray(0, 150_000), damaged]) {
      const outcome: ParserRun | Error = await runParser(iosSmsDbParser, variant, 'sms.db').catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
      if (outcome instanceof Error) expect(outcome).toMatchObject({ code: 'E_IMPORT_FORMAT' });
      else expect(checkParsedInvariants(outcome, 'sms.db')).toEqual([]);
    }
  });

  it.skipIf(!existsSync(path.join(SAMPLES, 'magnet-ctf-2020/sms.db')))('reads the Magnet CTF 2020 sms.db (iOS 13): 105 messages, 7 chats, 7 attachments', async () => {
    const run = await runParser(iosSmsDbParser, new Uint8Array(readFileSync(path.join(SAMPLES, 'magnet-ctf-2020/sms.db'))), 'sms.db');
    expect(run.sink.messages).toHaveLength(105);
    expect(run.sink.chats).toHaveLength(7);
    expect(run.sink.messages.flatMap((message) => message.attachments)).toHaveLength(7);
    expect(run.outcome.details).toMatchObject({ nanosecondDates: 105, textDiffersFromAttributedBody: 0, deletedMessageGuidTables: { sync_deleted_messages: 2 } });
    const first = run.sink.messages[0];
    expect(first).toMatchObject({ chatKey: 'chat:SMS;-;22000', sender: '22000', text: 'G-680228 is your Google verification code.', timestampText: '599079037641931008' });
    // date is in nanoseconds, date_read in seconds, in the same row.
    expect(first?.extra?.['readAt']).toBe('2020-01-01T18:55:52.000Z');
    const photo = run.sink.messages.find((message) => message.locator.kind === 'sqlite-row' && message.locator.rowid === 34);
    expect(photo?.attachments.map((attachment) => attachment.fileName)).toEqual(['IMG_0066.HEIC', 'IMG_0067.jpg']);
    expect(photo?.direction).toBe('outgoing');
  });
});
