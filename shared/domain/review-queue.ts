/**
 * The review queue is read a page at a time: a conversation can have tens of thousands of tagged
 * messages, and reading and sending them all took seconds (57k messages: 2.9 s in the engine and
 * 69 MB to the window) for the hundred cards shown.
 */

/** Cards shown at once, and the messages a page of the queue holds. */
export const REVIEW_QUEUE_PAGE = 100;
/** Cards kept above the cursor when the shown cards move to follow it. */
export const REVIEW_QUEUE_LEAD = 10;

/** Where the cards shown start to hold the message at `index` of `count`: the first page if it is there, else a little above it. */
export function queueWindowStart(index: number, count: number): number {
  if (index < REVIEW_QUEUE_PAGE) return 0;
  return Math.max(0, Math.min(index - REVIEW_QUEUE_LEAD, count - REVIEW_QUEUE_PAGE));
}
