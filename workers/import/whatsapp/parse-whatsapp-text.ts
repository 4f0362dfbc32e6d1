/**
 * Parser for WhatsApp "Export chat" text files (FORMATS.md §1).
 *
 * Three passes over the lines, all linear:
 * 1. split the bytes into lines and find the header lines (header-grammar.ts);
 * 2. decide the file's day/month order from all numeric dates (date-order.ts), gather
 *    sender statistics (authors.ts) and tell a group from a private chat (chat-kind.ts);
 * 3. build one record per header; its continuation lines are the lines up to the next
 *    header. Lines before the first header form one 'unparsed' record, so every line of
 *    the file is in exactly one record and the records' byte ranges tile the file.
 */

import { compareWallClocks } from './calendar.ts';
import { collectSenderStatistics, describeRest, mayBeNotice, splitAuthor } from './authors.ts';
import type { AuthorCandidate, SenderStatistics } from './authors.ts';
import { inferDateOrder, type DateFieldSample, type DateOrderDecision } from './date-order.ts';
import { matchHeader } from './header-grammar.ts';
import { looksLikeYear } from './calendar.ts';
import { ChatKindTally, type ChatKindDecision } from './chat-kind.ts';
import { lineText, splitLines, type SplitText } from './split-lines.ts';
import { classifyRecord, unparsedRecord, type HeaderLine } from './records.ts';
import { buildWallClock, createYearTracker, readDate, trackYear, type YearTracker } from './timestamps.ts';
import type {
  WallClock,
  WhatsAppParseOptions,
  WhatsAppParseResult,
  WhatsAppRecord,
} from './types.ts';
import { WarningCollector } from './warnings.ts';

function findHeaders(split: SplitText): HeaderLine[] {
  const headers: HeaderLine[] = [];
  for (let line = 0; line < split.lineCount; line += 1) {
    const content = lineText(split, line);
    const match = matchHeader(content);
    if (match !== null) {
      headers.push({ line, match, content });
    }
  }
  return headers;
}

function collectDateSamples(headers: readonly HeaderLine[]): { samples: DateFieldSample[]; firstYearFirstLine: number } {
  const samples: DateFieldSample[] = [];
  let firstYearFirstLine = 0;
  for (const header of headers) {
    const { field1, field2, field3 } = header.match;
    if (field1 === '') {
      continue;
    }
    if (looksLikeYear(field1)) {
      firstYearFirstLine ||= header.line + 1;
      continue;
    }
    samples.push({ line: header.line + 1, first: Number(field1), second: Number(field2), year: field3 });
  }
  return { samples, firstYearFirstLine };
}

interface RecordContext {
  split: SplitText;
  order: DateOrderDecision;
  statistics: SenderStatistics;
  years: YearTracker;
  warnings: WarningCollector;
  yearlessWarned: boolean;
  previousClock: WallClock | null;
  /** Date notes already reported: a calendar guess is said once, not on every line. */
  reportedNotes: Set<string>;
}

function resolveClock(context: RecordContext, header: HeaderLine, timestampText: string): WallClock | null {
  const lineNumber = header.line + 1;
  const date = readDate(header.match, context.order.order);
  if (date.note !== null && !context.reportedNotes.has(date.note)) {
    context.reportedNotes.add(date.note);
    context.warnings.add('date', lineNumber, date.note);
  }
  const year = trackYear(context.years, date);
  if (date.year === null && year === 0 && !context.yearlessWarned) {
    context.yearlessWarned = true;
    context.warnings.add('year', lineNumber, 'dates carry no year; wallClock.year is 0 (pass defaultYear to set it)');
  }
  const clock = buildWallClock(header.match, date, year);
  if (clock === null) {
    context.warnings.add('date', lineNumber, `"${timestampText}" is not a valid date and time`);
    return null;
  }
  if (context.previousClock !== null && compareWallClocks(clock, context.previousClock) < 0) {
    context.warnings.add('order', lineNumber, 'timestamp is earlier than the previous message');
  }
  context.previousClock = clock;
  return clock;
}

function buildRecord(
  context: RecordContext,
  header: HeaderLine,
  candidate: AuthorCandidate,
  lastLine: number,
): WhatsAppRecord {
  const timestampText = header.content.slice(header.match.stampStart, header.match.stampEnd);
  const wallClock = resolveClock(context, header, timestampText);
  const record = classifyRecord(context.split, context.statistics, header, candidate, lastLine);
  record.wallClock = wallClock;
  return record;
}

/**
 * Group or private (chat-kind.ts), decided before any record is handed on: the chat is
 * announced first. Most records are messages by a sender seen before, whose kind splitAuthor
 * settles cheaply; the rest (system lines, possible notices) are classified in full.
 */
function inferChatKind(split: SplitText, headers: readonly HeaderLine[], candidates: readonly AuthorCandidate[], statistics: SenderStatistics): ChatKindDecision {
  const tally = new ChatKindTally();
  headers.forEach((header, index) => {
    const candidate = candidates[index];
    if (candidate === undefined) return;
    const author = splitAuthor(candidate, statistics);
    if (author.sender !== null && !mayBeNotice(author, statistics)) {
      tally.addSender(author.sender);
      return;
    }
    const lastLine = (headers[index + 1]?.line ?? split.lineCount) - 1;
    const record = classifyRecord(split, statistics, header, candidate, lastLine);
    if (record.kind === 'system') tally.addSystemLine(header.line + 1, record.text);
    else if (record.sender !== null) tally.addSender(record.sender);
  });
  return tally.decide();
}

