import { describe, expect, it } from 'vitest';
import { androidSmsDbParser } from '../../../../../workers/import/android-sms/index.ts';
import { detectFormat } from '../../../../../workers/import/detect-format.ts';
import { googleMessagesDbParser } from '../../../../../workers/import/google-messages/index.ts';
import { iosSmsDbParser } from '../../../../../workers/import/ios-sms/index.ts';
import { SQLITE_PARSERS, parserFor } from '../../../../../workers/import/parsers.ts';
import { signalAndroidDbParser } from '../../../../../workers/import/signal-android/index.ts';
import { signalDesktopDbParser } from '../../../../../workers/import/signal-desktop/index.ts';
import { identifySqliteSource } from '../../../../../workers/import/sqlite/index.ts';
import { BUGLE_SCHEMA } from '../../../../support/bugle-db-schema.ts';
import { IOS_SMS_MESSAGE_TABLE, IOS_SMS_TABLES_BESIDE_MESSAGE } from '../../../../support/ios-sms-tables.ts';
import { CollectingSink, buildDatabase, minimalMmssmsSql, parserInput, walHoldingEveryPage } from '../../../../support/sqlite-parser-harness.ts';
import { BASE_MS, INBOX, NEW_PEOPLE, NEW_SIGNAL_SCHEMA, OLD_PEOPLE, OLD_SIGNAL_SCHEMA } from '../../../../support/signal-android-schema.ts';
import { tempFolder, writeTemp } from '../../../../support/temp-case.ts';
import { NEW_SCHEMA as SIGNAL_DESKTOP_SCHEMA } from '../signal-desktop/signal-desktop-schemas.ts';

const OLD = `${OLD_SIGNAL_SCHEMA}${OLD_PEOPLE} INSERT INTO sms (thread_id, address, date, date_sent, type, body) VALUES (1, 2, ${BASE_MS}, ${BASE_MS}, ${INBOX}, 'hi');`;
const NEW = `${NEW_SIGNAL_SCHEMA}${NEW_PEOPLE} INSERT INTO message (date_sent, date_received, thread_id, from_recipient_id, to_recipient_id, type, body) VALUES (${BASE_MS}, ${BASE_MS}, 1, 2, 1, ${INBOX}, 'hi');`;

/** Format detection as the engine runs it, on files named as an examiner might receive them. */
describe('detecting a decrypted Signal Android database', () => {
  it('identifies both schema generations by their tables, whatever the file is called', async () => {
    const folder = tempFolder();
    for (const sql of [OLD, NEW]) {
      const bytes = await buildDatabase(sql);
      expect(identifySqliteSource(bytes)).toBe('signal-android');
      expect(await detectFormat(writeTemp(folder, 'signal_backup.db', bytes))).toEqual({ format: 'signal-android-db', reason: 'a signal-android database' });
      expect(await detectFormat(writeTemp(folder, 'evidence-002.bin', bytes))).toMatchObject({ format: 'signal-android-db' });
    }
    expect(SQLITE_PARSERS['signal-android']).toBe(signalAndroidDbParser);
    expect(parserFor('signal-android-db')).toBe(signalAndroidDbParser);
  });

  it('identifies a database whose tables are all still in its -wal', async () => {
    const folder = tempFolder();
    const main = writeTemp(folder, 'database.sqlite', new Uint8Array(0));
    writeTemp(folder, 'database.sqlite-wal', await walHoldingEveryPage(NEW));
    expect(await detectFormat(main)).toMatchObject({ format: 'signal-android-db' });
  });

  it('leaves mmssms.db, bugle_db, sms.db and Signal Desktop’s db.sqlite to their importers, and is not taken for them', async () => {
    const folder = tempFolder();
    const signal = await buildDatabase(NEW);
    const oldSignal = await buildDatabase(OLD);
    const others = [
      { bytes: await buildDatabase(minimalMmssmsSql('hi')), format: 'android-mmssms-db', parser: androidSmsDbParser },
      { bytes: await buildDatabase(BUGLE_SCHEMA), format: 'google-messages-db', parser: googleMessagesDbParser },
      { bytes: await buildDatabase(`${IOS_SMS_TABLES_BESIDE_MESSAGE}${IOS_SMS_MESSAGE_TABLE}`), format: 'ios-sms-db', parser: iosSmsDbParser },
      { bytes: await buildDatabase(SIGNAL_DESKTOP_SCHEMA), format: 'signal-desktop-db', parser: signalDesktopDbParser },
    ];
    for (const other of others) {
      expect(await detectFormat(writeTemp(folder, 'x.db', other.bytes))).toMatchObject({ format: other.format });
      expect(signalAndroidDbParser.sniff(other.bytes, 'x.db')).toBe(false);
      expect(other.parser.sniff(signal, 'x.db')).toBe(false);
      expect(other.parser.sniff(oldSignal, 'x.db')).toBe(false);
    }
  });

  it('does not claim a database with thread and recipient but no message table, nor one with threads (mmssms.db)', async () => {
    expect(identifySqliteSource(await buildDatabase('CREATE TABLE thread (_id); CREATE TABLE recipient (_id)'))).toBeNull();
    expect(identifySqliteSource(await buildDatabase('CREATE TABLE threads (_id); CREATE TABLE recipient (_id); CREATE TABLE sms (_id)'))).toBe('android-sms');
  });

  it('refuses a database it is handed that is not Signal’s, naming the file', async () => {
    const mmssms = await buildDatabase(minimalMmssmsSql('hi'));
    const refused = await signalAndroidDbParser.parse(parserInput(mmssms, 'mmssms.db'), new CollectingSink(), {}).catch((caught: unknown) => caught);
    expect(refused).toMatchObject({ code: 'E_IMPORT_FORMAT', message: 'mmssms.db: a SQLite database, but not a decrypted Signal Android database (it needs the tables thread, recipient, and sms/mms or message)' });
  });

  it('gives a clear error naming the file for a corrupt database and for one still encrypted', async () => {
    const damaged = await buildDatabase(NEW);
    // Page 1 (the schema) overwritten after the 100-byte header.
    damaged.fill(0xa5, 100, 4096);
    const folder = tempFolder();
    expect(await detectFormat(writeTemp(folder, 'signal.db', damaged))).toMatchObject({ format: null, reason: expect.stringContaining('damaged SQLite database') as string });
    const corrupt = await signalAndroidDbParser.parse(parserInput(damaged, 'signal.db'), new CollectingSink(), {}).catch((caught: unknown) => caught);
    expect(corrupt).toMatchObject({ message: 'signal.db: the SQLite database cannot be read (database disk image is malformed)' });

    // What Signal keeps on the phone is SQLCipher: no SQLite header at all.
    const encrypted = new Uint8Array(8192).map((_, index) => (index * 73 + 19) % 256);
    expect(await detectFormat(writeTemp(folder, 'signal-encrypted.db', encrypted))).toMatchObject({ format: null });
    expect(signalAndroidDbParser.sniff(encrypted, 'signal.db')).toBe(false);
    const refused = await signalAndroidDbParser.parse(parserInput(encrypted, 'signal-encrypted.db'), new CollectingSink(), {}).catch((caught: unknown) => caught);
    expect(refused).toMatchObject({ message: 'signal-encrypted.db: not a SQLite database (the file does not start with "SQLite format 3")' });
  });
});
