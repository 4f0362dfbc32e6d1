import { describe, expect, it } from 'vitest';
import type { ParsedMessage } from '../../../../../shared/contracts/parsed-source.ts';
import { telegramJsonParser } from '../../../../../workers/import/telegram/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * FORMATS.md §2.1 and §2.2, one shape at a time, on small result.json documents written here
 * in the shape Telegram Desktop's JSON writer gives them (keys omitted when empty, name fields
 * null for deleted accounts, `date_unixtime` a string). The fixtures cover the common messages;
 * these pin the shapes they do not: the full-account owner with a deleted sender, every
 * "file left out" note, entity types the importer has never seen, actions with no actor,
 * `text_entities` without `text`, and exports that carry only one of the two dates.
 */

const OWNER_ID = 42;
const T0 = 1_700_000_000;

function fullAccount(messages: unknown[]): string {
  return JSON.stringify({
    about: 'Here is the data you requested.',
    personal_information: { user_id: OWNER_ID, first_name: 'Owner', last_name: 'Test', phone_number: '+40 700 000 001', bio: '' },
    contacts: { about: 'contacts', list: [{ first_name: 'Never', last_name: 'Imported', phone_number: '+40 700 000 009', date: '2023-01-01T00:00:00' }] },
    chats: { about: 'chats', list: [{ name: 'Recruiter', type: 'personal_chat', id: 7001, messages }] },
  });
}

async function parse(json: string): Promise<ParsedMessage[]> {
  return (await runParser(telegramJsonParser, inputFromText(json, { displayName: 'result.json' }))).messages;
}

const pointerOf = (message: ParsedMessage | undefined): string | null => (message?.locator.kind === 'json-pointer' ? message.locator.pointer : null);

describe('Telegram JSON (FORMATS.md §2.1): senders and direction in a full-account export', () => {
  it('keeps the id of a deleted account (from: null) and still tells its direction from the owner', async () => {
    const [deleted, mine, legacy] = await parse(
      fullAccount([
        { id: 1, type: 'message', date: '2023-11-14T22:13:20', date_unixtime: String(T0), from: null, from_id: 'user7001', text: 'where are you' },
        { id: 2, type: 'message', date: '2023-11-14T22:13:21', date_unixtime: String(T0 + 1), from: 'Owner Test', from_id: `user${OWNER_ID}`, text: 'at the station' },
        // Old exports wrote from_id as a bare integer (§2.2); it is still the owner.
        { id: 3, type: 'message', date: '2023-11-14T22:13:22', date_unixtime: String(T0 + 2), from: 'Owner Test', from_id: OWNER_ID, text: 'platform 2' },
      ]),
    );
    // Named as Telegram shows a deleted account, with its id; the exporter's null stays in extra.
    expect(deleted).toMatchObject({ kind: 'message', sender: 'Deleted Account (user7001)', senderId: 'user7001', extra: { from: null }, direction: 'incoming', time: { utcMs: T0 * 1000 }, text: 'where are you', deleted: false });
    expect(pointerOf(deleted)).toBe('/chats/list/0/messages/0');
    expect(mine).toMatchObject({ sender: 'Owner Test', senderId: `user${OWNER_ID}`, direction: 'outgoing', time: { utcMs: (T0 + 1) * 1000 } });
    expect(legacy).toMatchObject({ sender: 'Owner Test', senderId: String(OWNER_ID), direction: 'outgoing' });
  });

  it('reads a single personal chat without personal_information by its id, the other person\'s user id', async () => {
    const json = JSON.stringify({ name: 'Recruiter', type: 'personal_chat', id: 7001, messages: [{ id: 1, type: 'message', date_unixtime: String(T0), from: 'Recruiter', from_id: 'user7001', text: 'hi' }] });
    const [message] = await parse(json);
    expect(message).toMatchObject({ sender: 'Recruiter', senderId: 'user7001', direction: 'incoming' });
  });

  it('gives no direction in a single group export without personal_information', async () => {
    const json = JSON.stringify({ name: 'Jobs', type: 'private_supergroup', id: 7001, messages: [{ id: 1, type: 'message', date_unixtime: String(T0), from: 'Recruiter', from_id: 'user7001', text: 'hi' }] });
    const [message] = await parse(json);
    expect(message).toMatchObject({ senderId: 'user7001', direction: null });
  });
});

