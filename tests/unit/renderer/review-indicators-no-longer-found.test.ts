import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { ReviewDecision, ReviewItem } from '../../../shared/domain/marker.ts';
import { ReviewItemCardView } from '../../../renderer/src/features/review/components/ReviewItemCard.tsx';
import { applyDecision } from '../../../renderer/src/features/review/state/apply-decision.ts';

// The card's formatting module names the engine's error class; the client itself needs a browser window.
vi.mock('../../../renderer/src/api/client.ts', () => ({ EngineError: class EngineError extends Error {}, api: {} }));

/**
 * A confirm on an indicator the marker packs no longer find (after "Look for indicators again")
 * disappeared from the review queue while the package still exported it (review). The card shows
 * such decisions apart, naming the tagger and pack that no longer find the indicator, and the
 * analyst can decide again.
 */
const CONFIRMED: ReviewDecision = { messageId: 'm-1', marker: 'debt-bondage', decision: 'confirm', note: null, by: 'analyst-a', at: '2024-05-01T10:00:00.000Z' };
const ITEM: ReviewItem = {
  message: {
    id: 'm-1', sourceId: 'src-1', chatId: 'c-1', seq: 0, kind: 'message', sender: 'Boss', senderId: null, direction: null, timestamp: null, timestampText: '', text: 'You owe me 2000',
    lang: 'eng', langConfidence: 1, attachments: [], deleted: false, edited: false, locator: { kind: 'sqlite-row', file: 'chat.db', table: 'messages', rowid: 1 }, extra: null,
  },
  chatTitle: 'Boss',
  tags: [],
  notes: [],
  bookmarked: false,
  noLongerFound: [{ chatId: 'c-1', decision: CONFIRMED, noLongerFoundBy: 'threadline-markers 1.0.0, debt-bondage pack 1.1.0' }],
};
const ACTIONS = { decide: () => undefined, saveNote: async () => true, toggleBookmark: () => undefined, openInConversation: () => undefined, pick: () => undefined };

describe('decisions on indicators no longer found, in the review queue', () => {
  it('shows the decision, who took it, and the tagger and pack that no longer find the indicator', () => {
    const html = renderToStaticMarkup(createElement(ReviewItemCardView, { item: ITEM, current: false, tagCursor: 0, busy: false, actions: ACTIONS }));
    expect(html).toContain('data-testid="review-no-longer-found"');
    expect(html).toContain('confirmed by analyst-a');
    expect(html).toContain('no longer found by threadline-markers 1.0.0, debt-bondage pack 1.1.0');
    expect(html).toContain('data-testid="review-no-longer-found-dismiss"');
  });

  it('takes a new decision on such an indicator as the one now shown', () => {
    const dismissed: ReviewDecision = { ...CONFIRMED, decision: 'dismiss', at: '2024-05-02T10:00:00.000Z' };
    expect(applyDecision(ITEM, dismissed).noLongerFound[0]?.decision).toEqual(dismissed);
  });
});
