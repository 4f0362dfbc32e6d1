import { describe, expect, it } from 'vitest';
import { metaMessagesParser } from '../../../../../workers/import/meta/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * FORMATS.md §3 point by point, on small documents built here in the shape the section describes
 * (the fixture and the samples pin the rest). Strings are written the way Meta writes them: each
 * UTF-8 byte of a non-ASCII character as its own `\u00XX` escape.
 */

/** A string as Meta's DYI writer escapes it: UTF-8 bytes as \u00XX, inside JSON quotes. */
function metaEscaped(text: string): string {
  const escaped = [...new TextEncoder().encode(text)].map((byte) => (byte < 0x80 ? String.fromCharCode(byte) : `\\u00${byte.toString(16).padStart(2, '0')}`)).join('');
  return `"${escaped}"`;
}

const FB_THREAD = 'your_facebook_activity/messages/inbox/grupul_77';

describe('FORMATS.md §3: Meta DYI JSON', () => {
  it('repairs mojibake in the title, the participants, file names and share links, not only in content', async () => {
    const json = `{"participants":[{"name":${metaEscaped('Ștefan')}},{"name":${metaEscaped('Zoë')}},{"name":"Ana"}],
      "messages":[
        {"sender_name":${metaEscaped('Zoë')},"timestamp_ms":1712340002000,"content":"link","share":{"link":${metaEscaped('https://example.invalid/oferă?oraș=Iași')},"share_text":${metaEscaped('Ofertă')}}},
        {"sender_name":${metaEscaped('Ștefan')},"timestamp_ms":1712340001000,"files":[{"uri":${metaEscaped(`${FB_THREAD}/files/contract_muncă.pdf`)},"creation_timestamp":1712340001}]}
      ],
      "title":${metaEscaped('Grupul „Plecare”')},"thread_type":"RegularGroup","thread_path":"inbox/grupul_77","is_still_participant":true}`;
    const { chats, messages } = await runParser(metaMessagesParser, inputFromText(json, { displayName: `${FB_THREAD}/message_1.json` }));
    expect(chats).toEqual([
      { key: 'inbox/grupul_77', mergeKey: 'inbox/grupul_77', mergeWithinFolder: true, title: 'Grupul „Plecare”', kind: 'group', participants: [{ name: 'Ștefan' }, { name: 'Zoë' }, { name: 'Ana' }] },
    ]);
    const [file, share] = messages;
    expect(file).toMatchObject({ sender: 'Ștefan', kind: 'message', direction: null, deleted: false, time: { utcMs: 1712340001000 }, text: '', locator: { kind: 'json-pointer', pointer: '/messages/1' } });
    expect(file?.attachments).toEqual([{ kind: 'attached', mediaType: 'document', fileName: 'contract_muncă.pdf', path: `${FB_THREAD}/files/contract_muncă.pdf`, alternativePaths: ['files/contract_muncă.pdf'], downloadPath: `${FB_THREAD}/files/contract_muncă.pdf` }]);
    expect(share).toMatchObject({ sender: 'Zoë', text: 'link', time: { utcMs: 1712340002000 }, attachments: [] });
    expect(share?.extra?.['share']).toEqual({ link: 'https://example.invalid/oferă?oraș=Iași', share_text: 'Ofertă' });
  });

  it('makes Unsubscribe a system line with the actor, a missed call a call record, and keeps geoblocking in extra', async () => {
    const json = `{"participants":[{"name":"Ana"},{"name":"Ion"}],"messages":[
        {"sender_name":"Ion","timestamp_ms":1712340003000,"content":"Ion left the group.","type":"Unsubscribe","users":[{"name":"Ion"}]},
        {"sender_name":"Ana","timestamp_ms":1712340002000,"content":"Ana missed your call.","type":"Call","call_duration":0,"missed":true},
        {"sender_name":"Ana","timestamp_ms":1712340001000,"content":"hidden","is_geoblocked_for_viewer":true}
      ],"title":"Ion","thread_type":"Regular","thread_path":"inbox/ion_5"}`;
    const { chats, messages } = await runParser(metaMessagesParser, inputFromText(json, { displayName: 'message_1.json' }));
    expect(chats[0]?.kind).toBe('private');
    expect(messages.map((message) => [message.kind, message.sender, message.text])).toEqual([
      ['message', 'Ana', 'hidden'],
      ['system', 'Ana', 'Ana missed your call.'],
      ['system', null, 'Ion left the group.'],
    ]);
    expect(messages[0]?.extra?.['is_geoblocked_for_viewer']).toBe(true);
    expect(messages[1]?.extra).toMatchObject({ type: 'Call', call_duration: 0, missed: true, recordType: 'call', outcome: 'missed' });
    expect(messages[2]?.extra).toMatchObject({ actor: 'Ion', users: [{ name: 'Ion' }] });
  });

  it('reads a 2024 message without "type", a video (its thumbnail is not a second file) and an AI sticker', async () => {
    const json = `{"participants":[{"name":"Ana"},{"name":"Ion"}],"messages":[
        {"sender_name":"Ion","timestamp_ms":1712340002000,"sticker":{"uri":"your_facebook_activity/messages/stickers_used/ai_1.png","ai_stickers":[]}},
        {"sender_name":"Ana","timestamp_ms":1712340001000,"videos":[{"uri":"${FB_THREAD}/videos/v.mp4","creation_timestamp":1712340001,"thumbnail":{"uri":"${FB_THREAD}/videos/thumb.jpg"}}]}
      ],"thread_path":"inbox/ion_5"}`;
    const { messages } = await runParser(metaMessagesParser, inputFromText(json, { displayName: 'message_1.json' }));
    expect(messages[0]).toMatchObject({ kind: 'message', sender: 'Ana', text: '', time: { utcMs: 1712340001000 } });
    expect(messages[0]?.attachments).toEqual([{ kind: 'attached', mediaType: 'video', fileName: 'v.mp4', path: `${FB_THREAD}/videos/v.mp4` }]);
    expect(messages[1]?.attachments).toEqual([{ kind: 'attached', mediaType: 'sticker', fileName: 'ai_1.png', path: 'your_facebook_activity/messages/stickers_used/ai_1.png', alternativePaths: ['../../stickers_used/ai_1.png'] }]);
  });

  it('recognises Instagram by its path and keys the thread by thread_path', async () => {
    const json = '{"participants":[{"name":"ana.ig"},{"name":"ion.ig"}],"messages":[{"sender_name":"ana.ig","timestamp_ms":1712340001000,"content":"salut"}],"title":"ana.ig","thread_path":"inbox/anaig_1789"}';
    const { chats, outcome } = await runParser(metaMessagesParser, inputFromText(json, { displayName: 'your_instagram_activity/messages/inbox/anaig_1789/message_1.json' }));
    expect(chats[0]?.key).toBe('inbox/anaig_1789');
    expect(outcome.details['platform']).toBe('instagram');
    expect(outcome.formatVersion).toBe('meta-dyi-json');
  });
});

