/**
 * One record per header, as the parser hands it on: its lines, its text as written, and what
 * the text is (a message, a system line, a placeholder). The wall clock is set by the caller,
 * which reads the dates in file order (parse-whatsapp-text.ts).
 */

import { splitAuthor } from './authors.ts';
import { isNameQuotedText, noticeReason } from './author-notices.ts';
import type { AuthorCandidate, SenderStatistics } from './authors.ts';
import type { HeaderMatch } from './header-grammar.ts';
import { classifyPlaceholders, isMessagePlaceholder } from './placeholders.ts';
import { describeMarks, removeInvisibleMarks, splitOpeningMarks } from './text-cleaning.ts';
import type { LineLocator, WhatsAppRecord } from './types.ts';

const TRAILING_EMPTY_LINES = /(?:\n\s*)+$/u;

export interface HeaderLine {
  /** 0-based line index. */
  line: number;
  match: HeaderMatch;
  content: string;
}

/** Blank lines at the end (export padding) dropped; everything else, marks included, as written. */
function finishText(raw: string): string {
  return raw.includes('\n') ? raw.replace(TRAILING_EMPTY_LINES, '') : raw;
}

/**
 * A system line or placeholder is WhatsApp's own wording: the marks WhatsApp puts before it
 * (text-cleaning.ts, isOpeningMark) are cut from the text and kept on the record, so they never
 * show as leading noise and are never lost. Marks further in stay where they are.
 */
function cutOpeningMarks(record: WhatsAppRecord): void {
  const { marks, rest } = splitOpeningMarks(record.text);
  if (marks !== '') {
    record.text = rest;
    record.leadingMarks = describeMarks(marks);
  }
}

/** WhatsApp Web's export opens a forwarded message's body with one of these (WAWebExportChatPlainTextFormatter). */
const FORWARDED_MANY_TIMES = '[Forwarded many times] ';
const FORWARDED_ONCE = '[Forwarded] ';

/** How the body says it was forwarded, or undefined; the text keeps the mark as written. */
function forwardedMark(body: string): 'once' | 'many times' | undefined {
  if (body.startsWith(FORWARDED_ONCE)) return 'once';
  return body.startsWith(FORWARDED_MANY_TIMES) ? 'many times' : undefined;
}

/** Lines that belong to no header, kept raw: `lines` are their texts (without CR/LF). */
export function unparsedLines(locator: LineLocator, lines: readonly string[], reason: string): WhatsAppRecord {
  return {
    kind: 'unparsed',
    locator,
    timestampText: '',
    wallClock: null,
    sender: null,
    text: finishText(lines.join('\n')),
    media: null,
    deleted: false,
    edited: false,
    reason,
  };
}

/**
 * The record of `header`, with `wallClock` null; `continuation` holds the lines after the header
 * line joined by '\n', or null when there are none. Placeholders and notices are recognised on a
 * copy without marks; the text keeps them.
 */
export function classifyRecord(
  statistics: SenderStatistics,
  header: HeaderLine,
  candidate: AuthorCandidate,
  continuation: string | null,
  locator: LineLocator,
): WhatsAppRecord {
  const author = splitAuthor(candidate, statistics);
  const text = finishText(continuation !== null ? `${author.body}\n${continuation}` : author.body);
  const plain = removeInvisibleMarks(text);
  const placeholders = classifyPlaceholders(plain, text);
  const record: WhatsAppRecord = {
    kind: author.sender === null ? 'system' : 'message',
    locator,
    timestampText: header.content.slice(header.match.stampStart, header.match.stampEnd),
    wallClock: null,
    sender: author.sender,
    text,
    media: placeholders.media,
    deleted: placeholders.deleted,
    edited: placeholders.edited,
  };
  if (placeholders.moreMedia !== null) {
    record.moreMedia = placeholders.moreMedia;
  }
  if (placeholders.location) {
    record.location = true;
  }
  if (placeholders.waiting) {
    record.waiting = true;
  }
  // Marks are removed only from a body that may hold the label: a regex pass over every body of
  // an export of millions costs more than the rest of this check.
  const forwarded = author.sender === null || !author.body.includes('[Forwarded') ? undefined : forwardedMark(removeInvisibleMarks(author.body));
  if (forwarded !== undefined) {
    record.forwarded = forwarded;
  }
  if (author.sender !== null && !isMessagePlaceholder(placeholders)) {
    const reason = noticeReason(author, plain, statistics, header.line);
    if (reason !== null) {
      record.kind = 'system';
      record.systemReason = reason;
      if (isNameQuotedText(author.sender)) {
        record.text = finishText(continuation !== null ? `${candidate.rest}\n${continuation}` : candidate.rest);
      } else {
        record.attributedTo = author.sender;
      }
      record.sender = null;
    }
  }
  if (record.kind === 'system' || isMessagePlaceholder(placeholders)) {
    cutOpeningMarks(record);
  }
  return record;
}
