import { describe, expect, it } from 'vitest';
import { androidSmsDbParser } from '../../../../../workers/import/android-sms/index.ts';
import { buildDatabase, checkParsedInvariants, MMS_TABLES, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * A text/plain MMS part normally has its text in `part.text`; a provider that stored it as a file
 * leaves `text` NULL and names the file in `_data`. That part was read as an empty text: its file
 * was neither linked nor named, and the NULL added a blank line to the message text.
 */

const SCHEMA = `
  ${MMS_TABLES}
  INSERT INTO pdu VALUES (1, 1, 1617900000, 1, 132);
  INSERT INTO part (mid, seq, ct, cl, _data, text) VALUES
    (1, 0, 'text/plain', 'text_0.txt', '/data/user_de/0/com.android.providers.telephony/app_parts/PART_1617900000_text_0.txt', NULL),
    (1, 1, 'text/plain', 'text_1.txt', NULL, 'second part');
  INSERT INTO addr (msg_id, address, type) VALUES (1, '+41790000001', 137);
`;

describe('FORMATS.md §4.2: a text/plain part kept in a file (_data)', () => {
  it('keeps the part as an attachment with its device path (bytes when extracted), and the text parts that have text', async () => {
    const file = new TextEncoder().encode('a long text the provider wrote to a file');
    const run = await runParser(androidSmsDbParser, await buildDatabase(SCHEMA), 'mmssms.db', { 'app_parts/PART_1617900000_text_0.txt': file });
    expect(checkParsedInvariants(run, 'mmssms.db')).toEqual([]);
    const [mms] = run.sink.messages;
    expect(mms?.text).toBe('second part');
    expect(mms?.attachments).toEqual([
      {
        kind: 'attached',
        mediaType: 'document',
        fileName: 'text_0.txt',
        mimeType: 'text/plain',
        path: '/data/user_de/0/com.android.providers.telephony/app_parts/PART_1617900000_text_0.txt',
        bytes: file,
        size: file.byteLength,
      },
    ]);
  });

  it('reads a text part with both text and a _data file as text, and keeps the file as an attachment (as SMS Backup & Restore keeps text= and data=)', async () => {
    const bytes = await buildDatabase(`${SCHEMA.replace("INSERT INTO pdu VALUES (1, 1, 1617900000, 1, 132);", "INSERT INTO pdu VALUES (1, 1, 1617900000, 1, 132), (2, 1, 1617900001, 1, 132);")}
      INSERT INTO part (mid, seq, ct, cl, _data, text) VALUES (2, 0, 'text/plain', 'text_2.txt', '/data/app_parts/PART_2_text_2.txt', 'both');`);
    const run = await runParser(androidSmsDbParser, bytes, 'mmssms.db');
    const both = run.sink.messages[1];
    expect(both?.text).toBe('both');
    expect(both?.attachments).toEqual([{ kind: 'attached', mediaType: 'document', fileName: 'text_2.txt', mimeType: 'text/plain', path: '/data/app_parts/PART_2_text_2.txt' }]);
  });
});
