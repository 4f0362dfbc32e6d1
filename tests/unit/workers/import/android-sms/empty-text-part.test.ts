import { describe, expect, it } from 'vitest';
import { androidSmsDbParser } from '../../../../../workers/import/android-sms/index.ts';
import { buildDatabase, MMS_TABLES, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * The text parts of an MMS are joined one per line. An empty text part (`part.text` '', a slide
 * with only a picture) added a blank line the message does not have: "\nhi" for "hi".
 */

const SCHEMA = `
  ${MMS_TABLES}
  INSERT INTO pdu VALUES (1, 1, 1617900000, 1, 132);
  INSERT INTO part (mid, seq, ct, cl, _data, text) VALUES (1, 0, 'text/plain', 'text_0.txt', NULL, ''), (1, 0, 'text/plain', 'text_1.txt', NULL, 'hi');
`;

describe('mmssms.db MMS with an empty text part', () => {
  it('joins only the text parts that have text', async () => {
    const run = await runParser(androidSmsDbParser, await buildDatabase(SCHEMA), 'mmssms.db');
    expect(run.sink.messages[0]?.text).toBe('hi');
  });
});
