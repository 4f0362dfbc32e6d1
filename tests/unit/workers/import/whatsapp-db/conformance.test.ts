import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { identifySqliteSource } from '../../../../../workers/import/sqlite/index.ts';
import { whatsappAndroidDbParser, whatsappIosDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Conformance over every WhatsApp database in the shared samples (`../shared/samples/whatsapp-db`,
 * provenance in SOURCES.md): each is identified by its tables, parsed by the matching parser (with
 * the files of its folder beside it, where a contacts database is found by its tables under its
 * own name), and every row accounted for. Skipped
 * when the samples are not beside the repository.
 */
const SAMPLES = path.resolve(process.cwd(), '../shared/samples/whatsapp-db');
const HAVE_SAMPLES = existsSync(SAMPLES);

interface Sample {
  file: string;
  kind: ReturnType<typeof identifySqliteSource>;
}

function samples(): Sample[] {
  return readdirSync(SAMPLES, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(?:db|sqlite)$/u.test(name))
    .sort()
    .map((file) => ({ file, kind: identifySqliteSource(new Uint8Array(readFileSync(path.join(SAMPLES, file)))) }));
}

/** The other database samples of the folder of `file`, under their own names. */
function filesBeside(file: string, all: Sample[]): Record<string, Uint8Array> {
  const beside = all.filter((sample) => sample.file !== file && path.dirname(sample.file) === path.dirname(file));
  return Object.fromEntries(beside.map((sample) => [path.basename(sample.file), new Uint8Array(readFileSync(path.join(SAMPLES, sample.file)))]));
}

describe.skipIf(!HAVE_SAMPLES)('conformance: every WhatsApp database sample', () => {
  const all = HAVE_SAMPLES ? samples() : [];
  const messageStores = all.filter((sample) => sample.kind === 'whatsapp-android' || sample.kind === 'whatsapp-ios');

  it('identifies every message store and contacts database among the samples', () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    const named = all.filter((sample) => /msgstore|ChatStorage|(?:^|\/)wa\.db$/iu.test(sample.file));
    expect(named.filter((sample) => sample.kind === null)).toEqual([]);
  });

  it.each(messageStores.map((sample) => [sample.file, sample] as const))('%s: every message row accounted for', async (_, sample) => {
    const parser = sample.kind === 'whatsapp-ios' ? whatsappIosDbParser : whatsappAndroidDbParser;
    const name = path.basename(sample.file);
    const run = await runParser(parser, new Uint8Array(readFileSync(path.join(SAMPLES, sample.file))), name, filesBeside(sample.file, all));
    expect(checkParsedInvariants(run, name)).toEqual([]);
    expect(run.sink.messages.filter((message) => message.kind === 'unparsed')).toEqual([]);
    const details = run.outcome.details;
    if (sample.kind === 'whatsapp-android') {
      const rows = Object.values(details['rowCounts'] as Record<string, number>).reduce((sum, count) => sum + count, 0);
      const skipped = (details['placeholderRows'] as number) + (details['duplicatesAcrossLayouts'] as number);
      expect(run.sink.messages.length + skipped).toBe(rows);
    }
  });

  it.skipIf(!existsSync(path.join(SAMPLES, 'iped/test_whatsAppMsgStore.db')))('IPED transitional msgstore: 75 legacy rows + 1 new row, names from the wa.db beside it under its own name', async () => {
    const file = 'iped/test_whatsAppMsgStore.db';
    const run = await runParser(whatsappAndroidDbParser, new Uint8Array(readFileSync(path.join(SAMPLES, file))), 'test_whatsAppMsgStore.db', filesBeside(file, all));
    expect(run.outcome.details).toMatchObject({
      layout: 'transitional',
      placeholderRows: 2,
      messages: 4,
      system: 70,
      contactsSource: 'test_whatsApp.db',
      contactsSourceFound: 'in the same folder',
      contactsSourceSha256: expect.stringMatching(/^[0-9a-f]{64}$/u),
    });
    expect(run.sink.warnings).toEqual([]);
    expect(run.sink.messages.every((message) => message.time !== null)).toBe(true);
    const last = run.sink.messages[run.sink.messages.length - 1];
    expect(last).toMatchObject({ kind: 'message', direction: 'incoming', text: 'Teste', sender: 'Nickerida', senderId: '+556183125151', timestampText: '1623862894000' });
    expect(run.sink.chats.find((chat) => chat.key === 'jid:556185757632-1559589144@g.us')).toMatchObject({ kind: 'group', title: 'Eu ❤ minha FAMÍLIA ❤' });
  });

  it.skipIf(!existsSync(path.join(SAMPLES, 'dllsystem/msgstore.db')))('dllsystem new-layout msgstore: 9 messages in 3 chats', async () => {
    const run = await runParser(whatsappAndroidDbParser, new Uint8Array(readFileSync(path.join(SAMPLES, 'dllsystem/msgstore.db'))), 'msgstore.db');
    expect(run.sink.messages).toHaveLength(9);
    expect(run.sink.chats.map((chat) => [chat.title, chat.kind])).toEqual([
      ['+5551234567', 'private'],
      ['+5559876543', 'private'],
      ['Family Group 🏠', 'group'],
    ]);
  });
});
