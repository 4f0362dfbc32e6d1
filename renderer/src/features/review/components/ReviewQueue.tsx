import { useEffect, useRef, useState } from 'react';
import type { ConversationRisk, ReviewItem } from '../../../../../shared/domain/marker.ts';
import { queueWindowStart, REVIEW_QUEUE_PAGE as QUEUE_PAGE } from '../../../../../shared/domain/review-queue.ts';
import { formatCount, formatNumber } from '../../../app/format.ts';
import { nextUndecidedTag } from '../state/apply-decision.ts';
import { messageTextRanges } from '../../../app/indicators.ts';
import type { OpenTarget } from '../state/open-target.ts';
import { useReviewKeys } from '../state/use-review-keys.ts';
import { useReviewQueue } from '../state/use-review-queue.ts';
import type { ItemActions } from './ReviewItemCard.tsx';
import { ReviewItemCard } from './ReviewItemCard.tsx';
import { ScoreBar } from './RiskList.tsx';

function KeyHelp() {
  return (
    <p className="key-help muted" data-testid="review-keys">
      <kbd>j</kbd>/<kbd>↓</kbd> next · <kbd>k</kbd>/<kbd>↑</kbd> previous · <kbd>←</kbd>
      <kbd>→</kbd> or <kbd>1</kbd>–<kbd>9</kbd> pick indicator · <kbd>c</kbd> confirm · <kbd>d</kbd> dismiss · <kbd>n</kbd> note (<kbd>Enter</kbd> saves,{' '}
      <kbd>Esc</kbd> cancels) · <kbd>b</kbd> bookmark · <kbd>o</kbd> show in conversation · <kbd>]</kbd>/<kbd>[</kbd> next/previous conversation
    </p>
  );
}

// Cards shown at once (REVIEW_QUEUE_PAGE). A conversation can have tens of thousands of tagged
// messages: every card in the page took half a minute to lay out, a click or a key seconds each.

interface Shown {
  start: number;
  end: number;
}

/** The cards shown (`end` may pass the last): `shown` while it holds the cursor, else a page starting a little above it. */
function shownAround(shown: Shown, index: number, count: number): Shown {
  if (count === 0 || (index >= shown.start && index < Math.min(count, shown.end))) return shown;
  const start = queueWindowStart(index, count);
  return { start, end: start + QUEUE_PAGE };
}

function itemElement(list: HTMLElement | null, messageId: string): HTMLElement | null {
  return list?.querySelector<HTMLElement>(`[data-message-id="${CSS.escape(messageId)}"]`) ?? null;
}

