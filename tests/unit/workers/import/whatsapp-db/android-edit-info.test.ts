import { describe, expect, it } from 'vitest';

import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { MSGSTORE_CORE_TABLES } from '../../../../support/msgstore-event-tables.ts';

/** message_edit_info as a real 2023 schema has it (frozenspider/chat-history-manager, whatsapp-android_2023-10/msgstore.sql). */
const SCHEMA = `
  ${MSGSTORE_CORE_TABLES}
  CREATE TABLE message_edit_info (message_row_id INTEGER PRIMARY KEY, original_key_id TEXT NOT NULL, edited_timestamp INTEGER NOT NULL, sender_timestamp INTEGER NOT NULL);
  INSERT INTO jid VALUES (1, '4915100000001', 's.whatsapp.net', '4915100000001@s.whatsapp.net');
  INSERT INTO chat VALUES (1, 1, NULL);
  INSERT INTO message VALUES (1, 1, 0, 'E1', NULL, 0, 1661417508000, 0, 'meet at the station'), (2, 1, 0, 'E2', NULL, 0, 1661417600000, 0, 'not edited');
  INSERT INTO message_edit_info VALUES (1, 'E1-ORIGINAL', 1661417955000, 1661417999999);
`;

describe('msgstore.db: what message_edit_info holds beside the edit time', () => {
  it('regression: keeps original_key_id and sender_timestamp as stored (only edited_timestamp was read)', async () => {
    const run = await runParser(whatsappAndroidDbParser, await buildDatabase(SCHEMA), 'msgstore.db');
    expect(checkParsedInvariants(run, 'msgstore.db')).toEqual([]);
    const [edited, plain] = run.sink.messages;
    expect(edited).toMatchObject({ edited: true, extra: { editedAt: '2022-08-25T08:59:15.000Z' } });
    expect(edited?.extra?.['editInfo']).toEqual({ originalKeyId: 'E1-ORIGINAL', senderTimestamp: '2022-08-25T08:59:59.999Z', note: expect.stringContaining('what they denote is not documented') });
    expect(plain?.extra).not.toHaveProperty('editInfo');
  });
});
