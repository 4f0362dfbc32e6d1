import { describe, expect, it } from 'vitest';
import { metaMessagesParser, sniffMetaMessages } from '../../../../../workers/import/meta/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A thread whose messages were all deleted, or that holds only its participants, is written with
 * an empty "messages" list (FORMATS.md §3: participants, title, thread_path are always there).
 * It is still a Meta thread: a chat with its title and participants and no message.
 */
const EMPTY_THREAD = JSON.stringify({
  participants: [{ name: 'Irina Popescu' }, { name: '\u00c8\u0098tefan' }],
  messages: [],
  title: 'Irina Popescu',
  is_still_participant: true,
  thread_path: 'inbox/irinapopescu_8842',
  magic_words: [],
}, null, 2);
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('a Meta thread with no messages', () => {
  it('is recognised as a Meta message file', () => {
    expect(sniffMetaMessages(encode(EMPTY_THREAD))).toBe(true);
    // Older exports: thread_type instead of thread_path, compact JSON.
    expect(sniffMetaMessages(encode('{"participants":[{"name":"a"},{"name":"b"}],"messages":[],"title":"a","is_still_participant":true,"thread_type":"Regular"}'))).toBe(true);
  });

  it('imports as a chat with its title and participants and zero messages', async () => {
    const { chats, messages, warnings, outcome } = await runParser(metaMessagesParser, inputFromText(EMPTY_THREAD, { displayName: 'your_facebook_activity/messages/inbox/irinapopescu_8842/message_1.json' }));
    expect(messages).toEqual([]);
    expect(warnings).toEqual([]);
    expect(chats).toEqual([{ key: 'inbox/irinapopescu_8842', mergeKey: 'inbox/irinapopescu_8842', mergeWithinFolder: true, title: 'Irina Popescu', kind: 'private', participants: [{ name: 'Irina Popescu' }, { name: 'Ștefan' }] }]);
    expect(outcome.details).toMatchObject({ messages: 0, complete: true });
  });

  it('does not take other JSON with an empty "messages" list for Meta', () => {
    expect(sniffMetaMessages(encode('{"messages":[]}'))).toBe(false);
    expect(sniffMetaMessages(encode('{"title":"x","messages":[]}'))).toBe(false);
    expect(sniffMetaMessages(encode('{"participants":["a","b"],"title":"x","messages":[],"thread_path":"inbox/x"}'))).toBe(false);
    expect(sniffMetaMessages(encode('{"participants":[{"name":"a"}],"messages":[]}'))).toBe(false);
    // Telegram's empty chat: name/type/id, never participants.
    expect(sniffMetaMessages(encode('{"name":"Ana","type":"personal_chat","id":1,"messages":[]}'))).toBe(false);
  });
});
