import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { instagramLegacyParser, metaMessagesParser, sniffInstagramLegacy, sniffMetaMessages } from '../../../../../workers/import/meta/index.ts';
import { detectFormat } from '../../../../../workers/import/detect-format.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Instagram's data download before late 2020 (one messages.json, every conversation of the
 * account, newest first): refused as no known format. The shape is a real export quoted in a
 * public guide; the media and action fields are those public parsers of it read.
 */
const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

const TWO_CONVERSATIONS = JSON.stringify([
  {
    participants: ['person1', 'person2', 'person3'],
    conversation: [
      { sender: 'person3', created_at: '2020-07-12T14:30:19.783799+00:00', text: 'Our very own group chat!' },
      { sender: 'person1', created_at: '2020-07-09T12:05:49.033851+00:00', text: null, media_url: 'https://scontent.cdninstagram.com/v/t51/photo_1.jpg?x=1', likes: [{ username: 'person2', date: '2020-07-09T16:38:07+00:00' }] },
      { sender: 'person1', created_at: '2020-07-08T06:51:20.897859+00:00', text: 'Hey everyone welcome to the groupchat!' },
    ],
  },
  {
    participants: ['person1', 'dana'],
    conversation: [
      { sender: 'dana', created_at: '2020-06-02T10:00:00+00:00', heart: '❤️' },
      { sender: 'dana', created_at: '2020-06-01T10:00:01+00:00', action: 'Liked a message' },
      { sender: 'person1', created_at: '2020-06-01T10:00:00+00:00', text: 'hi dana' },
    ],
  },
]);

describe('Instagram messages.json before late 2020', () => {
  it('is told from the current DYI files and Telegram by its content', () => {
    expect(sniffInstagramLegacy(bytes(TWO_CONVERSATIONS))).toBe(true);
    expect(sniffMetaMessages(bytes(TWO_CONVERSATIONS))).toBe(false);
    expect(sniffInstagramLegacy(bytes('{"participants":[{"name":"a"}],"messages":[{"sender_name":"a","timestamp_ms":1}]}'))).toBe(false);
    expect(sniffInstagramLegacy(bytes('[{"name":"x","type":"personal_chat","messages":[]}]'))).toBe(false);
  });

  it('writes each conversation oldest first, with the account holder (the one name in all of them) sending', async () => {
    const result = await runParser(instagramLegacyParser, inputFromText(TWO_CONVERSATIONS, { displayName: 'messages.json' }));
    const group = 'instagram:["person1","person2","person3"]';
    const dana = 'instagram:["dana","person1"]';
    expect(result.chats.map((chat) => [chat.key, chat.title, chat.kind])).toEqual([
      [group, 'person2, person3', 'group'],
      [dana, 'dana', 'private'],
    ]);
    expect(result.messages.map((message) => [message.chatKey, message.kind, message.sender, message.direction, message.text, message.time])).toEqual([
      [group, 'message', 'person1', 'outgoing', 'Hey everyone welcome to the groupchat!', { utcMs: Date.UTC(2020, 6, 8, 6, 51, 20, 897) }],
      [group, 'message', 'person1', 'outgoing', '', { utcMs: Date.UTC(2020, 6, 9, 12, 5, 49, 33) }],
      [group, 'message', 'person3', 'incoming', 'Our very own group chat!', { utcMs: Date.UTC(2020, 6, 12, 14, 30, 19, 783) }],
      [dana, 'message', 'person1', 'outgoing', 'hi dana', { utcMs: Date.UTC(2020, 5, 1, 10, 0, 0) }],
      [dana, 'system', null, null, 'Liked a message', { utcMs: Date.UTC(2020, 5, 1, 10, 0, 1) }],
      [dana, 'message', 'dana', 'incoming', '❤️', { utcMs: Date.UTC(2020, 5, 2, 10, 0, 0) }],
    ]);
    const photo = result.messages[1];
    expect(photo?.attachments).toEqual([{ kind: 'omitted', mediaType: 'image', fileName: 'photo_1.jpg' }]);
    expect(photo?.extra).toMatchObject({ media_url: 'https://scontent.cdninstagram.com/v/t51/photo_1.jpg?x=1', likes: [{ username: 'person2' }] });
    expect(result.messages[0]?.locator).toEqual({ kind: 'json-pointer', file: 'messages.json', pointer: '/0/conversation/2' });
    expect(result.outcome.details?.['accountHolder']).toMatchObject({ name: 'person1' });
  });

  it('keeps two conversations of the same members apart, and a name holding a comma apart from two names', async () => {
    const conversations = [
      { participants: ['ana', 'bo'], conversation: [{ sender: 'ana', created_at: '2020-06-01T10:00:00+00:00', text: 'group one' }] },
      { participants: ['bo', 'ana'], conversation: [{ sender: 'bo', created_at: '2020-06-01T11:00:00+00:00', text: 'group two' }] },
      { participants: ['a,b', 'c'], conversation: [{ sender: 'c', created_at: '2020-06-01T12:00:00+00:00', text: 'x' }] },
      { participants: ['a', 'b,c'], conversation: [{ sender: 'a', created_at: '2020-06-01T13:00:00+00:00', text: 'y' }] },
    ];
    const result = await runParser(instagramLegacyParser, inputFromText(JSON.stringify(conversations), { displayName: 'messages.json' }));
    expect(new Set(result.messages.map((message) => message.chatKey)).size).toBe(4);
  });

  it('names no holder from one conversation, and keeps what it read of a file cut short', async () => {
    const one = JSON.stringify([JSON.parse(TWO_CONVERSATIONS)[1]]);
    const cut = one.slice(0, one.indexOf('"action"'));
    const result = await runParser(instagramLegacyParser, inputFromText(cut, { displayName: 'messages.json' }));
    // The cut message has no time: written oldest first, it stands where the file's order puts it (first).
    expect(result.messages.map((message) => [message.kind, message.sender, message.direction])).toEqual([
      ['unparsed', null, null],
      ['message', 'dana', null],
    ]);
    expect(result.warnings.some((warning) => /reading stopped there/u.test(warning.message))).toBe(true);
  });

  it('is detected among the formats', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'threadline-ig-legacy-'));
    try {
      writeFileSync(join(folder, 'messages.json'), TWO_CONVERSATIONS);
      expect((await detectFormat(join(folder, 'messages.json'))).format).toBe('instagram-messages-json-legacy');
      expect(metaMessagesParser.format).not.toBe(instagramLegacyParser.format);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