describe('Telegram JSON (FORMATS.md §2.1): text as a string, as an entity array, or only as text_entities', () => {
  it('flattens every entity type, including ones the importer does not know, without losing their text', async () => {
    const [message] = await parse(
      fullAccount([
        {
          id: 1,
          type: 'message',
          date_unixtime: String(T0),
          from: 'Recruiter',
          from_id: 'user7001',
          text: [
            'Pay ',
            { type: 'bold', text: '300' },
            ' to ',
            { type: 'bank_card', text: '4111 1111 1111 1111' },
            ' ',
            { type: 'spoiler', text: 'tonight' },
            ' ',
            { type: 'custom_emoji', text: '💶', document_id: 5368324170671202286 },
            ' ',
            { type: 'mention_name', text: 'Ana', user_id: 7002 },
            ' ',
            { type: 'pre', text: 'code 7', language: '' },
            ' ',
            { type: 'a_type_from_a_future_version', text: 'kept', whatever: true },
          ],
          text_entities: [{ type: 'plain', text: 'ignored when text is there' }],
        },
      ]),
    );
    expect(message?.text).toBe('Pay 300 to 4111 1111 1111 1111 tonight 💶 Ana code 7 kept');
  });

  it('reads text_entities when a message has no text key', async () => {
    const [message] = await parse(
      fullAccount([{ id: 1, type: 'message', date_unixtime: String(T0), from: 'Recruiter', from_id: 'user7001', text_entities: [{ type: 'plain', text: 'only ' }, { type: 'text_link', text: 'here', href: 'https://pay.example.invalid' }] }]),
    );
    expect(message?.text).toBe('only here (https://pay.example.invalid)');
  });

  it('keeps the line and paragraph separators Telegram escapes as \\u2028 and \\u2029', async () => {
    const json = `{"name":"c","type":"personal_chat","id":1,"messages":[{"id":1,"type":"message","date_unixtime":"${T0}","from":"a","from_id":"user1","text":"one\\u2028two\\u2029three"}]}`;
    const [message] = await parse(json);
    expect(message?.text).toBe('one\u2028two\u2029three');
  });
});

