import { describe, expect, it } from 'vitest';
import { metaMessagesParser } from '../../../../../workers/import/meta/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Regression (real public DYI files: SebastianKut/messenger-calls-temp, jmsgnnr/InstaParse,
 * Tran-Phillip/My-degenerate-friends): every Messenger and Instagram message had no direction,
 * though the file says whose download it is: a two-person thread is titled with the other
 * person's name, and Meta writes the holder's own acts as "You sent an attachment." under the
 * holder's name.
 */
interface Line {
  sender: string;
  content: string;
}

function thread(participants: string[], title: string, lines: Line[]): string {
  // Newest first, as Meta writes.
  const messages = lines.map((line, index) => ({ sender_name: line.sender, timestamp_ms: 1_700_000_000_000 + index * 1000, content: line.content, type: 'Generic' })).reverse();
  return JSON.stringify({ participants: participants.map((name) => ({ name })), messages, title, thread_path: `inbox/${title}_1` });
}

async function read(json: string) {
  const result = await runParser(metaMessagesParser, inputFromText(json, { displayName: 'message_1.json' }));
  return { directions: result.messages.map((message) => [message.sender, message.direction]), holder: result.outcome.details?.['accountHolder'] };
}

describe('the account holder of a Meta message file', () => {
  it('is the participant a two-person thread is not titled after', async () => {
    const { directions, holder } = await read(thread(['Michał Wójcicki', 'Sebastian Kut'], 'Michał Wójcicki', [
      { sender: 'Sebastian Kut', content: 'Juz jadlem' },
      { sender: 'Michał Wójcicki', content: 'Spoko' },
    ]));
    expect(directions).toEqual([['Sebastian Kut', 'outgoing'], ['Michał Wójcicki', 'incoming']]);
    expect(holder).toMatchObject({ name: 'Sebastian Kut' });
  });

  it("is the one Meta's second-person lines stand under, in a group", async () => {
    const { directions, holder } = await read(thread(['Phillip Tran', 'Ana', 'Bo'], 'The boys', [
      { sender: 'Phillip Tran', content: 'You named the group The boys.' },
      { sender: 'Ana', content: 'lol' },
      { sender: 'Phillip Tran', content: 'You sent an attachment.' },
      { sender: 'Bo', content: 'nice' },
    ]));
    expect(directions).toEqual([['Phillip Tran', 'outgoing'], ['Ana', 'incoming'], ['Phillip Tran', 'outgoing'], ['Bo', 'incoming']]);
    expect(holder).toMatchObject({ name: 'Phillip Tran' });
  });

  it('is no one when nothing says so, when second-person lines stand under two names, or when the two facts disagree', async () => {
    const unknown = 'not named by the file: message directions are unknown';
    const group = await read(thread(['Ana', 'Bo', 'Cy'], 'Trip', [{ sender: 'Ana', content: 'hi' }, { sender: 'Bo', content: 'You sent the plan?' }]));
    expect(group.directions).toEqual([['Ana', null], ['Bo', null]]);
    expect(group.holder).toBe(unknown);
    const twoNames = await read(thread(['Ana', 'Bo', 'Cy'], 'Trip', [{ sender: 'Ana', content: 'You sent an attachment.' }, { sender: 'Bo', content: 'You sent an attachment.' }]));
    expect(twoNames.holder).toBe(unknown);
    const once = await read(thread(['Ana', 'Bo', 'Cy'], 'Trip', [{ sender: 'Bo', content: 'You left the group.' }, { sender: 'Ana', content: 'hi' }]));
    expect(once.holder).toBe(unknown);
    const disagree = await read(thread(['Ana', 'Bo'], 'Ana', [{ sender: 'Ana', content: 'You sent an attachment.' }, { sender: 'Ana', content: 'You unsent a message.' }]));
    expect(disagree.holder).toBe(unknown);
    expect(disagree.directions).toEqual([['Ana', null], ['Ana', null]]);
  });
});
