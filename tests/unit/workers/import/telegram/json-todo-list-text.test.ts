import { describe, expect, it } from 'vitest';
import type { ParsedMessage } from '../../../../../shared/contracts/parsed-source.ts';
import { telegramJsonParser } from '../../../../../workers/import/telegram/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Regression: a checklist message (`todo_list{title,others_can_append,others_can_complete,
 * answers[{text,id}]}`, Telegram 2025) is written with an empty `text`, as a poll is. A real
 * export from late 2025 (frozenspider/chat-history-manager, crates/loaders/resources/test/
 * telegram_2025-12/result.json) has one; its title and items were in no searchable field. They
 * become the text, marked generated; the list stays in extra as written.
 */
async function parse(messages: unknown[]): Promise<ParsedMessage[]> {
  const json = JSON.stringify({ name: 'Crew', type: 'private_group', id: 78, messages }, null, 1);
  return (await runParser(telegramJsonParser, inputFromText(json, { displayName: 'result.json' }))).messages;
}

const LIST = {
  title: 'Before Friday',
  others_can_append: true,
  others_can_complete: false,
  answers: [
    { text: 'copy passports', id: 1 },
    { text: [{ type: 'plain', text: 'buy ' }, { type: 'bold', text: 'tickets' }], id: 2 },
  ],
};

describe('Telegram JSON checklists', () => {
  it('gives a checklist with no text of its own its title and items as text, marked generated, the list kept in extra', async () => {
    const [message] = await parse([{ id: 5, type: 'message', date: '2025-10-11T22:49:13', date_unixtime: '1760215753', from: 'Boss', from_id: 'user5', todo_list: LIST, text: '', text_entities: [] }]);
    expect(message?.text).toBe('Checklist: Before Friday\n• copy passports (item 1)\n• buy tickets (item 2)');
    expect(message?.extra).toMatchObject({ todo_list: LIST, textGenerated: true });
  });

  it('keeps a text that is there, and leaves a malformed list in extra only', async () => {
    const messages = await parse([
      { id: 6, type: 'message', date_unixtime: '1760215754', from: 'Boss', from_id: 'user5', todo_list: LIST, text: 'see list' },
      { id: 7, type: 'message', date_unixtime: '1760215755', from: 'Boss', from_id: 'user5', todo_list: 'broken', text: '' },
    ]);
    expect(messages.map((message) => message.text)).toEqual(['see list', '']);
    expect(messages[1]?.extra).toMatchObject({ todo_list: 'broken' });
    expect(messages[1]?.extra?.['textGenerated']).toBeUndefined();
  });
});