describe('Telegram JSON (FORMATS.md §2.1): service messages', () => {
  it('makes a system line of each action, naming the actor, and of a custom information_text', async () => {
    const messages = await parse(
      fullAccount([
        { id: 1, type: 'service', date_unixtime: String(T0), actor: 'Recruiter', actor_id: 'user7001', action: 'pin_message', message_id: 9, text: '' },
        { id: 2, type: 'service', date_unixtime: String(T0 + 1), actor: 'Recruiter', actor_id: 'user7001', action: 'join_group_by_link', inviter: 'Boss', text: '' },
        // A deleted account as actor: the name is null; the line names it as Telegram does, with its id.
        { id: 3, type: 'service', date_unixtime: String(T0 + 2), actor: null, actor_id: 'user7003', action: 'phone_call', duration_seconds: 61, discard_reason: 'missed', text: '' },
        { id: 4, type: 'service', date_unixtime: String(T0 + 3), actor: 'Recruiter', actor_id: 'user7001', action: 'set_messages_ttl', period: 86400, text: '' },
        { id: 5, type: 'service', date_unixtime: String(T0 + 4), actor: 'Recruiter', actor_id: 'user7001', information_text: 'Recruiter took a screenshot', text: '' },
      ]),
    );
    expect(messages.map((message) => [message.kind, message.sender, message.direction, message.text])).toEqual([
      ['system', null, null, 'Recruiter: pin_message (message_id: 9)'],
      ['system', null, null, 'Recruiter: join_group_by_link (inviter: Boss)'],
      // A phone call is a call record: its sender is the caller, with the caller's direction (json-call.ts).
      ['system', 'Deleted Account (user7003)', 'incoming', 'Deleted Account (user7003): phone_call (duration_seconds: 61; discard_reason: missed)'],
      ['system', null, null, 'Recruiter: set_messages_ttl (period: 86400)'],
      ['system', null, null, 'Recruiter took a screenshot'],
    ]);
    // Who acted is evidence too: the actor's id is kept even when the name is gone.
    expect(messages[2]?.extra).toMatchObject({ actor: null, actor_id: 'user7003', action: 'phone_call', recordType: 'call', outcome: 'missed', durationSeconds: 61 });
    expect(messages[4]?.time).toEqual({ utcMs: (T0 + 4) * 1000 });
  });

  it('keeps the data sent to a web app (send_webview_data), which the exporter writes as a first "text" key before the message\'s own', async () => {
    // export_output_json.cpp pushes "text" for this action, then always pushes the message's
    // "text" too: the object has the key twice and a plain JSON reader keeps only the empty one.
    const json = fullAccount([]).replace(
      '"messages":[]',
      `"messages":[{"id":1,"type":"service","date_unixtime":"${T0}","action":"send_webview_data","text":"Order #5521 confirmed","text":"","text_entities":[]}]`,
    );
    const [message] = await parse(json);
    expect(message).toMatchObject({ kind: 'system', extra: { duplicateKeys: [{ key: 'text', value: 'Order #5521 confirmed' }] } });
  });

  it('keeps who came near whom in proximity_reached, which names them in from/to, not actor', async () => {
    // export_output_json.cpp writes "from", "from_id", "to", "to_id" and "distance" for this action.
    const [message] = await parse(
      fullAccount([{ id: 1, type: 'service', date_unixtime: String(T0), action: 'proximity_reached', from: 'Recruiter', from_id: 'user7001', to: 'Owner Test', to_id: `user${OWNER_ID}`, distance: 50, text: '' }]),
    );
    expect(message).toMatchObject({ kind: 'system', sender: null });
    expect(message?.extra).toMatchObject({ from: 'Recruiter', from_id: 'user7001', to: 'Owner Test', to_id: `user${OWNER_ID}`, distance: 50 });
  });
});

