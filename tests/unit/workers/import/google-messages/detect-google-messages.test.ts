import { describe, expect, it } from 'vitest';
import { androidSmsDbParser } from '../../../../../workers/import/android-sms/index.ts';
import { detectFormat } from '../../../../../workers/import/detect-format.ts';
import { googleMessagesDbParser } from '../../../../../workers/import/google-messages/index.ts';
import { SQLITE_PARSERS, parserFor } from '../../../../../workers/import/parsers.ts';
import { signalDesktopDbParser } from '../../../../../workers/import/signal-desktop/index.ts';
import { identifySqliteSource } from '../../../../../workers/import/sqlite/index.ts';
import { CollectingSink, buildDatabase, minimalMmssmsSql, parserInput, walHoldingEveryPage } from '../../../../support/sqlite-parser-harness.ts';
import { tempFolder, writeTemp } from '../../../../support/temp-case.ts';
import { BASE_MS, BUGLE_SCHEMA, PEOPLE_AND_CONVERSATIONS, messageSql, textPartSql } from '../../../../support/bugle-db-schema.ts';

const BUGLE = `${BUGLE_SCHEMA}${PEOPLE_AND_CONVERSATIONS}${messageSql({ id: 1, conversation: 1, sender: 2, received: BASE_MS, protocol: 0, status: 100 }, [textPartSql(1, 1, 'hello')])}`;

/** Format detection as the engine runs it, on files named as an examiner might receive them. */
describe('detecting Google Messages bugle_db', () => {
  it('identifies bugle_db by its tables, whatever the file is called', async () => {
    const bytes = await buildDatabase(BUGLE);
    expect(identifySqliteSource(bytes)).toBe('google-messages');
    expect(SQLITE_PARSERS['google-messages']).toBe(googleMessagesDbParser);
    expect(parserFor('google-messages-db')).toBe(googleMessagesDbParser);
    const folder = tempFolder();
    expect(await detectFormat(writeTemp(folder, 'bugle_db', bytes))).toEqual({ format: 'google-messages-db', reason: 'a google-messages database' });
    expect(await detectFormat(writeTemp(folder, 'evidence-001.bin', bytes))).toMatchObject({ format: 'google-messages-db' });
  });

  it('identifies a bugle_db whose tables are all still in its -wal', async () => {
    const folder = tempFolder();
    const main = writeTemp(folder, 'bugle_db', new Uint8Array(0));
    writeTemp(folder, 'bugle_db-wal', await walHoldingEveryPage(BUGLE));
    expect(await detectFormat(main)).toMatchObject({ format: 'google-messages-db' });
  });

  it('leaves mmssms.db to the Android SMS importer, and is not taken for it either', async () => {
    const mmssms = await buildDatabase(minimalMmssmsSql('hi'));
    const bugle = await buildDatabase(BUGLE);
    expect(await detectFormat(writeTemp(tempFolder(), 'mmssms.db', mmssms))).toMatchObject({ format: 'android-mmssms-db' });
    expect(googleMessagesDbParser.sniff(mmssms, 'bugle_db')).toBe(false);
    expect(androidSmsDbParser.sniff(bugle, 'mmssms.db')).toBe(false);
    expect(signalDesktopDbParser.sniff(bugle, 'db.sqlite')).toBe(false);
    // Handed mmssms.db all the same, it refuses it rather than reading it as its own.
    const refused = await googleMessagesDbParser.parse(parserInput(mmssms, 'mmssms.db'), new CollectingSink(), {}).catch((caught: unknown) => caught);
    expect(refused).toMatchObject({ code: 'E_IMPORT_FORMAT', message: expect.stringContaining('not a Google Messages bugle_db') as string });
  });

  it('does not claim a database with only some of its tables', async () => {
    expect(identifySqliteSource(await buildDatabase('CREATE TABLE conversations (_id); CREATE TABLE messages (_id); CREATE TABLE parts (_id)'))).toBeNull();
  });
});
