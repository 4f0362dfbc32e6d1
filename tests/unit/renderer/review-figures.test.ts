import { describe, expect, it } from 'vitest';
import type { ConversationRisk, MarkerSummary } from '../../../shared/domain/marker.ts';
import { withReviewFigures } from '../../../renderer/src/features/review/state/review-figures.ts';

/**
 * After a decision the Review view refreshes the decided conversation's figures alone instead of
 * ranking every conversation again (seconds on a big case): what a decision changes is taken from
 * the figures, the rest kept, and the conversation moved to its place by score.
 */
function marker(id: string, confirmed = 0, dismissed = 0): MarkerSummary {
  return { marker: id, messages: 3, maxScore: 0.8, first: '2024-01-01T00:00:00.000Z', last: '2024-02-01T00:00:00.000Z', confirmed, dismissed };
}

function risk(chatId: string, score: number, markers: MarkerSummary[] = [marker('debt-bondage')]): ConversationRisk {
  return { chatId, title: chatId.toUpperCase(), score, markers, taggedMessages: 3, unreviewed: 3, senders: [{ sender: 'Boss', messages: 3 }], weeks: [{ week: '2024-W01', messages: 3, markers: 1 }], noLongerFound: 0 };
}

const RISKS = [risk('a', 0.9, [marker('threat-violence'), marker('debt-bondage')]), risk('b', 0.6), risk('c', 0.4)];

describe('withReviewFigures', () => {
  it("takes a decision's figures, keeps the rest of the conversation, and leaves the order when the score holds", () => {
    const next = withReviewFigures(RISKS, { chatId: 'a', score: 0.9, unreviewed: 2, noLongerFound: 0, markers: [{ marker: 'debt-bondage', confirmed: 1, dismissed: 0 }, { marker: 'threat-violence', confirmed: 0, dismissed: 0 }] });
    expect(next.map((entry) => entry.chatId)).toEqual(['a', 'b', 'c']);
    expect(next[0]).toEqual({ ...RISKS[0], unreviewed: 2, markers: [marker('threat-violence'), marker('debt-bondage', 1, 0)] });
    expect(next.slice(1)).toEqual(RISKS.slice(1));
  });

  it('moves a conversation to its place by score, ties by id, as the engine ranks', () => {
    const dismissed = { chatId: 'a', score: 0.4, unreviewed: 1, noLongerFound: 0, markers: [{ marker: 'debt-bondage', confirmed: 0, dismissed: 2 }] };
    expect(withReviewFigures(RISKS, dismissed).map((entry) => [entry.chatId, entry.score])).toEqual([['b', 0.6], ['a', 0.4], ['c', 0.4]]);
    expect(withReviewFigures(RISKS, { ...dismissed, score: 0 }).map((entry) => entry.chatId)).toEqual(['b', 'c', 'a']);
    expect(withReviewFigures(RISKS, { ...dismissed, chatId: 'c', score: 0.95 }).map((entry) => entry.chatId)).toEqual(['c', 'a', 'b']);
  });

  it('counts decisions on indicators no longer found', () => {
    expect(withReviewFigures(RISKS, { chatId: 'b', score: 0.6, unreviewed: 3, noLongerFound: 2, markers: [] })[1]).toEqual({ ...RISKS[1], noLongerFound: 2 });
  });

  it('leaves the ranking as it is for a conversation not in it, or no figures, and works on an empty one', () => {
    expect(withReviewFigures(RISKS, { chatId: 'z', score: 1, unreviewed: 1, noLongerFound: 0, markers: [] })).toEqual(RISKS);
    expect(withReviewFigures(RISKS, null)).toEqual(RISKS);
    expect(withReviewFigures([], null)).toEqual([]);
  });
});
