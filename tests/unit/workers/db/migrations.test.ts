import { describe, expect, it } from 'vitest';
import { loadSqlJs } from '../../../../workers/import/sqlite/sql-js.ts';
import { migrate, readSchemaVersion } from '../../../../workers/db/migrate.ts';
import { migration0010 } from '../../../../workers/db/migrations/0010-initial.ts';
import { migration0040 } from '../../../../workers/db/migrations/0040-cancelled-sources.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../../workers/db/migrations/index.ts';
import type { Database, SqlValue } from 'sql.js';

/** A case at schema 30 (the one before 0040) with a row in every table that refers to sources. */
async function caseAtSchema30(): Promise<Database> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  // As the case database configures every connection.
  db.exec('PRAGMA foreign_keys = ON');
  migrate(db, MIGRATIONS.filter((migration) => migration.version <= 30));
  const source = (id: string, status: string, importedAt: string): string =>
    `('${id}', '/evidence/${id}.txt', '${id}.txt', 'whatsapp-txt', NULL, 'threadline-whatsapp-txt', '1', 10, 'sha-${id}', NULL, NULL, '${status}', '${importedAt}', NULL, 0, 0, 'Europe/Bucharest', 'flag', '{"abandonReason":"cancelled by the user"}')`;
  // Inserted out of id order: the rowids (the order sources were recorded in) must survive.
  db.exec(`
    INSERT INTO sources VALUES ${source('src-c', 'imported', '2024-01-01T00:00:00.000Z')}, ${source('src-a', 'interrupted', '2024-01-02T00:00:00.000Z')},
      ${source('src-b', 'failed', '2024-01-03T00:00:00.000Z')};
    UPDATE sources SET message_count = 1, hash_verified = 1, sha256_after = sha256, finished_at = '2024-01-01T00:01:00.000Z' WHERE id = 'src-c';
    INSERT INTO chats (id, title, kind, message_count) VALUES ('c-1', 'Chat', 'group', 1);
    INSERT INTO chat_sources VALUES ('c-1', 'src-c');
    INSERT INTO messages (id, source_id, chat_id, seq, source_position, kind, sender, timestamp, timestamp_text, text, lang, lang_confidence, deleted, edited, locator)
      VALUES ('m-1', 'src-c', 'c-1', 0, 0, 'message', 'Ana', '2024-01-01T00:00:00.000Z', '01/01/2024, 02:00', 'pașaport', 'ron', 0.9, 0, 0, '{}');
    INSERT INTO attachments (message_rowid, source_id, position, kind, media_type, status) VALUES (1, 'src-c', 0, 'attached', 'image', 'missing');
    INSERT INTO import_issues (source_id, place, reason) VALUES ('src-c', 'chat.txt:3', 'odd line');
    INSERT INTO provenance (source_id, stage, tool, tool_version, parameters) VALUES ('src-c', 'language', 'franc', '6', '{}');
    INSERT INTO identifiers (message_rowid, chat_id, source_id, kind, value, raw, start, end) VALUES (1, 'c-1', 'src-c', 'phone', '+40', '+40', 0, 3);
    INSERT INTO tags (message_rowid, message_id, chat_id, marker, score, rule, rules, spans, lang, pack_version, tagger, created_at)
      VALUES (1, 'm-1', 'c-1', 'documents', 1, 'r', '[]', '[]', 'ron', '1', 't', '2024');
    INSERT INTO ocr_results (attachment_id, message_rowid, text, confidence, lang, words, engine, traineddata, parameters, took_ms, created_at)
      VALUES (1, 1, 't', 1, 'eng', '[]', 'e', '[]', '{}', 1, '2024');
  `);
  return db;
}

function rows(db: Database, sql: string): SqlValue[][] {
  return db.exec(sql)[0]?.values ?? [];
}