describe('Telegram JSON (FORMATS.md §2.1): forwarded, replied, edited, media left out', () => {
  it('keeps forwarded_from (null for a deleted account), saved_from and the reply target', async () => {
    const [forwarded, saved, reply] = await parse(
      fullAccount([
        { id: 1, type: 'message', date_unixtime: String(T0), from: 'Recruiter', from_id: 'user7001', forwarded_from: null, text: 'fwd from a deleted account' },
        { id: 2, type: 'message', date_unixtime: String(T0 + 1), from: 'Owner Test', from_id: `user${OWNER_ID}`, saved_from: 'Jobs abroad', text: 'saved' },
        { id: 3, type: 'message', date_unixtime: String(T0 + 2), from: 'Recruiter', from_id: 'user7001', reply_to_message_id: 1, reply_to_peer_id: 'channel99', text: 'see above' },
      ]),
    );
    expect(forwarded).toMatchObject({ sender: 'Recruiter', direction: 'incoming', text: 'fwd from a deleted account' });
    expect(forwarded?.extra).toHaveProperty('forwarded_from', null);
    expect(saved).toMatchObject({ direction: 'outgoing', extra: { saved_from: 'Jobs abroad' } });
    expect(reply?.extra).toMatchObject({ reply_to_message_id: 1, reply_to_peer_id: 'channel99' });
  });

  it('marks an edit written only as edited (no edited_unixtime)', async () => {
    const [message] = await parse(fullAccount([{ id: 1, type: 'message', date: '2019-02-14T21:03:09', from: 'Recruiter', from_id: 7001, edited: '2019-02-14T21:04:00', text: 'changed' }]));
    expect(message).toMatchObject({ edited: true, extra: { edited: '2019-02-14T21:04:00' } });
  });

  it.each([
    '(File not included. Change data exporting settings to download.)',
    '(File exceeds maximum size. Change data exporting settings to download.)',
    '(File unavailable, please try again later)',
  ])('records a file the export left out as omitted, never as a path: %s', async (note) => {
    const [photo, voice] = await parse(
      fullAccount([
        { id: 1, type: 'message', date_unixtime: String(T0), from: 'Recruiter', from_id: 'user7001', photo: note, width: 1280, height: 960, text: '' },
        { id: 2, type: 'message', date_unixtime: String(T0 + 1), from: 'Recruiter', from_id: 'user7001', file: note, thumbnail: note, media_type: 'voice_message', mime_type: 'audio/ogg', duration_seconds: 4, text: '' },
      ]),
    );
    expect(photo?.attachments).toEqual([{ kind: 'omitted', mediaType: 'image' }]);
    expect(voice?.attachments).toEqual([{ kind: 'omitted', mediaType: 'audio', mimeType: 'audio/ogg' }]);
  });

  it('keeps the note saying why a file was left out (not included, too big, unavailable) beside the omitted attachment', async () => {
    const tooBig = '(File exceeds maximum size. Change data exporting settings to download.)';
    const notIncluded = '(File not included. Change data exporting settings to download.)';
    const [photo, document] = await parse(
      fullAccount([
        { id: 1, type: 'message', date_unixtime: String(T0), from: 'Recruiter', from_id: 'user7001', photo: tooBig, width: 1280, height: 960, text: '' },
        { id: 2, type: 'message', date_unixtime: String(T0 + 1), from: 'Recruiter', from_id: 'user7001', file: notIncluded, file_name: 'contract.pdf', mime_type: 'application/pdf', text: '' },
      ]),
    );
    expect(photo?.attachments).toEqual([{ kind: 'omitted', mediaType: 'image' }]);
    expect(photo?.extra).toMatchObject({ photo: tooBig });
    expect(document?.extra).toMatchObject({ file: notIncluded });
  });

  it('gives a shared contact\'s vCard file the size the exporter wrote for it (contact_vcard_file_size)', async () => {
    const [contact] = await parse(
      fullAccount([
        { id: 1, type: 'message', date_unixtime: String(T0), from: 'Recruiter', from_id: 'user7001', contact_information: { first_name: 'Driver', last_name: '', phone_number: '+40 711 000 111' }, contact_vcard: 'contacts/contact_1.vcard', contact_vcard_file_size: 187, text: '' },
      ]),
    );
    expect(contact?.attachments).toEqual([{ kind: 'attached', mediaType: 'contact', mimeType: 'text/vcard', size: 187, path: 'contacts/contact_1.vcard', fileName: 'contact_1.vcard' }]);
  });

  it('turns inline contact and location cards into attachments and keeps their details', async () => {
    const [contact, location] = await parse(
      fullAccount([
        { id: 1, type: 'message', date_unixtime: String(T0), from: 'Recruiter', from_id: 'user7001', contact_information: { first_name: 'Driver', last_name: '', phone_number: '+40 711 000 111' }, text: '' },
        { id: 2, type: 'message', date_unixtime: String(T0 + 1), from: 'Recruiter', from_id: 'user7001', location_information: { latitude: 45.75, longitude: 21.22 }, live_location_period_seconds: 900, text: '' },
      ]),
    );
    expect(contact?.attachments).toEqual([{ kind: 'attached', mediaType: 'contact' }]);
    expect(contact?.extra?.['contact_information']).toEqual({ first_name: 'Driver', last_name: '', phone_number: '+40 711 000 111' });
    expect(location?.attachments).toEqual([{ kind: 'attached', mediaType: 'location' }]);
    expect(location?.extra?.['location_information']).toEqual({ latitude: 45.75, longitude: 21.22 });
  });
});

