import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { androidSmsDbParser } from '../../../../../workers/import/android-sms/index.ts';
import { identifySqliteSource } from '../../../../../workers/import/sqlite/index.ts';
import { checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Conformance over every Android mmssms.db in the shared samples (`../shared/samples/android-mmssms-db`,
 * provenance in SOURCES.md). Skipped when the samples are not beside the repository.
 */
const SAMPLES = path.resolve(process.cwd(), '../shared/samples/android-mmssms-db');
const HAVE_SAMPLES = existsSync(SAMPLES);

function databases(): string[] {
  return readdirSync(SAMPLES, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.db'))
    .sort();
}

describe.skipIf(!HAVE_SAMPLES)('conformance: every Android mmssms.db sample', () => {
  const files = HAVE_SAMPLES ? databases() : [];

  it('finds the sample databases', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files)('%s: every sms and pdu row is one message, with a time and a locator', async (file) => {
    const bytes = new Uint8Array(readFileSync(path.join(SAMPLES, file)));
    expect(identifySqliteSource(bytes)).toBe('android-sms');
    const name = path.basename(file);
    const run = await runParser(androidSmsDbParser, bytes, name);
    expect(checkParsedInvariants(run, name)).toEqual([]);
    const counts = run.outcome.details['rowCounts'] as Record<string, number>;
    expect(run.sink.messages).toHaveLength((counts['sms'] ?? 0) + (counts['spam_sms'] ?? 0) + (counts['pdu'] ?? 0));
    expect(run.sink.messages.every((message) => message.kind === 'message' && message.time !== null)).toBe(true);
    expect(run.sink.warnings).toEqual([]);
  });

  it('reads the DFRWS 2021 Samsung database (32 SMS in 6 threads, plaintext in the solved copy)', async () => {
    const run = await runParser(androidSmsDbParser, new Uint8Array(readFileSync(path.join(SAMPLES, 'dfrws2021/dec_mmssms.db'))), 'dec_mmssms.db');
    expect(run.sink.messages).toHaveLength(32);
    expect(run.sink.chats).toHaveLength(6);
    expect(run.outcome.details).toMatchObject({ vendor: 'samsung', mirrorTablesSkipped: ['messages'] });
    const last = run.sink.messages[31];
    expect(last).toMatchObject({ chatKey: 'thread:6', direction: 'outgoing', timestampText: '1618759822000', time: { utcMs: 1618759822000 } });
    expect(last?.text).toContain('Hey Jackie!');
    const incoming = run.sink.messages.filter((message) => message.direction === 'incoming');
    expect(incoming.length).toBeGreaterThan(10);
    expect(run.sink.chats.find((chat) => chat.key === 'thread:2')?.title).toBe('+41786909109');
  });
});
