import { memo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { ReviewDecision, ReviewItem } from '../../../../../shared/domain/marker.ts';
import { senderLabel } from '../../../../../shared/domain/sender-label.ts';
import { HighlightedText } from '../../../app/HighlightedText.tsx';
import { formatUtc } from '../../../app/format.ts';
import { formatScore, indicatorHint, indicatorLabel, messageTextRanges } from '../../../app/indicators.ts';
import { NoLongerFoundDecisions } from './NoLongerFoundDecisions.tsx';
import { NoteList } from '../../../app/NoteList.tsx';

type Tag = ReviewItem['tags'][number];

export interface ItemActions {
  decide(marker: string, decision: 'confirm' | 'dismiss'): void;
  saveNote(text: string): Promise<boolean>;
  toggleBookmark(): void;
  openInConversation(): void;
  /** Focus or a click inside the card moves the review cursor here. */
  pick(tag: number | null): void;
}

function decisionText(decision: ReviewDecision | null): string {
  if (decision === null) return 'not decided';
  return `${decision.decision === 'confirm' ? 'confirmed' : 'dismissed'} by ${decision.by}, ${formatUtc(decision.at)}`;
}

function TagRow({ tag, index, current, busy, actions }: { tag: Tag; index: number; current: boolean; busy: boolean; actions: ItemActions }) {
  const decided = tag.decision?.decision ?? '';
  return (
    <li className={`review-tag decision-${decided || 'none'}${current ? ' is-current' : ''}`} data-testid="review-tag" data-marker={tag.marker} data-decision={decided} data-tag-index={index}>
      <kbd className="tag-key" title={`Press ${index + 1} to pick this indicator`}>
        {index + 1}
      </kbd>
      <span className="tag-name" title={indicatorHint(tag.marker)}>
        {indicatorLabel(tag.marker)}
      </span>
      <span className="tag-score" title="Score of this indicator in this message (0–1)">
        {formatScore(tag.score)}
      </span>
      <span className="tag-meta mono" title={`Rules: ${tag.rules.join(', ')}\nTagger: ${tag.tagger}`}>
        {tag.rule} · {tag.lang} · pack {tag.packVersion}
        {tag.origin === 'ocr' && ' · in the text read from its image'}
      </span>
      <span className="tag-decision">{decisionText(tag.decision)}</span>
      <span className="tag-buttons">
        <button type="button" className="small confirm" data-testid="review-confirm" aria-pressed={decided === 'confirm'} disabled={busy} onClick={() => actions.decide(tag.marker, 'confirm')}>
          Confirm
        </button>
        <button type="button" className="small dismiss" data-testid="review-dismiss" aria-pressed={decided === 'dismiss'} disabled={busy} onClick={() => actions.decide(tag.marker, 'dismiss')}>
          Dismiss
        </button>
      </span>
    </li>
  );
}

function NoteField({ busy, onSave }: { busy: boolean; onSave: (text: string) => Promise<boolean> }) {
  const [text, setText] = useState('');
  const input = useRef<HTMLTextAreaElement>(null);
  // Back to the message, so the review keys work again at once.
  const onLeave = (): void => input.current?.closest<HTMLElement>('.review-item')?.focus();
  async function save(): Promise<void> {
    if (text.trim() !== '' && (await onSave(text.trim()))) {
      setText('');
      onLeave();
    }
  }
  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): void {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      void save();
    } else if (event.key === 'Escape') {
      // Handled here so the global Escape (close search results) does not also fire.
      event.preventDefault();
      event.stopPropagation();
      setText('');
      onLeave();
    }
  }
  return (
    <>
      <textarea
        ref={input}
        className="note-input"
        data-testid="review-note-input"
        rows={1}
        dir="auto"
        value={text}
        placeholder="Note… (Enter saves, Shift+Enter new line, Esc cancels)"
        aria-label="Note on this message"
        onChange={(event) => setText(event.target.value)}
        onKeyDown={onKeyDown}
      />
      <button type="button" className="small" data-testid="review-note-save" disabled={busy || text.trim() === ''} onClick={() => void save()}>
        Save note
      </button>
    </>
  );
}

interface CardProps {
  item: ReviewItem;
  current: boolean;
  tagCursor: number;
  busy: boolean;
  /** Recreated on every render of the queue; they read nothing but `item` and stable callbacks. */
  actions: ItemActions;
}

/**
 * Long queues re-render only the cards that changed when the cursor moves, so `actions` is left
 * out of the comparison (see CardProps).
 */
export const ReviewItemCard = memo(
  ReviewItemCardView,
  (before: CardProps, after: CardProps) =>
    before.item === after.item && before.current === after.current && before.busy === after.busy && (!after.current || before.tagCursor === after.tagCursor),
);

/** A tagged message as in the chat, its indicators with their decisions, notes and bookmark. */
export function ReviewItemCardView({ item, current, tagCursor, busy, actions }: CardProps) {
  const { message } = item;
  const focusedTag = current ? item.tags[tagCursor] : undefined;
  const ranges = messageTextRanges(focusedTag === undefined ? item.tags : [focusedTag]);
  const classes = ['review-item'];
  if (current) classes.push('is-current');
  if (item.bookmarked) classes.push('is-bookmarked');
  return (
    <li
      className={classes.join(' ')}
      data-testid="review-item"
      data-message-id={message.id}
      tabIndex={-1}
      aria-current={current ? 'true' : undefined}
      onFocus={(event) => {
        const tag = event.target.closest<HTMLElement>('[data-tag-index]')?.dataset['tagIndex'];
        actions.pick(tag === undefined ? null : Number(tag));
      }}
    >
      <div className="message-head">
        <bdi className="sender">{senderLabel(message)}</bdi>
        <time className="time" dateTime={message.timestamp ?? undefined} title={`As written in the source: ${message.timestampText}`}>
          {formatUtc(message.timestamp)}
        </time>
        <span className="muted">#{message.seq}</span>
        {message.lang !== 'und' && <span className="badge">{message.lang}</span>}
        {message.deleted && <span className="badge badge-deleted">deleted</span>}
        {item.bookmarked && <span className="badge badge-bookmark">bookmarked</span>}
        <button type="button" className="link small open-context" title="Open the conversation at this message (o)" onClick={actions.openInConversation}>
          Show in conversation
        </button>
      </div>
      <div className="message-text" dir="auto">
        <HighlightedText text={message.text} ranges={ranges} />
      </div>
      <ul className="review-tags" aria-label="Indicators">
        {item.tags.map((tag, index) => (
          <TagRow key={`${tag.marker} ${tag.origin}`} tag={tag} index={index} current={current && index === tagCursor} busy={busy} actions={actions} />
        ))}
      </ul>
      <NoLongerFoundDecisions entries={item.noLongerFound} busy={busy} onDecide={actions.decide} />
      {item.notes.length > 0 && <NoteList notes={item.notes} />}
      <div className="review-actions">
        <NoteField busy={busy} onSave={actions.saveNote} />
        <button type="button" className="small" data-testid="review-bookmark" aria-pressed={item.bookmarked} disabled={busy} onClick={actions.toggleBookmark}>
          {item.bookmarked ? 'Unbookmark' : 'Bookmark'}
        </button>
      </div>
    </li>
  );
}