describe('Telegram JSON (FORMATS.md §2.2): version drift in dates', () => {
  it('reads a message with only date (wall clock) beside one with only date_unixtime (UTC)', async () => {
    const [onlyDate, onlyUnix] = await parse(
      fullAccount([
        { id: 1, type: 'message', date: '2020-03-01T09:30:00', from: 'Recruiter', from_id: 7001, text: 'old' },
        { id: 2, type: 'message', date_unixtime: String(T0), from: 'Recruiter', from_id: 'user7001', text: 'new' },
      ]),
    );
    expect(onlyDate).toMatchObject({ time: { wall: { year: 2020, month: 3, day: 1, hour: 9, minute: 30, second: 0 } }, timestampText: '2020-03-01T09:30:00' });
    expect(onlyUnix).toMatchObject({ time: { utcMs: T0 * 1000 }, timestampText: String(T0) });
  });

  it('falls back to the local date when date_unixtime is there but unreadable (hand-edited files), and says which was read', async () => {
    const json = fullAccount([
      { id: 1, type: 'message', date: '2020-03-01T09:30:00', date_unixtime: '', from: 'Recruiter', from_id: 'user7001', text: 'emptied' },
      { id: 2, type: 'message', date: '2020-03-01T09:31:00', date_unixtime: '15830551x0', from: 'Recruiter', from_id: 'user7001', text: 'mangled' },
    ]);
    const { messages, warnings } = await runParser(telegramJsonParser, inputFromText(json, { displayName: 'result.json' }));
    expect(messages[0]).toMatchObject({ time: { wall: { year: 2020, month: 3, day: 1, hour: 9, minute: 30, second: 0 } }, timestampText: '2020-03-01T09:30:00' });
    expect(messages[1]).toMatchObject({ time: { wall: { year: 2020, month: 3, day: 1, hour: 9, minute: 31, second: 0 } }, timestampText: '2020-03-01T09:31:00' });
    expect(messages[1]?.extra?.['dateUnixtimeUnread']).toBe('15830551x0');
    expect(warnings.map((warning) => warning.message)).toEqual([
      'date_unixtime "" could not be read; the local date "2020-03-01T09:30:00" (the exporting computer\'s clock, no zone) was used',
      'date_unixtime "15830551x0" could not be read; the local date "2020-03-01T09:31:00" (the exporting computer\'s clock, no zone) was used',
    ]);
  });

  it('titles the chats the exporter never names (saved_messages, replies) by their type, not by their place', async () => {
    // export_output_json.cpp writes no "name" for Type::Self and Type::Replies.
    const json = JSON.stringify({
      personal_information: { user_id: OWNER_ID, first_name: 'Owner' },
      chats: { about: 'chats', list: [
        { type: 'saved_messages', id: OWNER_ID, messages: [{ id: 1, type: 'message', date_unixtime: String(T0), from: 'Owner', from_id: `user${OWNER_ID}`, text: 'note' }] },
        { type: 'replies', id: 1271266957, messages: [] },
      ] },
    });
    const { chats } = await runParser(telegramJsonParser, inputFromText(json, { displayName: 'result.json' }));
    expect(chats.map((chat) => [chat.key, chat.title])).toEqual([[String(OWNER_ID), 'Saved Messages'], ['1271266957', 'Replies']]);
  });

  it('titles the Verification Codes chat by its type: the exporter writes no name for it either', async () => {
    // export_output_json.cpp (writeDialogStart) leaves "name" out for Self, Replies and VerifyCodes.
    const json = JSON.stringify({
      personal_information: { user_id: OWNER_ID, first_name: 'Owner' },
      chats: { about: 'chats', list: [
        { type: 'verification_codes', id: 489000, messages: [{ id: 1, type: 'message', date_unixtime: String(T0), from: 'Verification Codes', from_id: 'user489000', text: 'Login code: 12345' }] },
      ] },
    });
    const { chats } = await runParser(telegramJsonParser, inputFromText(json, { displayName: 'result.json' }));
    expect(chats.map((chat) => [chat.key, chat.title])).toEqual([['489000', 'Verification Codes']]);
  });

  it('reads a chat with no id (early exports) under its name, and keeps chats of the same name apart', async () => {
    const json = JSON.stringify({
      personal_information: { user_id: OWNER_ID },
      chats: {
        list: [
          { name: 'Work', type: 'private_group', messages: [{ id: 1, type: 'message', date: '2018-05-01T10:00:00', from: 'A', from_id: 1, text: 'first Work' }] },
          { name: 'Work', type: 'private_group', messages: [{ id: 1, type: 'message', date: '2018-05-01T11:00:00', from: 'B', from_id: 2, text: 'second Work' }] },
        ],
      },
    });
    const result = await runParser(telegramJsonParser, inputFromText(json, { displayName: 'result.json' }));
    expect(result.chats).toHaveLength(2);
    expect(result.chats[0]?.key).not.toBe(result.chats[1]?.key);
    expect(result.chats.every((chat) => chat.mergeKey === undefined && chat.title === 'Work')).toBe(true);
    expect(result.messages.map((message) => [message.chatKey, message.text])).toEqual([
      [result.chats[0]?.key, 'first Work'],
      [result.chats[1]?.key, 'second Work'],
    ]);
  });
});

