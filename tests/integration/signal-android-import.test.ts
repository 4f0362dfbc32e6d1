import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../engine/engine.ts';
import { SIGNAL_ANDROID_PARSER_VERSION } from '../../workers/import/signal-android/index.ts';
import { buildDatabase } from '../support/sqlite-parser-harness.ts';
import { BASE_MS, GROUP_V2_UPDATE_INBOX, INBOX, NEW_PEOPLE, NEW_SIGNAL_SCHEMA, SENT } from '../support/signal-android-schema.ts';
import { tempFolder } from '../support/temp-case.ts';

/** A message from Ana, the owner's reply, a photo into the group (its file beside the database) and a voice note (not), a group update. */
const DATABASE = `${NEW_SIGNAL_SCHEMA}${NEW_PEOPLE}
  INSERT INTO message (_id, date_sent, date_received, thread_id, from_recipient_id, to_recipient_id, type, body) VALUES
    (1, ${BASE_MS}, ${BASE_MS + 500}, 1, 2, 1, ${INBOX}, 'meet at the depot'),
    (2, ${BASE_MS + 1000}, ${BASE_MS + 1000}, 1, 1, 2, ${SENT}, 'on my way'),
    (3, ${BASE_MS + 2000}, ${BASE_MS + 2100}, 2, 3, 4, ${INBOX}, 'here'),
    (4, ${BASE_MS + 3000}, ${BASE_MS + 3100}, 2, 3, 4, ${GROUP_V2_UPDATE_INBOX}, NULL);
  INSERT INTO attachment (message_id, content_type, data_size, file_name) VALUES (3, 'image/jpeg', 4, 'depot.jpg'), (3, 'audio/aac', 7, 'note.aac');`;

const engines: Engine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.dispose()));
});

describe('Signal Android database through the engine', () => {
  it('imports it by its tables, names the parser, hashes the attachment file beside it and records the other as missing', async () => {
    const folder = tempFolder();
    const bytes = await buildDatabase(DATABASE);
    const database = join(folder, 'signal-2026-11-30.sqlite');
    writeFileSync(database, bytes);
    writeFileSync(join(folder, 'depot.jpg'), 'jpeg');
    const engine = new Engine({ mode: 'cli', actor: 'signal-android-test' });
    engines.push(engine);
    const session = await engine.openCase(join(tempFolder(), 'case'), true);
    const summary = await engine.startImport([database], { timeZone: 'UTC' }).done;
    const source = summary.sources.find((candidate) => candidate.path === database);
    expect(source, JSON.stringify(summary.sources)).toMatchObject({ status: 'imported', format: 'signal-android-db', messages: 4, unparsed: 0, attachments: 2 });
    expect((await session.info()).sources.find((record) => record.id === source?.sourceId)).toMatchObject({ parserVersion: SIGNAL_ANDROID_PARSER_VERSION, format: 'signal-android-db' });
    const rowids = await session.db.client.call('allMessageRowids', {});
    const stored = (await session.db.client.call('messagesByRowids', { rowids })).filter((message) => message.sourceId === source?.sourceId);
    expect(stored.find((message) => message.text === 'on my way')).toMatchObject({ direction: 'outgoing', locator: { kind: 'sqlite-row', file: 'signal-2026-11-30.sqlite', table: 'message', rowid: 2 } });
    expect(stored.find((message) => message.text === 'here')?.attachments).toMatchObject([
      { fileName: 'depot.jpg', status: 'ok', sha256: createHash('sha256').update('jpeg').digest('hex') },
      { fileName: 'note.aac', status: 'missing', sha256: null, size: 7 },
    ]);
    expect(stored.find((message) => message.locator.kind === 'sqlite-row' && message.locator.rowid === 4)).toMatchObject({ kind: 'system' });
    expect(readFileSync(database).equals(Buffer.from(bytes))).toBe(true);
  });
});
