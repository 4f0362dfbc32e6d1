import { describe, expect, it } from 'vitest';
import { androidSmsDbParser } from '../../../../../workers/import/android-sms/index.ts';
import { buildDatabase, MMS_TABLES, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * An `application/smil` part was only counted (`extra.smilParts`). One whose SMIL is in a file
 * (`part.text` NULL, `_data` set) was lost: neither its device path nor its bytes were kept
 * anywhere. It is now an attachment like any other part stored in a file.
 */

const SCHEMA = `
  ${MMS_TABLES}
  INSERT INTO pdu VALUES (1, 1, 1617900000, 1, 132);
  INSERT INTO part (mid, seq, ct, cl, _data, text) VALUES
    (1, -1, 'application/smil', 'smil.xml', '/data/user_de/0/com.android.providers.telephony/app_parts/PART_1_smil', NULL),
    (1, 0, 'text/plain', 'text_0.txt', NULL, 'hello');
  INSERT INTO addr (msg_id, address, type) VALUES (1, '+41790000001', 137);
`;

describe('mmssms.db SMIL part kept in a file', () => {
  it('keeps the part as an attachment with its device path and bytes when extracted', async () => {
    const smil = new TextEncoder().encode('<smil><body><par><text src="text_0.txt"/></par></body></smil>');
    const run = await runParser(androidSmsDbParser, await buildDatabase(SCHEMA), 'mmssms.db', { 'app_parts/PART_1_smil': smil });
    const [mms] = run.sink.messages;
    expect(mms?.text).toBe('hello');
    expect(mms?.attachments).toEqual([
      {
        kind: 'attached',
        mediaType: 'document',
        fileName: 'smil.xml',
        mimeType: 'application/smil',
        path: '/data/user_de/0/com.android.providers.telephony/app_parts/PART_1_smil',
        bytes: smil,
        size: smil.byteLength,
      },
    ]);
  });
});
