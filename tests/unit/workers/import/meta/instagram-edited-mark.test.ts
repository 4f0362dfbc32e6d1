import { describe, expect, it } from 'vitest';
import { metaMessagesParser } from '../../../../../workers/import/meta/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Regression: Instagram's download marks an edited message only in its content, " (edited)"
 * after the words as they now read. A real 2025 Instagram thread (Aarav404/instagram-chat-analyzer,
 * message_1.json) has "… kare (edited)" five seconds after "… karte" from the same sender; it was
 * imported as not edited. The text stays as written; the message is edited, saying why. File
 * built here in that shape (newest first, mojibake as Meta writes it).
 */

function thread(contents: string[]): string {
  const messages = contents
    .map((content, index) => ({ sender_name: index % 2 === 0 ? 'Ria' : 'Dev', timestamp_ms: 1_735_578_307_814 + index * 4804, content, is_geoblocked_for_viewer: false }))
    .reverse();
  return JSON.stringify({ participants: [{ name: 'Ria' }, { name: 'Dev' }], messages, title: 'Ria', is_still_participant: true, thread_path: 'inbox/ria_1789' }, null, 2);
}

const INSTAGRAM_FILE = 'your_instagram_activity/messages/inbox/ria_1789/message_1.json';

describe('Instagram: the " (edited)" mark', () => {
  it('reads a content ending in " (edited)" as an edited message, keeping the text as written', async () => {
    const { messages } = await runParser(metaMessagesParser, inputFromText(thread(['kal milte', 'kal milte h (edited)', 'caf\u00c3\u00a9 (edited)']), { displayName: INSTAGRAM_FILE }));
    expect(messages.map((message) => [message.text, message.edited])).toEqual([
      ['kal milte', false],
      ['kal milte h (edited)', true],
      ['café (edited)', true],
    ]);
    expect(messages[1]?.extra?.['editedMark']).toBe('the content ends with " (edited)", the mark Instagram writes after an edited message');
  });

  it('leaves "(edited)" alone as a whole message or inside the text', async () => {
    const { messages } = await runParser(metaMessagesParser, inputFromText(thread(['(edited)', 'the (edited) version is worse']), { displayName: INSTAGRAM_FILE }));
    expect(messages.map((message) => message.edited)).toEqual([false, false]);
  });

  it('does not take the words for an edit where the path does not say Instagram (Messenger, or a file on its own)', async () => {
    for (const displayName of ['your_activity_across_facebook/messages/inbox/ria_1789/message_1.json', 'message_1.json']) {
      const { messages } = await runParser(metaMessagesParser, inputFromText(thread(['kal milte', 'here is the contract (edited)']), { displayName }));
      expect(messages.map((message) => message.edited)).toEqual([false, false]);
      expect(messages[1]?.extra?.['editedMark']).toMatch(/not read as an edit/u);
    }
  });
});