describe('Telegram JSON (FORMATS.md §2.1): media_type of a file', () => {
  it.each([
    ['sticker', 'stickers/sticker.webp', 'sticker'],
    ['video_message', 'round_video_messages/file_0.mp4', 'video'],
    ['voice_message', 'voice_messages/audio_1.ogg', 'audio'],
    ['animation', 'animations/gif_1.mp4', 'gif'],
    ['video_file', 'video_files/video_1.mp4', 'video'],
    ['audio_file', 'files/song.mp3', 'audio'],
    ['a_media_type_from_a_future_version', 'files/thing.bin', 'unknown'],
  ])('%s → %s attachment linked at its path, the thumbnail not counted as a second file but as its stand-in', async (mediaType, file, expected) => {
    const [message] = await parse(
      fullAccount([{ id: 1, type: 'message', date_unixtime: String(T0), from: 'Recruiter', from_id: 'user7001', file, thumbnail: `${file}_thumb.jpg`, media_type: mediaType, sticker_emoji: '👍', text: '' }]),
    );
    const thumbnail = `${file}_thumb.jpg`;
    const standIn = { kind: 'attached', mediaType: 'image', path: thumbnail, fileName: thumbnail.split('/').pop() };
    expect(message?.attachments).toEqual([{ kind: 'attached', mediaType: expected, path: file, fileName: file.split('/').pop(), whenMissing: standIn }]);
    expect(message?.extra).toMatchObject({ media_type: mediaType, thumbnail });
  });

  it('calls a file without media_type a document, with its own file_name and mime_type', async () => {
    const [message] = await parse(
      fullAccount([{ id: 1, type: 'message', date_unixtime: String(T0), from: 'Recruiter', from_id: 'user7001', file: 'files/contract (1).pdf', file_name: 'contract.pdf', file_size: 2048, mime_type: 'application/pdf', text: 'sign this' }]),
    );
    expect(message?.attachments).toEqual([{ kind: 'attached', mediaType: 'document', mimeType: 'application/pdf', size: 2048, path: 'files/contract (1).pdf', fileName: 'contract.pdf' }]);
  });
});

describe('Telegram JSON (FORMATS.md §2.1): chat types', () => {
  it.each([
    ['personal_chat', 'private'],
    ['bot_chat', 'private'],
    ['saved_messages', 'private'],
    ['private_group', 'group'],
    ['private_supergroup', 'group'],
    ['public_supergroup', 'group'],
    ['private_channel', 'channel'],
    ['public_channel', 'channel'],
    ['a_chat_type_from_a_future_version', 'unknown'],
  ])('%s is a %s conversation', async (type, kind) => {
    const json = JSON.stringify({ name: 'c', type, id: 5, messages: [{ id: 1, type: 'message', date_unixtime: String(T0), from: 'a', from_id: 'user1', text: 'x' }] });
    const result = await runParser(telegramJsonParser, inputFromText(json, { displayName: 'result.json' }));
    expect(result.chats).toEqual([{ key: '5', mergeKey: '5', title: 'c', kind }]);
    // Without personal_information, Saved Messages is all the owner's, and a personal or bot chat's
    // id is the other person's (user5 here): user1 is the owner. A group says nothing.
    expect(result.messages[0]?.direction).toBe(['saved_messages', 'personal_chat', 'bot_chat'].includes(type) ? 'outgoing' : null);
  });
});
