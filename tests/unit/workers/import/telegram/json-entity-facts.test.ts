import { describe, expect, it } from 'vitest';
import { telegramJsonParser } from '../../../../../workers/import/telegram/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * FORMATS.md §2.1: some entities carry a fact that is not in their text: `mention_name` the id of
 * the account mentioned (a mention of someone with no username, shown only by name),
 * `custom_emoji` its document, `pre` its language. The text is flattened; these facts must
 * survive beside it.
 */

const T0 = 1_700_000_000;

describe('Telegram JSON (FORMATS.md §2.1): facts carried by entities', () => {
  it('keeps the user_id of a mention_name, the document of a custom_emoji and the language of a pre', async () => {
    const json = JSON.stringify({
      name: 'Recruiter',
      type: 'personal_chat',
      id: 7001,
      messages: [
        {
          id: 1,
          type: 'message',
          date_unixtime: String(T0),
          from: 'Recruiter',
          from_id: 'user7001',
          text: ['Ask ', { type: 'mention_name', text: 'Ana', user_id: 7002 }, ' ', { type: 'custom_emoji', text: '💶', document_id: 'stickers/sticker.webp' }, { type: 'pre', text: 'x=1', language: 'python' }, { type: 'bold', text: '!' }],
          text_entities: [{ type: 'plain', text: 'Ask ' }],
        },
        { id: 2, type: 'message', date_unixtime: String(T0), from: 'Recruiter', from_id: 'user7001', text: 'plain' },
      ],
    });
    const { messages } = await runParser(telegramJsonParser, inputFromText(json, { displayName: 'result.json' }));
    expect(messages[0]?.text).toBe('Ask Ana 💶x=1!');
    expect(messages[0]?.extra?.['textEntityFacts']).toEqual([
      { type: 'mention_name', text: 'Ana', user_id: 7002 },
      { type: 'custom_emoji', text: '💶', document_id: 'stickers/sticker.webp' },
      { type: 'pre', text: 'x=1', language: 'python' },
    ]);
    expect(messages[1]?.extra?.['textEntityFacts']).toBeUndefined();
  });
});
