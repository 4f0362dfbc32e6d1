import { describe, expect, it } from 'vitest';

import { signalDesktopDbParser } from '../../../../../workers/import/signal-desktop/index.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { ANA, ANA_CONVERSATION, BASE_MS, NEW_SCHEMA, json } from './signal-desktop-schemas.ts';

/**
 * Regression: a message's files were looked up in message_attachments `ORDER BY a.orderInMessage,
 * a.rowid`. A message_attachments declared WITHOUT ROWID (its primary key is already the four
 * columns that name an attachment) has no rowid: the lookup threw "no such column: rowid" and the
 * whole database failed to import.
 */
describe('regression: Signal Desktop message_attachments declared WITHOUT ROWID', () => {
  it('lists the files in their order, and the import goes on', async () => {
    const run = await runParser(signalDesktopDbParser, await buildDatabase(`${NEW_SCHEMA}${ANA_CONVERSATION}
      CREATE TABLE message_attachments (messageId TEXT NOT NULL, editHistoryIndex INTEGER NOT NULL, attachmentType TEXT NOT NULL,
        orderInMessage INTEGER NOT NULL, conversationId TEXT NOT NULL, sentAt INTEGER NOT NULL, size INTEGER NOT NULL,
        contentType TEXT NOT NULL, path TEXT, fileName TEXT, flags INTEGER,
        PRIMARY KEY (messageId, editHistoryIndex, attachmentType, orderInMessage)) WITHOUT ROWID;
      INSERT INTO messages (rowid, id, json, sent_at, conversationId, type, body, sourceServiceId, hasAttachments) VALUES
        (1, 't1', ${json({ id: 't1' })}, ${BASE_MS}, 'c-ana', 'incoming', 'two photos', '${ANA}', 1);
      INSERT INTO message_attachments VALUES
        ('t1', -1, 'attachment', 1, 'c-ana', ${BASE_MS}, 300, 'image/jpeg', 'cd/second', 'second.jpg', NULL),
        ('t1', -1, 'attachment', 0, 'c-ana', ${BASE_MS}, 200, 'image/jpeg', 'ab/first', 'first.jpg', NULL);`), 'db.sqlite');
    expect(checkParsedInvariants(run, 'db.sqlite')).toEqual([]);
    expect(run.sink.messages[0]?.attachments.map((attachment) => attachment.fileName)).toEqual(['first.jpg', 'second.jpg']);
  });
});
