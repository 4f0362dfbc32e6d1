import { describe, expect, it } from 'vitest';
import { telegramJsonParser } from '../../../../../workers/import/telegram/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A text_link whose text is empty (a link-preview target hidden in front of a message) shows
 * nothing but its target: the text must not start with the space that separates a link's words
 * from its target.
 */

const T0 = 1_700_000_000;

describe('Telegram JSON: a text_link with no text of its own', () => {
  it('writes its target in parentheses, without a leading space; one with words keeps them before it', async () => {
    const json = JSON.stringify({
      name: 'Agency',
      type: 'public_channel',
      id: 9001,
      messages: [
        {
          id: 1,
          type: 'message',
          date_unixtime: String(T0),
          from: 'Agency',
          from_id: 'channel9001',
          text: [{ type: 'text_link', text: '', href: 'https://jobs.example/apply' }, 'Work abroad, apply now'],
          text_entities: [{ type: 'text_link', text: '', href: 'https://jobs.example/apply' }, { type: 'plain', text: 'Work abroad, apply now' }],
        },
        { id: 2, type: 'message', date_unixtime: String(T0), from: 'Agency', from_id: 'channel9001', text: [{ type: 'text_link', text: 'here', href: 'https://jobs.example/2' }] },
      ],
    });
    const { messages } = await runParser(telegramJsonParser, inputFromText(json, { displayName: 'result.json' }));
    expect(messages[0]?.text).toBe('(https://jobs.example/apply)Work abroad, apply now');
    expect(messages[1]?.text).toBe('here (https://jobs.example/2)');
  });
});
