import { describe, expect, it } from 'vitest';
import { metaMessagesParser } from '../../../../../workers/import/meta/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Regression: a Messenger group whose holder wrote no "You …" line had no directions, though
 * Meta's own membership notice names the holder: a real 2022 group thread
 * (tmitcheson/Groupchat_to_playlist, message_1.json) has the Subscribe record "Charlie Beggs added
 * you to the group." with `users: [{name: "Tom Mitcheson"}]`, the one who downloaded it. Files
 * built here in that shape (newest first, 2022 fields).
 */

interface Line {
  sender: string;
  content: string;
  type?: string;
  users?: string[];
}

function group(lines: Line[]): string {
  const messages = lines
    .map((line, index) => ({
      sender_name: line.sender,
      timestamp_ms: 1_664_392_284_647 + index * 1000,
      content: line.content,
      type: line.type ?? 'Generic',
      ...(line.users === undefined ? {} : { users: line.users.map((name) => ({ name })) }),
      is_unsent: false,
      is_taken_down: false,
      bumped_message_metadata: { is_bumped: false },
    }))
    .reverse();
  const participants = ['Tom M', 'Josh G', 'Charlie B', 'Luc K'].map((name) => ({ name }));
  return JSON.stringify({ participants, messages, title: 'Tunes', is_still_participant: true, thread_type: 'RegularGroup', thread_path: 'inbox/tunes_5' }, null, 2);
}

async function read(json: string) {
  const result = await runParser(metaMessagesParser, inputFromText(json, { displayName: 'message_1.json' }));
  return { messages: result.messages, holder: result.outcome.details['accountHolder'] };
}

describe('the account holder named by "… added you to the group."', () => {
  it('takes the one person the Subscribe notice names as the holder, and gives every message its direction', async () => {
    const { messages, holder } = await read(
      group([
        { sender: 'Charlie B', content: 'Charlie B added you to the group.', type: 'Subscribe', users: ['Tom M'] },
        { sender: 'Tom M', content: 'Pleasure to be here' },
        { sender: 'Josh G', content: 'Sunday evening grooves' },
      ]),
    );
    expect(messages.filter((message) => message.kind === 'message').map((message) => [message.sender, message.direction])).toEqual([
      ['Tom M', 'outgoing'],
      ['Josh G', 'incoming'],
    ]);
    expect(holder).toEqual({ name: 'Tom M', evidence: 'Meta\'s notice "Charlie B added you to the group." (type Subscribe) names the one person added: Tom M' });
  });

  it('takes no one from a person\'s own words, several people added at once, or notices that disagree', async () => {
    const ownWords = await read(group([{ sender: 'Josh G', content: 'Charlie B added you to the group.' }, { sender: 'Tom M', content: 'hi' }]));
    expect(ownWords.holder).toBe('not named by the file: message directions are unknown');
    const several = await read(group([{ sender: 'Charlie B', content: 'Charlie B added you to the group.', type: 'Subscribe', users: ['Tom M', 'Luc K'] }]));
    expect(several.holder).toBe('not named by the file: message directions are unknown');
    const disagree = await read(
      group([
        { sender: 'Charlie B', content: 'Charlie B added you to the group.', type: 'Subscribe', users: ['Tom M'] },
        { sender: 'Josh G', content: 'Josh G added you to the group.', type: 'Subscribe', users: ['Luc K'] },
      ]),
    );
    expect(disagree.holder).toBe('not named by the file: message directions are unknown');
  });

  it('takes no one from a notice naming someone who is not among the participants', async () => {
    // "Tom Mitcheson" is not how the thread lists anyone (renamed since): Tom M's own message must not become incoming.
    const { messages, holder } = await read(
      group([
        { sender: 'Charlie B', content: 'Charlie B added you to the group.', type: 'Subscribe', users: ['Tom Mitcheson'] },
        { sender: 'Tom M', content: 'Pleasure to be here' },
      ]),
    );
    expect(holder).toBe('not named by the file: message directions are unknown');
    expect(messages.filter((message) => message.kind === 'message').map((message) => message.direction ?? null)).toEqual([null]);
  });
});
