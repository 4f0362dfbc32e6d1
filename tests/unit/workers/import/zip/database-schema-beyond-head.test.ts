import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { iosSmsDbParser } from '../../../../../workers/import/ios-sms/index.ts';
import { detectFormat } from '../../../../../workers/import/detect-format.ts';
import { PARSERS } from '../../../../../workers/import/parsers.ts';
import { ZipArchive } from '../../../../../workers/import/zip/zip-archive.ts';
import { surveyZip } from '../../../../../workers/import/zip/zip-source.ts';
import { IOS_SMS_TABLES_BESIDE_MESSAGE } from '../../../../support/ios-sms-tables.ts';
import { tempFolder, writeTemp } from '../../../../support/temp-case.ts';
import { buildZip } from '../../../../support/zip-writer.ts';

/**
 * A phone database whose schema does not fit the head a zip entry is sniffed by (a real sms.db
 * has hundreds of triggers and indexes): every phone-database sniffer then says "perhaps", and
 * the first of them (Android's mmssms.db) took an iOS sms.db, which its parser then refused.
 */
async function smsDbWithLongSchema(): Promise<Uint8Array> {
  const SQL = await initSqlJs();
  const db = new SQL.Database();
  try {
    // Written first, the filler pushes sms.db's own tables past the first 64 KiB of the schema.
    const filler = Array.from({ length: 120 }, (_unused, index) => `CREATE TABLE filler_${index} (${Array.from({ length: 40 }, (_column, column) => `column_with_a_long_name_${column} TEXT`).join(', ')});`).join('\n');
    db.exec(`${filler}
      CREATE TABLE message (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, text TEXT, handle_id INTEGER DEFAULT 0, service TEXT, date INTEGER, is_from_me INTEGER DEFAULT 0);
      ${IOS_SMS_TABLES_BESIDE_MESSAGE}
      INSERT INTO handle VALUES (1, '+15551230001', 'iMessage');
      INSERT INTO message (guid, text, handle_id, service, date) VALUES ('G1', 'hello', 1, 'iMessage', 600000000000000000);`);
    return db.export();
  } finally {
    db.close();
  }
}

describe('a zip holding a phone database whose schema lies beyond the head sniffed', () => {
  it('is recognised by its whole schema, as the same file on disk is: an iOS sms.db, not an Android mmssms.db', async () => {
    const database = await smsDbWithLongSchema();
    const folder = tempFolder();
    const onDisk = writeTemp(folder, 'sms.db', database);
    expect((await detectFormat(onDisk)).format).toBe(iosSmsDbParser.format);

    const zip = writeTemp(folder, 'backup.zip', buildZip([{ name: 'HomeDomain/Library/SMS/sms.db', data: database }]));
    const archive = await ZipArchive.open(zip);
    try {
      const survey = await surveyZip(archive, PARSERS);
      expect(survey.recognised.map((item) => item.parser.format)).toEqual([iosSmsDbParser.format]);
    } finally {
      archive.close();
    }
  });
});
