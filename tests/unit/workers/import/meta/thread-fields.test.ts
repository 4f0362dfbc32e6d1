import { describe, expect, it } from 'vitest';
import { metaMessagesParser } from '../../../../../workers/import/meta/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * The thread's own fields beyond its title, participants and path (FORMATS.md §3: is_still_participant,
 * thread_type, magic_words, image, joinable_mode) say whether the account had left the group, the
 * group's picture and invitation link. They were read and dropped; they are the source's details now.
 */
describe('Meta thread fields', () => {
  it('keeps is_still_participant, image, joinable_mode, magic_words and thread_type in the details, repaired', async () => {
    const json = `{"participants":[{"name":"Ana"},{"name":"Ion"},{"name":"Dan"}],"messages":[{"sender_name":"Ana","timestamp_ms":1712340000000,"content":"x"}],
      "title":"Grup","is_still_participant":false,"thread_type":"RegularGroup","thread_path":"inbox/grup_1","magic_words":["\\u00c8\\u0099"],
      "image":{"uri":"messages/inbox/grup_1/photos/g.jpg","creation_timestamp":1712000000},"joinable_mode":{"mode":1,"link":"https://m.me/j/abc"}}`;
    const { outcome } = await runParser(metaMessagesParser, inputFromText(json, { displayName: 'message_1.json' }));
    expect(outcome.details['thread']).toEqual({
      is_still_participant: false,
      thread_type: 'RegularGroup',
      magic_words: ['ș'],
      image: { uri: 'messages/inbox/grup_1/photos/g.jpg', creation_timestamp: 1712000000 },
      joinable_mode: { mode: 1, link: 'https://m.me/j/abc' },
    });
  });

  it('adds no thread details when the file has none beyond title, participants and path', async () => {
    const json = '{"participants":[{"name":"Ana"}],"messages":[{"sender_name":"Ana","timestamp_ms":1,"content":"x"}],"title":"Ana","thread_path":"inbox/ana_1"}';
    const { outcome } = await runParser(metaMessagesParser, inputFromText(json, { displayName: 'message_1.json' }));
    expect(outcome.details).not.toHaveProperty('thread');
  });
});
