import { describe, expect, it } from 'vitest';

import { iosSmsDbParser } from '../../../../../workers/import/ios-sms/index.ts';
import { MAX_CHATS_PER_MESSAGE } from '../../../../../workers/import/ios-sms/chats.ts';
import { IOS_SMS_MESSAGE_TABLE, IOS_SMS_TABLES_BESIDE_MESSAGE } from '../../../../support/ios-sms-tables.ts';
import { buildDatabase, checkParsedInvariants, runParser } from '../../../../support/sqlite-parser-harness.ts';

/**
 * Regression: chats.ts listed at most 100 members of a chat (`else if (list.length < 100)`), so the
 * participants of a larger group past the hundredth were silently lost. Every member is kept now,
 * once each however often chat_handle_join repeats one.
 */

const MEMBERS = 150;
const number = (index: number): string => `+1555${String(index).padStart(7, '0')}`;

function schema(extra = ''): string {
  const handles = Array.from({ length: MEMBERS }, (_, index) => `(${index + 1}, '${number(index + 1)}', 'iMessage')`).join(', ');
  const joins = Array.from({ length: MEMBERS }, (_, index) => `(1, ${index + 1})`).join(', ');
  return `
    ${IOS_SMS_MESSAGE_TABLE}
    ${IOS_SMS_TABLES_BESIDE_MESSAGE}
    INSERT INTO handle VALUES ${handles};
    INSERT INTO chat VALUES (1, 'iMessage;+;chat150', 43, 'chat150', 'iMessage', 'Big group');
    INSERT INTO chat_handle_join VALUES ${joins};
    -- Repeated join rows name no new member.
    INSERT INTO chat_handle_join VALUES (1, 1), (1, 150), (1, 1);
    INSERT INTO message (ROWID, guid, text, handle_id, date) VALUES (1, 'M1', 'hello all', 150, 599079037641931008);
    INSERT INTO chat_message_join (chat_id, message_id) VALUES (1, 1);
    ${extra}
  `;
}

describe('regression: an iOS group chat of more than 100 members', () => {
  it('keeps all 150 members as the chat\'s participants, each once, in the join table\'s order', async () => {
    const run = await runParser(iosSmsDbParser, await buildDatabase(schema()), 'sms.db');
    expect(checkParsedInvariants(run, 'sms.db')).toEqual([]);
    const chat = run.sink.chats.find((candidate) => candidate.key === 'chat:iMessage;+;chat150');
    expect(chat?.title).toBe('Big group');
    expect(chat?.participants?.map((participant) => participant.id)).toEqual(Array.from({ length: MEMBERS }, (_, index) => number(index + 1)));
  });

  it('titles an unnamed group after its first five members and how many others (it was titled with all 150 numbers)', async () => {
    const run = await runParser(iosSmsDbParser, await buildDatabase(schema().replace("'Big group'", 'NULL')), 'sms.db');
    const chat = run.sink.chats.find((candidate) => candidate.key === 'chat:iMessage;+;chat150');
    expect(chat?.title).toBe(`${[1, 2, 3, 4, 5].map(number).join(', ')} and 145 others`);
    expect(chat?.participants).toHaveLength(MEMBERS);
  });

  it('lists at most the chats a message may be in that are read, and says how many more the join table names', async () => {
    const chats = Array.from({ length: MAX_CHATS_PER_MESSAGE + 4 }, (_, index) => `(${index + 2}, 'iMessage;+;other${index}', 43, 'other${index}', 'iMessage', NULL)`).join(', ');
    const joins = Array.from({ length: MAX_CHATS_PER_MESSAGE + 4 }, (_, index) => `(${index + 2}, 1)`).join(', ');
    const run = await runParser(iosSmsDbParser, await buildDatabase(schema(`INSERT INTO chat VALUES ${chats}; INSERT INTO chat_message_join (chat_id, message_id) VALUES ${joins};`)), 'sms.db');
    const [message] = run.sink.messages;
    expect(message?.chatKey).toBe('chat:iMessage;+;chat150');
    expect(message?.extra?.['alsoInChats']).toHaveLength(MAX_CHATS_PER_MESSAGE - 1);
    expect(message?.extra?.['alsoInChatsNotListed']).toBe(`joined to 5 more chats in chat_message_join than the ${MAX_CHATS_PER_MESSAGE} listed`);
  });
});