describe('FORMATS.md §3: the end-to-end-encrypted (camelCase) export is proper UTF-8', () => {
  // Regression: every string was "repaired", so a real "Ã©" typed in an E2EE chat became "é".
  it('keeps text, names and the thread name exactly as written, even where they look like mojibake', async () => {
    const json = '{"participants":["Ana","Ã©lise"],"threadName":"Ã© group","messages":[{"senderName":"Ã©lise","timestamp":1712340000000,"text":"Ã© is what broken French looks like","type":"text","isUnsent":false,"media":[],"reactions":[{"reaction":"â¤","actor":"Ana"}]}]}';
    const { chats, messages, outcome } = await runParser(metaMessagesParser, inputFromText(json, { displayName: 'secure_storage/e2ee.json' }));
    expect(chats[0]).toMatchObject({ title: 'Ã© group', participants: [{ name: 'Ana' }, { name: 'Ã©lise' }] });
    expect(messages[0]).toMatchObject({ sender: 'Ã©lise', text: 'Ã© is what broken French looks like', deleted: false, time: { utcMs: 1712340000000 } });
    expect(messages[0]?.extra?.['reactions']).toEqual([{ reaction: 'â¤', actor: 'Ana' }]);
    expect(outcome.details['mojibakeStringsRepaired']).toBe(0);
  });
});

describe('FORMATS.md §3: unsent flags', () => {
  // Regression: only is_unsent / isUnsent marked a message deleted; an image a Messenger Kids
  // parent unsent read as a live message.
  it('marks is_unsent and is_unsent_image_by_messenger_kid_parent deleted, and a false flag not', async () => {
    const json = `{"participants":[{"name":"Ana"},{"name":"Ion"}],"messages":[
        {"sender_name":"Ion","timestamp_ms":1712340003000,"content":"still here","is_unsent":false,"is_unsent_image_by_messenger_kid_parent":false},
        {"sender_name":"Ana","timestamp_ms":1712340002000,"photos":[{"uri":"${FB_THREAD}/photos/kid.jpg","creation_timestamp":1712340002}],"is_unsent_image_by_messenger_kid_parent":true},
        {"sender_name":"Ion","timestamp_ms":1712340001000,"content":"You unsent a message.","is_unsent":true}
      ],"thread_path":"inbox/ion_5"}`;
    const { messages } = await runParser(metaMessagesParser, inputFromText(json, { displayName: 'message_1.json' }));
    expect(messages.map((message) => [message.sender, message.text, message.deleted, message.attachments.length, message.time])).toEqual([
      ['Ion', 'You unsent a message.', true, 0, { utcMs: 1712340001000 }],
      ['Ana', '', true, 1, { utcMs: 1712340002000 }],
      ['Ion', 'still here', false, 0, { utcMs: 1712340003000 }],
    ]);
    expect(messages[1]?.extra?.['is_unsent_image_by_messenger_kid_parent']).toBe(true);
  });
});

describe('FORMATS.md §0.2 on the E2EE export: the unit of `timestamp` is read per value', () => {
  // Regression: a `timestamp` in seconds was read as milliseconds, dating the message to January 1970.
  it('reads an E2EE timestamp in seconds or milliseconds by its size, keeping the raw text; DYI timestamp_ms stays milliseconds', async () => {
    const json = '{"participants":["Ana","Ion"],"threadName":"Ana","messages":[{"senderName":"Ion","timestamp":1712340001,"text":"seconds","type":"text","isUnsent":false,"media":[],"reactions":[]},{"senderName":"Ana","timestamp":1712340000000,"text":"milliseconds","type":"text","isUnsent":false,"media":[],"reactions":[]}]}';
    const { messages } = await runParser(metaMessagesParser, inputFromText(json, { displayName: 'e2ee.json' }));
    expect(messages.map((message) => [message.sender, message.text, message.time, message.timestampText])).toEqual([
      ['Ana', 'milliseconds', { utcMs: 1712340000000 }, '1712340000000'],
      ['Ion', 'seconds', { utcMs: 1712340001000 }, '1712340001'],
    ]);
    const dyi = await runParser(metaMessagesParser, inputFromText('{"messages":[{"sender_name":"a","timestamp_ms":1712340001,"content":"x"}]}', { displayName: 'message_1.json' }));
    expect(dyi.messages[0]?.time).toEqual({ utcMs: 1712340001 });
  });
});
