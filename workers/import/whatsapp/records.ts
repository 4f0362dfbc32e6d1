/**
 * One record per header, as the parser hands it on: its lines, its text as written, and what
 * the text is (a message, a system line, a placeholder). The wall clock is set by the caller,
 * which reads the dates in file order (parse-whatsapp-text.ts).
 */

import { isNameQuotedText, noticeReason, splitAuthor } from './authors.ts';
import type { AuthorCandidate, SenderStatistics } from './authors.ts';
import type { HeaderMatch } from './header-grammar.ts';
import { classifyPlaceholders, isMessagePlaceholder } from './placeholders.ts';
import type { SplitText } from './split-lines.ts';
import { describeMarks, removeInvisibleMarks, splitOpeningMarks } from './text-cleaning.ts';
import type { LineLocator, WhatsAppRecord } from './types.ts';

const TRAILING_EMPTY_LINES = /(?:\n\s*)+$/u;
const CARRIAGE_RETURN_LINE_FEED = /\r\n/gu;

export interface HeaderLine {
  /** 0-based line index. */
  line: number;
  match: HeaderMatch;
  content: string;
}

export function locate(split: SplitText, firstLine: number, lastLine: number): LineLocator {
  return {
    lineStart: firstLine + 1,
    lineEnd: lastLine + 1,
    byteStart: split.byteStarts[firstLine] ?? 0,
    byteEnd: split.byteStarts[lastLine + 1] ?? 0,
  };
}

/** Lines firstLine..lastLine joined with '\n' (CR before LF dropped). */
export function joinLines(split: SplitText, firstLine: number, lastLine: number): string {
  if (lastLine < firstLine) {
    return '';
  }
  const joined = split.text.slice(split.charStarts[firstLine] ?? 0, split.charEnds[lastLine] ?? 0);
  return joined.includes('\r\n') ? joined.replace(CARRIAGE_RETURN_LINE_FEED, '\n') : joined;
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

export function unparsedRecord(split: SplitText, lastLine: number, reason: string): WhatsAppRecord {
  return {
    kind: 'unparsed',
    locator: locate(split, 0, lastLine),
    timestampText: '',
    wallClock: null,
    sender: null,
    text: finishText(joinLines(split, 0, lastLine)),
    media: null,
    deleted: false,
    edited: false,
    reason,
  };
}

/**
 * The record of `header`, whose continuation lines end at `lastLine`, with `wallClock` null.
 * Placeholders and notices are recognised on a copy without marks; the text keeps them.
 */
export function classifyRecord(
  split: SplitText,
  statistics: SenderStatistics,
  header: HeaderLine,
  candidate: AuthorCandidate,
  lastLine: number,
): WhatsAppRecord {
  const author = splitAuthor(candidate, statistics);
  const continuation = joinLines(split, header.line + 1, lastLine);
  const text = finishText(lastLine > header.line ? `${author.body}\n${continuation}` : author.body);
  const plain = removeInvisibleMarks(text);
  const placeholders = classifyPlaceholders(plain);
  const record: WhatsAppRecord = {
    kind: author.sender === null ? 'system' : 'message',
    locator: locate(split, header.line, lastLine),
    timestampText: header.content.slice(header.match.stampStart, header.match.stampEnd),
    wallClock: null,
    sender: author.sender,
    text,
    media: placeholders.media,
    deleted: placeholders.deleted,
    edited: placeholders.edited,
  };
  if (placeholders.location) {
    record.location = true;
  }
  if (author.sender !== null && !isMessagePlaceholder(placeholders)) {
    const reason = noticeReason(author, plain, statistics);
    if (reason !== null) {
      record.kind = 'system';
      record.systemReason = reason;
      if (isNameQuotedText(author.sender)) {
        record.text = finishText(lastLine > header.line ? `${candidate.rest}\n${continuation}` : candidate.rest);
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
