import type { CaseSession } from '../../engine/case/case-session.ts';
import { reviewQueuePage } from '../../engine/markers/review.ts';
import type { ReviewItem } from '../../shared/domain/marker.ts';

/** A conversation's whole review queue, read as one page from its start (the app reads it a page at a time). */
export async function reviewQueue(session: CaseSession, chatId: string): Promise<ReviewItem[]> {
  return (await reviewQueuePage(session, { chatId, offset: 0, limit: Number.MAX_SAFE_INTEGER })).items;
}