function detectPlatform(headers: readonly HeaderLine[]): WhatsAppParseResult['platform'] {
  let bracket = 0;
  let dash = 0;
  for (const header of headers) {
    if (header.match.style === 'bracket') bracket += 1;
    else if (header.match.style === 'dash') dash += 1;
  }
  if (bracket === 0 && dash === 0) return 'unknown';
  return bracket >= dash ? 'ios' : 'android';
}

function detectClock(headers: readonly HeaderLine[]): WhatsAppParseResult['clock'] {
  let twelve = 0;
  for (const header of headers) {
    if (header.match.dayPeriod !== null) twelve += 1;
  }
  if (twelve === 0) return '24h';
  return twelve === headers.length ? '12h' : 'mixed';
}

/** Parses the bytes of a WhatsApp text export. Never throws on malformed input. */
export function parseWhatsAppText(bytes: Uint8Array, options: WhatsAppParseOptions = {}): WhatsAppParseResult {
  const reading = readWhatsAppText(bytes, options);
  const records = [...reading.records()];
  return { ...reading.facts, records, warnings: reading.warnings() };
}

/** What a reading knows before any record is built; records follow one at a time. */
export interface WhatsAppReading {
  facts: Omit<WhatsAppParseResult, 'records' | 'warnings'>;
  /** The records in file order, built as they are taken (a million-line export is never all in memory). */
  records(): Generator<WhatsAppRecord>;
  /** The warnings, complete once records() has been read to the end. */
  warnings(): WhatsAppParseResult['warnings'];
}

/** Reads a WhatsApp text export: the whole file decides the date order, then records stream. */
export function readWhatsAppText(bytes: Uint8Array, options: WhatsAppParseOptions = {}): WhatsAppReading {
  const warnings = new WarningCollector();
  const split = splitLines(bytes);
  for (const line of split.invalidUtf8Lines) {
    warnings.add('encoding', line, `invalid UTF-8 on line ${line} (shown as U+FFFD)`);
  }
  const headers = findHeaders(split);
  const { samples, firstYearFirstLine } = collectDateSamples(headers);
  const order = inferDateOrder(samples, firstYearFirstLine, options.dateOrder);
  if (order.conflict !== null) {
    warnings.add('date-order', 0, order.conflict);
  }
  if (order.source === 'default' && samples.length > 0) {
    warnings.add('date-order', 0, `ambiguous date order: ${order.evidence}`);
  }
  const candidates = headers.map((header) => describeRest(header.content.slice(header.match.bodyStart)));
  const statistics = collectSenderStatistics(candidates);
  const chatKind = inferChatKind(split, headers, candidates, statistics);
  function* records(): Generator<WhatsAppRecord> {
    if (split.lineCount === 0) {
      warnings.add('file', 0, 'empty file');
    } else if (headers.length === 0) {
      warnings.add('file', 1, 'no WhatsApp message header found');
      yield unparsedRecord(split, split.lineCount - 1, 'no WhatsApp message header in the file');
    } else {
      yield* buildRecords({ split, headers, candidates, statistics, order }, options, warnings);
    }
  }
  return {
    facts: {
      platform: detectPlatform(headers),
      dateOrder: order.order,
      dateOrderSource: order.source,
      dateOrderEvidence: order.evidence,
      clock: detectClock(headers),
      lineCount: split.lineCount,
      chatKind: chatKind.kind,
      chatKindEvidence: chatKind.evidence,
    },
    records,
    warnings: () => warnings.finish(),
  };
}

/** What the whole-file passes found, for building the records. */
interface FileFacts {
  split: SplitText;
  headers: readonly HeaderLine[];
  candidates: readonly AuthorCandidate[];
  statistics: SenderStatistics;
  order: DateOrderDecision;
}

function* buildRecords(facts: FileFacts, options: WhatsAppParseOptions, warnings: WarningCollector): Generator<WhatsAppRecord> {
  const { split, headers, candidates } = facts;
  const firstHeader = headers[0];
  if (firstHeader !== undefined && firstHeader.line > 0) {
    yield unparsedRecord(split, firstHeader.line - 1, 'lines before the first message header');
  }
  const context: RecordContext = {
    split,
    order: facts.order,
    statistics: facts.statistics,
    years: createYearTracker(options.defaultYear),
    warnings,
    yearlessWarned: false,
    previousClock: null,
    reportedNotes: new Set(),
  };
  for (let index = 0; index < headers.length; index += 1) {
    const header = headers[index];
    const candidate = candidates[index];
    if (header === undefined || candidate === undefined) {
      continue;
    }
    const lastLine = (headers[index + 1]?.line ?? split.lineCount) - 1;
    yield buildRecord(context, header, candidate, lastLine);
  }
}