/** Everything a reader of the schema could rely on, except the SQL text of sources itself. */
function schemaFacts(db: Database): unknown {
  const tables = rows(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").map((row) => String(row[0]));
  return {
    tables,
    objects: rows(db, "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' AND name != 'sources' ORDER BY type, name"),
    columns: tables.map((table) => [table, rows(db, `PRAGMA table_xinfo(${table})`)]),
    foreignKeys: tables.map((table) => [table, rows(db, `PRAGMA foreign_key_list(${table})`)]),
    indexes: tables.map((table) => [table, rows(db, `PRAGMA index_list(${table})`)]),
  };
}

describe('migrations', () => {
  it('are numbered strictly upwards', () => {
    const versions = MIGRATIONS.map((migration) => migration.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('0010-initial creates strict evidence tables and sets user_version', async () => {
    const SQL = await loadSqlJs();
    const db = new SQL.Database();
    expect(migrate(db, [migration0010])).toEqual({ from: 0, to: 10 });
    const tables = db.exec("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")[0]?.values ?? [];
    expect(tables.map((row) => row[0])).toEqual(['attachments', 'case_meta', 'chat_sources', 'chats', 'import_issues', 'messages', 'provenance', 'sources']);
    for (const row of tables) expect(String(row[1])).toMatch(/\bSTRICT\b/);
    // STRICT means a wrong type is refused rather than silently stored.
    expect(() => db.run("INSERT INTO case_meta (key, value) VALUES ('k', x'00')")).toThrow();
    db.close();
  });

  it('0040-cancelled-sources keeps every row and constraint of a case made at schema 30 and allows status cancelled', async () => {
    const db = await caseAtSchema30();
    const everyTable = rows(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").map((row) => String(row[0]));
    const before = everyTable.map((table) => [table, rows(db, `SELECT ${table === 'chat_sources' ? '' : 'rowid, '}* FROM ${table} ORDER BY 1, 2`)]);
    const beforeSchema = schemaFacts(db);
    const sourcesSql = String(rows(db, "SELECT sql FROM sqlite_master WHERE name = 'sources'")[0]?.[0]);
    // The old constraint refuses the new status.
    expect(() => db.run("UPDATE sources SET status = 'cancelled' WHERE id = 'src-a'")).toThrow(/CHECK/u);

    expect(migrate(db, MIGRATIONS.filter((migration) => migration.version <= 40))).toEqual({ from: 30, to: 40 });

    expect(everyTable.map((table) => [table, rows(db, `SELECT ${table === 'chat_sources' ? '' : 'rowid, '}* FROM ${table} ORDER BY 1, 2`)])).toEqual(before);
    expect(schemaFacts(db)).toEqual(beforeSchema);
    // The sources table is the old one but for the one allowed status more.
    const migratedSql = String(rows(db, "SELECT sql FROM sqlite_master WHERE name = 'sources'")[0]?.[0]);
    expect(migratedSql.replace('"sources"', 'sources').replace(/\s+/gu, ' ')).toBe(sourcesSql.replace(", 'interrupted')", ", 'interrupted', 'cancelled')").replace(/\s+/gu, ' '));
    expect(rows(db, 'PRAGMA foreign_key_check')).toEqual([]);
    expect(rows(db, 'PRAGMA integrity_check')).toEqual([['ok']]);
    // Foreign keys are on again and still enforced against the rebuilt table.
    expect(rows(db, 'PRAGMA foreign_keys')).toEqual([[1]]);
    expect(() => db.run("INSERT INTO import_issues (source_id, place, reason) VALUES ('no-such-source', 'x', 'y')")).toThrow(/FOREIGN KEY/u);
    expect(() => db.run("DELETE FROM sources WHERE id = 'src-c'")).toThrow(/FOREIGN KEY/u);
    // The new status is allowed, any other still refused, and STRICT still holds.
    db.run("UPDATE sources SET status = 'cancelled' WHERE id = 'src-a'");
    expect(() => db.run("UPDATE sources SET status = 'gone' WHERE id = 'src-a'")).toThrow(/CHECK/u);
    expect(() => db.run("UPDATE sources SET size = 'big' WHERE id = 'src-a'")).toThrow();
    expect(() => db.run("INSERT INTO sources (id, path, display_name, format, parser, parser_version, size, sha256, status, imported_at, time_zone, time_zone_origin) VALUES ('src-a', 'p', 'd', 'f', 'p', '1', 1, 'h', 'failed', 'now', 'UTC', 'flag')")).toThrow(/UNIQUE/u);
    db.close();
  });

  it('0040-cancelled-sources gives every source the same rowid whatever order the ids sort in', async () => {
    const db = await caseAtSchema30();
    const before = rows(db, 'SELECT rowid, id FROM sources ORDER BY rowid');
    expect(before.map((row) => row[1])).toEqual(['src-c', 'src-a', 'src-b']);
    migrate(db, [...MIGRATIONS.filter((migration) => migration.version <= 30), migration0040]);
    expect(rows(db, 'SELECT rowid, id FROM sources ORDER BY rowid')).toEqual(before);
    db.close();
  });

  it('0050-chat-participants gives every link of a chat to a source an empty participant list, keeping the links', async () => {
    const db = await caseAtSchema30();
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= 40));
    const before = rows(db, 'SELECT * FROM chat_sources');
    expect(migrate(db, MIGRATIONS.filter((migration) => migration.version <= 50))).toEqual({ from: 40, to: 50 });
    expect(rows(db, 'SELECT chat_id, source_id, participants FROM chat_sources')).toEqual(before.map((row) => [...row, '[]']));
    db.run("INSERT INTO chat_sources (chat_id, source_id, participants) VALUES ('c-1', 'src-a', '[{\"name\":null,\"id\":\"dan@example.net\"}]')");
    expect(() => db.run("INSERT INTO chat_sources (chat_id, source_id, participants) VALUES ('c-1', 'src-b', NULL)")).toThrow(/NOT NULL/u);
    expect(() => db.run("INSERT INTO chat_sources (chat_id, source_id) VALUES ('c-1', 'no-such-source')")).toThrow(/FOREIGN KEY/u);
    expect(String(rows(db, "SELECT sql FROM sqlite_master WHERE name = 'chat_sources'")[0]?.[0])).toMatch(/STRICT, WITHOUT ROWID$/u);
    db.close();
  });

  it("0090-chat-order moves every message's place in its chat into chat_order, drops the index, and keeps the table in step on delete and renumbering", async () => {
    const db = await caseAtSchema30();
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= 80));
    db.exec(`
      INSERT INTO chats (id, title, kind, message_count) VALUES ('c-2', 'Other', 'private', 2);
      INSERT INTO messages (id, source_id, chat_id, seq, source_position, kind, sender, timestamp, timestamp_text, text, lang, lang_confidence, deleted, edited, locator)
        VALUES ('m-2', 'src-c', 'c-2', 1, 1, 'message', 'Dan', NULL, '', 'b', 'und', 0, 0, 0, '{}'),
               ('m-3', 'src-c', 'c-2', 0, 2, 'message', 'Dan', NULL, '', 'a', 'und', 0, 0, 0, '{}');
    `);
    expect(migrate(db, MIGRATIONS.filter((migration) => migration.version <= 90))).toEqual({ from: 80, to: 90 });
    expect(rows(db, 'SELECT chat_id, seq, message_rowid FROM chat_order')).toEqual([['c-1', 0, 1], ['c-2', 0, 3], ['c-2', 1, 2]]);
    expect(rows(db, "SELECT name FROM sqlite_master WHERE name = 'messages_chat_seq'")).toEqual([]);
    db.run("UPDATE messages SET seq = 5 WHERE id = 'm-2'");
    db.run("UPDATE messages SET chat_id = 'c-1', seq = 1 WHERE id = 'm-3'");
    expect(rows(db, 'SELECT chat_id, seq, message_rowid FROM chat_order')).toEqual([['c-1', 0, 1], ['c-1', 1, 3], ['c-2', 5, 2]]);
    db.run("DELETE FROM messages WHERE id IN ('m-2', 'm-3')");
    expect(rows(db, 'SELECT chat_id, seq, message_rowid FROM chat_order')).toEqual([['c-1', 0, 1]]);
    expect(String(rows(db, "SELECT sql FROM sqlite_master WHERE name = 'chat_order'")[0]?.[0])).toMatch(/STRICT, WITHOUT ROWID$/u);
    db.close();
  });

  it('0100-messages-checked-per-batch keeps every message, chat and rowid, numbers the chat order, and keeps rowids from being given twice', async () => {
    const db = await caseAtSchema30();
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= 90));
    db.exec(`
      INSERT INTO chats (id, title, kind, message_count) VALUES ('c-3', 'Gone', 'private', 0), ('c-2', 'Other', 'private', 2);
      DELETE FROM chats WHERE id = 'c-3';
      INSERT INTO messages (id, source_id, chat_id, seq, source_position, kind, sender, direction, timestamp, timestamp_text, text, lang, lang_confidence, deleted, edited, locator, extra)
        VALUES ('m-2', 'src-c', 'c-2', 1, 1, 'message', 'Dan', 'incoming', NULL, '', 'b', 'und', 0, 1, 0, '{"line":2}', '{"x":1}'),
               ('m-3', 'src-c', 'c-2', 0, 2, 'system', NULL, NULL, NULL, '', 'a', 'und', 0, 0, 1, '{}', NULL),
               ('m-4', 'src-c', 'c-2', 2, 3, 'unparsed', NULL, NULL, NULL, '', 'z', 'und', 0, 0, 0, '{}', NULL);
      -- The largest rowid ever given (4) is no longer in the table.
      DELETE FROM messages WHERE id = 'm-4';
      -- Their places in the chat order, as insertMessages gives them.
      INSERT INTO chat_order (chat_id, seq, message_rowid) SELECT chat_id, seq, rowid FROM messages WHERE rowid > 1;
    `);
    const messagesBefore = rows(db, 'SELECT rowid, * FROM messages ORDER BY rowid');
    const chatsBefore = rows(db, 'SELECT rowid, id, title, kind, message_count, participants, first_timestamp, last_timestamp FROM chats ORDER BY rowid');
    expect(migrate(db, MIGRATIONS.filter((migration) => migration.version <= 100))).toEqual({ from: 90, to: 100 });
    expect(rows(db, 'SELECT rowid, * FROM messages ORDER BY rowid')).toEqual(messagesBefore);
    expect(rows(db, 'SELECT number, id, title, kind, message_count, participants, first_timestamp, last_timestamp FROM chats ORDER BY number')).toEqual(chatsBefore);
    expect(rows(db, 'SELECT c.id, o.seq, o.message_rowid FROM chat_order o JOIN chats c ON c.number = o.chat ORDER BY 1, 2, 3')).toEqual([['c-1', 0, 1], ['c-2', 0, 3], ['c-2', 1, 2]]);
    // What refers to messages, chats and sources still finds them.
    expect(rows(db, 'PRAGMA foreign_key_check')).toEqual([]);
    expect(rows(db, "SELECT seq FROM sqlite_sequence WHERE name = 'messages'")).toEqual([[4]]);
    db.run("INSERT INTO messages (id, source_id, chat_id, seq, source_position, kind, timestamp_text, text, lang, lang_confidence, deleted, edited, locator) VALUES ('m-5', 'src-c', 'c-2', 3, 4, 'message', '', 'c', 'und', 0, 0, 0, '{}')");
    expect(rows(db, "SELECT rowid FROM messages WHERE id = 'm-5'")).toEqual([[5]]);
    // The table itself no longer looks up a source and a chat for every row (insertMessages checks a batch at a time).
    expect(String(rows(db, "SELECT sql FROM sqlite_master WHERE name = 'messages'")[0]?.[0])).not.toMatch(/REFERENCES|CHECK/u);
    expect(() => db.run("DELETE FROM chats WHERE id = 'c-2'")).toThrow(/still has messages/u);
    db.run("UPDATE messages SET seq = 7 WHERE id = 'm-2'");
    db.run("DELETE FROM messages WHERE id = 'm-3'");
    expect(rows(db, 'SELECT c.id, o.seq, o.message_rowid FROM chat_order o JOIN chats c ON c.number = o.chat ORDER BY 1, 2, 3')).toEqual([['c-1', 0, 1], ['c-2', 7, 2]]);
    db.close();
  });

  it('0110-ocr-searchable-text keeps every OCR result as it was, with no searched text of its own (its whole text was searched and tagged)', async () => {
    const db = await caseAtSchema30();
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= 100));
    // caseAtSchema30 holds one OCR result, stored before searched text existed.
    const before = rows(db, 'SELECT * FROM ocr_results');
    expect(migrate(db, MIGRATIONS.filter((migration) => migration.version <= 110))).toEqual({ from: 100, to: 110 });
    expect(rows(db, 'SELECT id, attachment_id, message_rowid, text, confidence, lang, words, engine, traineddata, parameters, took_ms, created_at FROM ocr_results')).toEqual(before);
    expect(before.length).toBe(1);
    expect(rows(db, 'SELECT searchable_text FROM ocr_results')).toEqual([[null]]);
    db.close();
  });

  it('0120-identifier-origin marks as read from images the identifiers of a message with OCR results that its text does not hold', async () => {
    const db = await caseAtSchema30();
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= 110));
    // caseAtSchema30's '+40' on message 1 ('pașaport', which has an OCR result) can only come from its image.
    db.exec("INSERT INTO identifiers (message_rowid, chat_id, source_id, kind, value, raw, start, end) VALUES (1, 'c-1', 'src-c', 'word', 'pasaport', 'pașaport', 0, 8)");
    const before = rows(db, 'SELECT id, message_rowid, chat_id, source_id, kind, value, raw, start, end FROM identifiers ORDER BY id');
    expect(migrate(db, MIGRATIONS.filter((migration) => migration.version <= 120))).toEqual({ from: 110, to: 120 });
    expect(rows(db, 'SELECT id, message_rowid, chat_id, source_id, kind, value, raw, start, end FROM identifiers ORDER BY id')).toEqual(before);
    expect(rows(db, 'SELECT raw, origin FROM identifiers ORDER BY id')).toEqual([['+40', 'ocr'], ['pașaport', 'text']]);
    db.close();
  });

  it('0170-chat-source-facts keeps every chat_sources row as it was, with no facts of its own (nothing was kept)', async () => {
    const db = await caseAtSchema30();
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= 120));
    const before = rows(db, 'SELECT chat_id, source_id, participants FROM chat_sources');
    expect(before.length).toBe(1);
    expect(migrate(db, MIGRATIONS.filter((migration) => migration.version <= 170))).toEqual({ from: 120, to: 170 });
    expect(rows(db, 'SELECT chat_id, source_id, participants FROM chat_sources')).toEqual(before);
    expect(rows(db, 'SELECT extra FROM chat_sources')).toEqual([[null]]);
    db.close();
  });

  it('0180-chat-time-order counts and orders by time the chats of a case made before, and keeps the other chats without a time order', async () => {
    const db = await caseAtSchema30();
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= 120));
    // c-2: 03:00, no time, 01:00, 02:00, listed in that order; c-1 (caseAtSchema30's one message) is in order.
    db.exec(`
      INSERT INTO chats (id, title, kind, message_count) VALUES ('c-2', 'Put back', 'private', 4);
      INSERT INTO chat_sources (chat_id, source_id) VALUES ('c-2', 'src-c');
      INSERT INTO messages (id, source_id, chat_id, seq, source_position, kind, timestamp, timestamp_text, text, lang, lang_confidence, deleted, edited, locator)
        VALUES ('m-2', 'src-c', 'c-2', 0, 1, 'message', '2024-01-01T03:00:00.000Z', '', 'a', 'und', 0, 0, 0, '{}'),
               ('m-3', 'src-c', 'c-2', 1, 2, 'message', NULL, '', 'b', 'und', 0, 0, 0, '{}'),
               ('m-4', 'src-c', 'c-2', 2, 3, 'message', '2024-01-01T01:00:00.000Z', '', 'c', 'und', 0, 0, 0, '{}'),
               ('m-5', 'src-c', 'c-2', 3, 4, 'message', '2024-01-01T02:00:00.000Z', '', 'd', 'und', 0, 0, 0, '{}');
      INSERT INTO chat_order (chat, seq, message_rowid) SELECT c.number, m.seq, m.rowid FROM messages m JOIN chats c ON c.id = m.chat_id WHERE m.rowid > 1;
    `);
    expect(migrate(db, MIGRATIONS.filter((migration) => migration.version <= 180))).toEqual({ from: 120, to: 180 });
    expect(rows(db, 'SELECT id, out_of_time_order FROM chats ORDER BY id')).toEqual([['c-1', 0], ['c-2', 2]]);
    // m-3 has no time: it stays after m-2, the message listed before it.
    expect(rows(db, 'SELECT c.id, t.position, m.id FROM chat_time_order t JOIN chats c ON c.number = t.chat JOIN messages m ON m.rowid = t.message_rowid ORDER BY 1, 2')).toEqual([
      ['c-2', 0, 'm-4'],
      ['c-2', 1, 'm-5'],
      ['c-2', 2, 'm-2'],
      ['c-2', 3, 'm-3'],
    ]);
    db.run("DELETE FROM messages WHERE id = 'm-5'");
    expect(rows(db, 'SELECT count(*) FROM chat_time_order')).toEqual([[3]]);
    db.close();
  });

  it('0180 orders a chat by the rows of imported sources only: an interrupted import\'s rows, dropped when the case opens, leave no gap in its time order', async () => {
    const db = await caseAtSchema30();
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= 120));
    // c-2 from src-c (imported): 03:00, 01:00, 02:00. src-a's import into c-2 died after storing two rows, numbered from 0 as its import numbers them.
    db.exec(`
      UPDATE sources SET status = 'importing' WHERE id = 'src-a';
      INSERT INTO chats (id, title, kind, message_count) VALUES ('c-2', 'Put back', 'private', 3);
      INSERT INTO chat_sources (chat_id, source_id) VALUES ('c-2', 'src-c'), ('c-2', 'src-a');
      INSERT INTO messages (id, source_id, chat_id, seq, source_position, kind, timestamp, timestamp_text, text, lang, lang_confidence, deleted, edited, locator)
        VALUES ('m-2', 'src-c', 'c-2', 0, 1, 'message', '2024-01-01T03:00:00.000Z', '', 'a', 'und', 0, 0, 0, '{}'),
               ('m-3', 'src-c', 'c-2', 1, 2, 'message', '2024-01-01T01:00:00.000Z', '', 'b', 'und', 0, 0, 0, '{}'),
               ('m-4', 'src-c', 'c-2', 2, 3, 'message', '2024-01-01T02:00:00.000Z', '', 'c', 'und', 0, 0, 0, '{}'),
               ('m-5', 'src-a', 'c-2', 0, 0, 'message', '2024-01-01T00:30:00.000Z', '', 'x', 'und', 0, 0, 0, '{}'),
               ('m-6', 'src-a', 'c-2', 1, 1, 'message', '2024-01-01T00:10:00.000Z', '', 'y', 'und', 0, 0, 0, '{}');
      INSERT INTO chat_order (chat, seq, message_rowid) SELECT c.number, m.seq, m.rowid FROM messages m JOIN chats c ON c.id = m.chat_id WHERE m.rowid > 1;
    `);
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= 180));
    // What the db worker does next on opening the case (db.worker.ts open: abandonSource of each 'importing' source).
    db.exec("DELETE FROM messages WHERE source_id = 'src-a'; DELETE FROM chat_sources WHERE source_id = 'src-a'");
    // 01:00 and 02:00 are listed after 03:00; the 3 messages of c-2 stand at places 0..2 by time (messages.range reads places below message_count).
    expect(rows(db, "SELECT out_of_time_order, message_count FROM chats WHERE id = 'c-2'")).toEqual([[2, 3]]);
    expect(rows(db, 'SELECT t.position, m.id FROM chat_time_order t JOIN messages m ON m.rowid = t.message_rowid ORDER BY 1')).toEqual([
      [0, 'm-3'],
      [1, 'm-4'],
      [2, 'm-2'],
    ]);
    db.close();
  });

  it("0190-chat-unparsed-count counts each chat's unparsed rows of imported sources, and none of an interrupted import's", async () => {
    const db = await caseAtSchema30();
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= 180));
    db.exec(`
      UPDATE sources SET status = 'importing' WHERE id = 'src-a';
      INSERT INTO chats (id, title, kind, message_count) VALUES ('c-2', 'Some unreadable', 'private', 3);
      INSERT INTO chat_sources (chat_id, source_id) VALUES ('c-2', 'src-c'), ('c-2', 'src-a');
      INSERT INTO messages (id, source_id, chat_id, seq, source_position, kind, timestamp, timestamp_text, text, lang, lang_confidence, deleted, edited, locator)
        VALUES ('m-2', 'src-c', 'c-2', 0, 1, 'message', NULL, '', 'a', 'und', 0, 0, 0, '{}'),
               ('m-3', 'src-c', 'c-2', 1, 2, 'unparsed', NULL, '', 'garbage', 'und', 0, 0, 0, '{}'),
               ('m-4', 'src-c', 'c-2', 2, 3, 'unparsed', NULL, '', 'more garbage', 'und', 0, 0, 0, '{}'),
               ('m-5', 'src-a', 'c-2', 0, 0, 'unparsed', NULL, '', 'x', 'und', 0, 0, 0, '{}');
      INSERT INTO chat_order (chat, seq, message_rowid) SELECT c.number, m.seq, m.rowid FROM messages m JOIN chats c ON c.id = m.chat_id WHERE m.rowid > 1;
    `);
    expect(migrate(db, MIGRATIONS.filter((migration) => migration.version <= 190))).toEqual({ from: 180, to: 190 });
    expect(rows(db, 'SELECT id, unparsed_count FROM chats ORDER BY id')).toEqual([['c-1', 0], ['c-2', 2]]);
    db.close();
  });

  it('0200-tags-by-chat-marker-score indexes the tags by conversation, indicator and score in place of tags_chat, keeping every tag', async () => {
    const db = await caseAtSchema30();
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= 190));
    db.exec(`
      INSERT INTO messages (id, source_id, chat_id, seq, source_position, kind, sender, timestamp, timestamp_text, text, lang, lang_confidence, deleted, edited, locator)
        VALUES ('m-2', 'src-c', 'c-1', 1, 1, 'message', 'Ana', NULL, '', 'datorie', 'ron', 0.9, 0, 0, '{}');
      INSERT INTO tags (message_rowid, message_id, chat_id, marker, score, rule, rules, spans, lang, pack_version, tagger, created_at)
        VALUES (2, 'm-2', 'c-1', 'debt-bondage', 0.7, 'r', '[]', '[]', 'ron', '1', 't', '2024'), (2, 'm-2', 'c-1', 'documents', 0.4, 'r', '[]', '[]', 'ron', '1', 't', '2024');
    `);
    expect(migrate(db, MIGRATIONS.filter((migration) => migration.version <= 200))).toEqual({ from: 190, to: 200 });
    expect(rows(db, "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'tags' AND name NOT LIKE 'sqlite_%' ORDER BY name")).toEqual([['tags_chat_marker_score'], ['tags_marker'], ['tags_message_id']]);
    expect(rows(db, "SELECT marker, score FROM tags WHERE chat_id = 'c-1' ORDER BY marker, score DESC")).toEqual([['debt-bondage', 0.7], ['documents', 1], ['documents', 0.4]]);
    const plan = rows(db, "EXPLAIN QUERY PLAN SELECT marker, count(*), max(score) FROM tags WHERE chat_id = 'c-1' GROUP BY marker").map((row) => String(row[3]));
    expect(plan.join('\n')).toContain('COVERING INDEX tags_chat_marker_score');
    db.close();
  });

  it('0100 on a case with no messages ever stored leaves AUTOINCREMENT starting at 1', async () => {
    const SQL = await loadSqlJs();
    const db = new SQL.Database();
    db.exec('PRAGMA foreign_keys = ON');
    migrate(db, MIGRATIONS);
    db.exec("INSERT INTO sources (id, path, display_name, format, parser, parser_version, size, sha256, status, imported_at, time_zone, time_zone_origin) VALUES ('s', '/e', 'e', 'csv', 'p', '1', 1, 'h', 'importing', '2024', 'UTC', 'flag')");
    db.exec("INSERT INTO chats (id, title) VALUES ('c', 'C')");
    db.run("INSERT INTO messages (id, source_id, chat_id, seq, source_position, kind, timestamp_text, text, lang, lang_confidence, deleted, edited, locator) VALUES ('m', 's', 'c', 0, 0, 'message', '', 't', 'und', 0, 0, 0, '{}')");
    expect(rows(db, "SELECT rowid FROM messages WHERE id = 'm'")).toEqual([[1]]);
    db.close();
  });

  it('rolls a failed table rebuild back whole and switches foreign keys on again', async () => {
    const db = await caseAtSchema30();
    const broken = { version: 40, name: 'broken-rebuild', rebuildsTables: true as const, up: `${migration0040.up} DELETE FROM sources WHERE id = 'src-c';` };
    expect(() => migrate(db, [...MIGRATIONS.filter((migration) => migration.version <= 30), broken])).toThrow(expect.objectContaining({ code: 'E_CASE_CORRUPT' }));
    expect(readSchemaVersion(db)).toBe(30);
    expect(rows(db, 'SELECT count(*) FROM sources')).toEqual([[3]]);
    expect(rows(db, "SELECT name FROM sqlite_master WHERE name LIKE 'sources%' ORDER BY name")).toEqual([['sources'], ['sources_sha256']]);
    expect(rows(db, 'PRAGMA foreign_keys')).toEqual([[1]]);
    db.close();
  });

  it('is idempotent and leaves a migrated database alone', async () => {
    const SQL = await loadSqlJs();
    const db = new SQL.Database();
    migrate(db);
    expect(migrate(db)).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION });
    db.close();
  });

  it('refuses a database written by a newer version', async () => {
    const SQL = await loadSqlJs();
    const db = new SQL.Database();
    db.exec(`PRAGMA user_version = ${LATEST_SCHEMA_VERSION + 10}`);
    expect(() => migrate(db)).toThrow(expect.objectContaining({ code: 'E_CASE_NEWER_VERSION' }));
    expect(readSchemaVersion(db)).toBe(LATEST_SCHEMA_VERSION + 10);
    db.close();
  });
});
