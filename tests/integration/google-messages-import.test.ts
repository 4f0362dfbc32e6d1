import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseSession } from '../../engine/case/case-session.ts';
import { Engine } from '../../engine/engine.ts';
import type { Message } from '../../shared/domain/message.ts';
import { GOOGLE_MESSAGES_PARSER_VERSION } from '../../workers/import/google-messages/index.ts';
import { walTransaction, writeWalFile } from '../support/sqlite-parser-harness.ts';
import { buildZip } from '../support/zip-writer.ts';
import { tempFolder } from '../support/temp-case.ts';
import { BASE_MS, BUGLE_SCHEMA, PEOPLE_AND_CONVERSATIONS, messageSql, textPartSql } from '../support/bugle-db-schema.ts';

const APP = 'com.google.android.apps.messaging';
const CACHED = '1700000020000_part_2_.bin';
const PAGE_SIZE = 4096;

/** A text from Ana, then a photo into the group (its copy in the app's cache); a reply only in the -wal. */
async function bugleWithWal(): Promise<{ main: Uint8Array; wal: Uint8Array }> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  db.exec(`PRAGMA page_size = ${PAGE_SIZE}; ${BUGLE_SCHEMA}${PEOPLE_AND_CONVERSATIONS}
    ${messageSql({ id: 1, conversation: 1, sender: 2, received: BASE_MS, protocol: 0, status: 100 }, [textPartSql(1, 1, 'meet at the depot')])}
    ${messageSql({ id: 2, conversation: 2, sender: 4, received: BASE_MS + 1000, protocol: 1, status: 100 }, [
      `INSERT INTO parts (message_id, uri, content_type, conversation_id, file_size_bytes, local_cache_path)
         VALUES (2, 'content://mms/part/2', 'image/jpeg', 2, 4, '/data/user/0/${APP}/cache/mms_parts/${CACHED}');`,
    ])}`);
  const main = db.export();
  db.exec(messageSql({ id: 3, conversation: 1, sender: 1, received: BASE_MS + 2000, protocol: 0, status: 1 }, [textPartSql(3, 1, 'on my way')]));
  const latest = db.export();
  db.close();
  return { main, wal: writeWalFile(walTransaction(main, latest, PAGE_SIZE), { pageSize: PAGE_SIZE }) };
}

const engines: Engine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.dispose()));
});

async function openCase(): Promise<{ engine: Engine; session: CaseSession }> {
  const engine = new Engine({ mode: 'cli', actor: 'google-messages-test' });
  engines.push(engine);
  return { engine, session: await engine.openCase(join(tempFolder(), 'case'), true) };
}

async function storedMessages(session: CaseSession, sourceId: string | null | undefined): Promise<Message[]> {
  const rowids = await session.db.client.call('allMessageRowids', {});
  return (await session.db.client.call('messagesByRowids', { rowids })).filter((message) => message.sourceId === sourceId);
}

describe('Google Messages bugle_db through the engine', () => {
  it('imports bugle_db with its -wal replayed in memory, names the parser, leaves both files as they were', async () => {
    const { main, wal } = await bugleWithWal();
    const folder = tempFolder();
    writeFileSync(join(folder, 'bugle_db'), main);
    writeFileSync(join(folder, 'bugle_db-wal'), wal);
    const { engine, session } = await openCase();
    const summary = await engine.startImport([folder], { timeZone: 'UTC' }).done;
    const source = summary.sources.find((candidate) => candidate.path === join(folder, 'bugle_db'));
    expect(source, JSON.stringify(summary.sources)).toMatchObject({ status: 'imported', format: 'google-messages-db', messages: 3, unparsed: 0, attachments: 1 });
    expect((await session.info()).sources.find((record) => record.id === source?.sourceId)).toMatchObject({ parserVersion: GOOGLE_MESSAGES_PARSER_VERSION, format: 'google-messages-db' });
    const stored = await storedMessages(session, source?.sourceId);
    expect(stored.find((message) => message.text === 'on my way')).toMatchObject({ direction: 'outgoing', locator: { kind: 'sqlite-row', file: 'bugle_db', table: 'messages', rowid: 3 } });
    // Outside a copy of the app's folder the photo is named, not found.
    expect(stored.find((message) => message.locator.kind === 'sqlite-row' && message.locator.rowid === 2)?.attachments).toMatchObject([{ mimeType: 'image/jpeg', status: 'missing' }]);
    expect(readFileSync(join(folder, 'bugle_db')).equals(Buffer.from(main))).toBe(true);
    expect(readFileSync(join(folder, 'bugle_db-wal')).equals(Buffer.from(wal))).toBe(true);
    expect(existsSync(join(folder, 'bugle_db-shm'))).toBe(false);
  });

  it("finds a photo's cached copy in a zip of the app's folder by the file name its cache path gives", async () => {
    const { main } = await bugleWithWal();
    const zip = join(tempFolder(), 'extraction.zip');
    writeFileSync(zip, buildZip([
      { name: `data/data/${APP}/databases/bugle_db`, data: main },
      { name: `data/data/${APP}/cache/mms_parts/${CACHED}`, data: 'jpeg' },
    ]));
    const { engine, session } = await openCase();
    const summary = await engine.startImport([zip], { timeZone: 'UTC' }).done;
    expect(summary.sources[0]).toMatchObject({ status: 'imported', format: 'zip', messages: 2 });
    const photo = (await storedMessages(session, summary.sources[0]?.sourceId)).find((message) => message.attachments.length > 0);
    // Recorded under the path the database gives; the bytes are the zip entry's, hashed.
    expect(photo?.attachments).toMatchObject([{ mimeType: 'image/jpeg', status: 'ok', size: 4, sourcePath: `/data/user/0/${APP}/cache/mms_parts/${CACHED}` }]);
    expect(photo?.attachments[0]?.sha256).toMatch(/^[0-9a-f]{64}$/u);
  });
});
