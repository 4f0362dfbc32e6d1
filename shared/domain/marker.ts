import type { Message } from './message.ts';

/** An indicator the tagger found in a message: evidence for an analyst, never a verdict. */
export interface StoredTag {
  messageId: string;
  chatId: string;
  marker: string;
  /** 0..1. */
  score: number;
  /** UTF-16 [start, end) ranges of the matched words, in the message text or (origin 'ocr') in the searched text of its images' OCR results, joined by blank lines in attachment order as ocrTextsForRowids returns it (ocr_results.searchable_text; its text when stored before migration 0110). */
  spans: [number, number][];
  origin: 'text' | 'ocr';
  rule: string;
  rules: string[];
  lang: string;
  packVersion: string;
  /** Tool and version that produced the tag ("threadline-markers 1.0.0"). */
  tagger: string;
}

export type DecisionKind = 'confirm' | 'dismiss' | 'note' | 'bookmark' | 'unbookmark';

export interface ReviewDecision {
  messageId: string;
  /** The indicator decided on; null for decisions about the message (notes, bookmarks). */
  marker: string | null;
  decision: DecisionKind;
  note: string | null;
  by: string;
  at: string;
}

/**
 * An analyst's latest confirm or dismiss on an indicator the marker packs no longer find in its
 * message ("Look for indicators again" replaced the tags; decisions are kept). The decision is a
 * record and stays, shown apart so the analyst can decide again, and marked in a package.
 */
export interface DecisionOnIndicatorNoLongerFound {
  chatId: string;
  decision: ReviewDecision;
  /** The tagger and pack that last tagged the message's source and do not find it ("threadline-markers 1.0.0, debt-bondage pack 1.1.0"). */
  noLongerFoundBy: string;
}

export interface MarkerSummary {
  marker: string;
  messages: number;
  maxScore: number;
  first: string | null;
  last: string | null;
  confirmed: number;
  dismissed: number;
}

/** A conversation's indicators together: what co-occurs, when, from whom, and how risky it looks. */
export interface ConversationRisk {
  chatId: string;
  title: string;
  /** 0..1: grows with distinct indicators; repeating one indicator adds little. */
  score: number;
  markers: MarkerSummary[];
  taggedMessages: number;
  unreviewed: number;
  /** Who sends the tagged messages, most first. */
  senders: { sender: string; messages: number }[];
  /** Tagged messages per ISO week, oldest first: escalation at a glance. */
  weeks: { week: string; messages: number; markers: number }[];
  /** Decisions on indicators no longer found (DecisionOnIndicatorNoLongerFound): a conversation with some is listed even with no indicator left. */
  noLongerFound: number;
}

/**
 * What a decision can change of a conversation's ConversationRisk: its score, how many indicators
 * are left to decide, each indicator's confirmed and dismissed counts, and the decisions on
 * indicators no longer found. The Review view asks for the decided conversation's alone after each
 * decision rather than ranking every conversation again.
 */
export interface ConversationReviewFigures {
  chatId: string;
  score: number;
  unreviewed: number;
  noLongerFound: number;
  markers: { marker: string; confirmed: number; dismissed: number }[];
}

/**
 * One message's indicators and decisions, without the message: what the conversation view shows
 * beside messages it already has (the review queue's items carry each message whole).
 */
export interface MessageIndicatorsOf {
  messageId: string;
  tags: ReviewItem['tags'];
  noLongerFound: ReviewItem['noLongerFound'];
  notes: ReviewItem['notes'];
  bookmarked: boolean;
}

/** A page of a conversation's review queue (markers.queue). */
export interface ReviewQueuePage {
  /** Messages in the whole queue. */
  total: number;
  /** Position in the queue of the first item of `items`. */
  offset: number;
  items: ReviewItem[];
  /**
   * Position of the first message with an indicator left to decide (0 when none is); null for a
   * page asked for by its offset, which is not where the window starts (finding it reads every
   * decision of the conversation).
   */
  firstUndecided: number | null;
  /** Position of the message asked for as `focus`, null when it is not in the queue, none was asked for, or the page was asked for by its offset. */
  focusIndex: number | null;
}

export interface ReviewItem {
  message: Message;
  chatTitle: string;
  tags: (StoredTag & { decision: ReviewDecision | null })[];
  notes: ReviewDecision[];
  bookmarked: boolean;
  /** Decisions on indicators of this message the marker packs no longer find. */
  noLongerFound: DecisionOnIndicatorNoLongerFound[];
}

export interface CoverageReport {
  tags: number;
  /** Latest confirm/dismiss decisions on indicators still found (of `tags`), and of them confirmed and dismissed. */
  decided: number;
  confirmed: number;
  dismissed: number;
  /** Latest confirm/dismiss decisions on indicators the marker packs no longer find: kept, and counted apart from `decided`. */
  noLongerFound: number;
  messagesSeen: number;
  notes: number;
  bookmarks: number;
  byAnalyst: { by: string; decisions: number; first: string; last: string }[];
}

export interface SharedIdentifier {
  kind: string;
  value: string;
  chats: number;
  sources: number;
  messages: number;
  examples: { chatId: string; chatTitle: string; messageId: string; raw: string }[];
}
