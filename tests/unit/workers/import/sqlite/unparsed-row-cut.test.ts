/**
 * A row that cannot be read is kept raw under the shared RAW_TEXT_LIMIT, and its reason says when
 * the raw text was cut and by how much (it used to stop at 4000 characters with only a '…').
 */
import { describe, expect, it } from 'vitest';

import { RAW_TEXT_LIMIT } from '../../../../../workers/import/import-limits.ts';
import { columnsOf, openBytes, scanRows, selectExpressions, unparsedRow } from '../../../../../workers/import/sqlite/index.ts';
import { buildDatabase } from '../../../../support/sqlite-parser-harness.ts';

describe('an unparsed SQLite row longer than the raw-text cap', () => {
  it('keeps the first RAW_TEXT_LIMIT characters and says how many of how many', async () => {
    const bodyChars = 3 * RAW_TEXT_LIMIT;
    const bytes = await buildDatabase(
      `CREATE TABLE message (id INTEGER PRIMARY KEY, sender TEXT, body TEXT, data BLOB);
       INSERT INTO message VALUES (42, 'alice', 'A' || replace(hex(zeroblob(${bodyChars / 2 - 1})), '00', 'xy') || 'Z', zeroblob(5000));`,
    );
    const db = await openBytes(bytes, 'hostile.db');
    try {
      const select = selectExpressions(columnsOf(db, 'message'), 't', ['id', 'sender', 'body', { name: 'data', maxBytes: 100 }]);
      const [row] = [...scanRows(db, { table: 'message', select }, () => undefined)];
      expect(row).toBeDefined();
      const record = unparsedRow('hostile.db', 'message', row ?? {}, 'unattributed', new Error('no chat'));

      expect(record.text).toHaveLength(RAW_TEXT_LIMIT);
      expect(record.text.startsWith('__rowid=42\nid=42\nsender=alice\nbody=Axyxy')).toBe(true);
      expect(record.text.endsWith('Z')).toBe(false);
      // The whole rendering: every line, the body in full, and the unread blob by its size.
      const total = '__rowid=42\nid=42\nsender=alice\nbody='.length + bodyChars + '\ndata=<5000 bytes, too large to read>'.length;
      expect(record.reason).toBe(`message row 42 could not be read: no chat (raw text truncated to the first ${RAW_TEXT_LIMIT} of ${total} characters)`);
      expect(record.locator).toEqual({ kind: 'sqlite-row', file: 'hostile.db', table: 'message', rowid: 42 });
    } finally {
      db.close();
    }
  });

  it('keeps a short row whole, with no note, and names a blob left unread for its size', () => {
    const record = unparsedRow('sms.db', 'message', { __rowid: 7, text: 'hello', data: null, data__length: 9_000_000 }, 'unattributed', new Error('boom'));
    expect(record.text).toBe('__rowid=7\ntext=hello\ndata=<9000000 bytes, too large to read>');
    expect(record.reason).toBe('message row 7 could not be read: boom');
  });
});
