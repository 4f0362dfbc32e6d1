import { describe, expect, it } from 'vitest';
import { signalDesktopDbParser } from '../../../../../workers/import/signal-desktop/index.ts';
import { buildDatabase, runParser } from '../../../../support/sqlite-parser-harness.ts';
import { ANA, ANA_CONVERSATION, BASE_MS, NEW_SCHEMA, json } from './signal-desktop-schemas.ts';

/**
 * Rows of `messages` whose content is not in `body`: a payment (MobileCoin) keeps its note and
 * amount in `payment`, a reaction to a story its emoji in `storyReaction`, a reply to a story what
 * it answers in `storyReplyContext`, a text story its words in its text attachment.
 */
const DATABASE = `${NEW_SCHEMA}${ANA_CONVERSATION}
  INSERT INTO messages (rowid, id, json, sent_at, conversationId, received_at, received_at_ms, type, body, sourceServiceId, sourceDevice, hasAttachments, isErased, isViewOnce, storyId, isStory) VALUES
    (1, 'p1', ${json({ id: 'p1', type: 'incoming', payment: { kind: 1, note: 'for the car', amountMob: '12.5', feeMob: '0.01' } })}, ${BASE_MS}, 'c-ana', 1, ${BASE_MS}, 'incoming', NULL, '${ANA}', 1, 0, 0, 0, NULL, 0),
    (2, 'r1', ${json({ id: 'r1', type: 'incoming', storyId: 's1', storyReaction: { emoji: '🔥', targetAuthorAci: ANA, targetTimestamp: BASE_MS - 1000 } })}, ${BASE_MS + 1000}, 'c-ana', 2, ${BASE_MS + 1000}, 'incoming', NULL, '${ANA}', 1, 0, 0, 0, 's1', 0),
    (3, 'q1', ${json({ id: 'q1', type: 'incoming', body: 'where is this?', storyId: 's1', storyReplyContext: { authorAci: ANA, messageId: 's1' } })}, ${BASE_MS + 2000}, 'c-ana', 3, ${BASE_MS + 2000}, 'incoming', 'where is this?', '${ANA}', 1, 0, 0, 0, 's1', 0),
    (4, 's1', ${json({ id: 's1', type: 'story', attachments: [{ contentType: 'text/x-signal-story', textAttachment: { text: 'meet at the docks', color: 4278190080 } }] })}, ${BASE_MS + 3000}, 'c-ana', 4, ${BASE_MS + 3000}, 'story', NULL, '${ANA}', 1, 1, 0, 0, NULL, 1);
`;

async function parse(): Promise<Awaited<ReturnType<typeof runParser>>> {
  return runParser(signalDesktopDbParser, await buildDatabase(DATABASE), 'sql/db.sqlite');
}

describe('Signal Desktop rows whose content is not in the body', () => {
  it('keeps a payment\'s note and amount', async () => {
    const payment = (await parse()).sink.messages[0];
    expect(payment?.extra?.['payment']).toEqual({ kind: 1, note: 'for the car', amountMob: '12.5', feeMob: '0.01' });
  });

  it('keeps the emoji of a reaction to a story, and what a story reply answers', async () => {
    const { messages } = (await parse()).sink;
    expect(messages[1]?.extra?.['storyReaction']).toEqual({ emoji: '🔥', targetAuthorAci: ANA, targetTimestamp: BASE_MS - 1000 });
    expect(messages[2]?.extra?.['storyReplyContext']).toEqual({ authorAci: ANA, messageId: 's1' });
    expect(messages[2]?.extra?.['storyId']).toBe('s1');
  });

  it('gives a text story its words', async () => {
    const story = (await parse()).sink.messages[3];
    expect(story?.text).toBe('meet at the docks');
  });
});
