import { describe, expect, it } from 'vitest';
import type { ParsedMessage } from '../../../../../shared/contracts/parsed-source.ts';
import { telegramJsonParser } from '../../../../../workers/import/telegram/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A poll (FORMATS.md §2.1: `poll{question,closed,total_voters,answers[{text,voters,chosen}]}`) is
 * written with an empty `text`: its question and answers are what the sender wrote, and a search
 * for them must find the message. They become the message's text, marked generated, as a service
 * message's description is; the poll itself stays in extra as written.
 */
async function parse(messages: unknown[]): Promise<ParsedMessage[]> {
  const json = JSON.stringify({ name: 'Jobs abroad', type: 'private_group', id: 77, messages });
  return (await runParser(telegramJsonParser, inputFromText(json, { displayName: 'result.json' }))).messages;
}

const POLL = {
  question: 'Who can work Saturday night?',
  closed: false,
  total_voters: 3,
  answers: [
    { text: 'Ana', voters: 2, chosen: true },
    { text: 'Maria', voters: 1, chosen: false },
  ],
};

describe('Telegram JSON polls', () => {
  it('gives a poll with no text of its own its question and answers as text, marked generated, the poll kept in extra', async () => {
    const [poll] = await parse([{ id: 1, type: 'message', date: '2023-11-14T22:13:20', date_unixtime: '1700000000', from: 'Boss', from_id: 'user5', text: '', text_entities: [], poll: POLL }]);
    expect(poll?.text).toBe('Poll: Who can work Saturday night?\n• Ana (2 votes, chosen)\n• Maria (1 vote)');
    expect(poll?.extra).toMatchObject({ poll: POLL, textGenerated: true });
  });

  it('says a poll was closed, and reads a question written as text entities', async () => {
    const closed = { ...POLL, closed: true, question: [{ type: 'plain', text: 'Passports ' }, { type: 'bold', text: 'today' }] };
    const [poll] = await parse([{ id: 2, type: 'message', date: '2023-11-14T22:13:20', date_unixtime: '1700000000', from: 'Boss', from_id: 'user5', text: '', poll: closed }]);
    expect(poll?.text).toBe('Poll (closed): Passports today\n• Ana (2 votes, chosen)\n• Maria (1 vote)');
  });

  it('keeps a message text that is there, and a malformed poll as written in extra only', async () => {
    const [withText, malformed] = await parse([
      { id: 3, type: 'message', date: '2023-11-14T22:13:20', date_unixtime: '1700000000', from: 'Boss', from_id: 'user5', text: 'vote please', poll: POLL },
      { id: 4, type: 'message', date: '2023-11-14T22:13:21', date_unixtime: '1700000001', from: 'Boss', from_id: 'user5', text: '', poll: 'broken' },
    ]);
    expect(withText?.text).toBe('vote please');
    expect(withText?.extra).not.toHaveProperty('textGenerated');
    expect(malformed?.text).toBe('');
    expect(malformed?.extra).toMatchObject({ poll: 'broken' });
  });
});