/** The tagged messages of one conversation, in order. Mount with key={chatId}. */
export function ReviewQueue({ risk, active, revision, onDecided, onOpen }: { risk: ConversationRisk; active: boolean; revision: number; onDecided: (chatId: string) => void; onOpen: (target: OpenTarget) => void }) {
  const queue = useReviewQueue(risk.chatId, revision, onDecided);
  const { count, index, tag } = queue;
  const listRef = useRef<HTMLOListElement>(null);
  const moved = useRef(false);
  const current = queue.itemAt(index);
  const [shownBefore, setShown] = useState<Shown>({ start: 0, end: QUEUE_PAGE });
  // The cursor moved past the cards shown (keys, a reload): they follow it.
  const shown = shownAround(shownBefore, index, count);
  useEffect(() => {
    if (shown !== shownBefore) setShown(shown);
  }, [shown, shownBefore]);
  const shownEnd = Math.min(count, shown.end);
  const { show } = queue;
  useEffect(() => show(shown.start, shownEnd), [show, shown.start, shownEnd]);

  useEffect(() => {
    if (!moved.current || current === undefined) return;
    moved.current = false;
    const element = itemElement(listRef.current, current.message.id);
    element?.focus({ preventScroll: true });
    element?.scrollIntoView({ block: 'nearest' });
  }, [current, tag]);

  function actionsFor(item: ReviewItem): ItemActions {
    const messageId = item.message.id;
    return {
      decide: (marker, decision) => {
        void queue.decide({ messageId, marker, decision }).then((done) => {
          const next = nextUndecidedTag(item, marker);
          if (done && next !== null) queue.pickTagOf(messageId, next);
        });
      },
      saveNote: (text) => queue.decide({ messageId, decision: 'note', note: text }),
      toggleBookmark: () => void queue.decide({ messageId, decision: item.bookmarked ? 'unbookmark' : 'bookmark' }),
      openInConversation: () => onOpen({ chatId: item.message.chatId, messageId, seq: item.message.seq, highlights: messageTextRanges(item.tags) }),
      pick: (picked) => queue.focusItem(item, picked),
    };
  }

  useReviewKeys(active, (key) => {
    const move = (next: number, nextTag?: number): true => {
      moved.current = true;
      queue.moveTo(next, nextTag);
      return true;
    };
    // The message under the cursor may still be loading: the cursor can walk on meanwhile.
    if (current === undefined) return count > 0 && (key === 'j' || key === 'ArrowDown' || key === 'k' || key === 'ArrowUp') && move(index + (key === 'j' || key === 'ArrowDown' ? 1 : -1));
    const actions = actionsFor(current);
    const busy = queue.pending.has(current.message.id);
    const currentTag = current.tags[tag];
    switch (key) {
      case 'j':
      case 'ArrowDown':
        return move(index + 1);
      case 'k':
      case 'ArrowUp':
        return move(index - 1);
      case 'ArrowRight':
        return move(index, Math.min(current.tags.length - 1, tag + 1));
      case 'ArrowLeft':
        return move(index, Math.max(0, tag - 1));
      case 'c':
      case 'd':
        if (!busy && currentTag !== undefined) actions.decide(currentTag.marker, key === 'c' ? 'confirm' : 'dismiss');
        return true;
      case 'b':
        if (!busy) actions.toggleBookmark();
        return true;
      case 'n':
        itemElement(listRef.current, current.message.id)?.querySelector<HTMLTextAreaElement>('textarea')?.focus();
        return true;
      case 'o':
        actions.openInConversation();
        return true;
      default:
        if (/^[1-9]$/.test(key) && Number(key) <= current.tags.length) return move(index, Number(key) - 1);
        return false;
    }
  });

  return (
    <section className="review-queue-view" aria-labelledby="review-queue-title">
      <header className="review-queue-head">
        <div className="review-queue-title">
          <h2 id="review-queue-title" dir="auto">
            {risk.title}
          </h2>
          <p className="muted">
            {formatCount(risk.taggedMessages, 'tagged message')} · {risk.unreviewed > 0 ? `${formatCount(risk.unreviewed, 'indicator')} to decide` : 'every indicator decided'} ·{' '}
            {risk.noLongerFound > 0 && `${formatCount(risk.noLongerFound, 'decision')} on indicators no longer found · `}indicators are evidence to assess, not findings
          </p>
        </div>
        <ScoreBar score={risk.score} />
      </header>
      <KeyHelp />
      {(queue.error ?? queue.actionError) !== null && (
        <p className="error banner" role="alert">
          {queue.error ?? queue.actionError}
        </p>
      )}
      {queue.loading && count === 0 && <p className="muted empty">Loading the tagged messages…</p>}
      <ol ref={listRef} className="review-queue" data-testid="review-queue" aria-label={`Tagged messages of ${risk.title}`}>
        {shown.start > 0 && (
          <li className="review-queue-page">
            <button type="button" className="load-more" data-testid="review-queue-earlier" onClick={() => setShown({ start: Math.max(0, shown.start - QUEUE_PAGE), end: shown.end })}>
              Show earlier ({formatNumber(shown.start)} before)
            </button>
          </li>
        )}
        {Array.from({ length: Math.max(0, shownEnd - shown.start) }, (_, offset) => {
          const at = shown.start + offset;
          const item = queue.itemAt(at);
          return item === undefined ? (
            <li key={`loading-${at}`} className="review-queue-page muted" data-testid="review-item-loading">
              Loading…
            </li>
          ) : (
            <ReviewItemCard key={item.message.id} item={item} current={at === index} tagCursor={tag} busy={queue.pending.has(item.message.id)} actions={actionsFor(item)} />
          );
        })}
        {shownEnd < count && (
          <li className="review-queue-page">
            <button type="button" className="load-more" data-testid="review-queue-more" onClick={() => setShown({ start: shown.start, end: shownEnd + QUEUE_PAGE })}>
              Show more ({formatNumber(count - shownEnd)} left)
            </button>
          </li>
        )}
      </ol>
    </section>
  );
}
