/**
 * Parser for WhatsApp "Export chat" text files (FORMATS.md §1).
 *
 * Two passes over the lines, both linear and both streamed (a region of whole lines at a time,
 * line-regions.ts), so a million-line export is never held in memory, not even its headers:
 * 1. the scan finds the header lines (header-grammar.ts) and gathers what the whole file
 *    decides: the day/month order (date-order.ts), sender statistics (authors.ts), platform
 *    and clock;
 * 2. the assembly builds one record per header; its continuation lines are the lines up to the
 *    next header. Lines before the first header form one 'unparsed' record, so every line of
 *    the file is in exactly one record and the records' byte ranges tile the file. The records
 *    also tell a group from a private chat (chat-kind.ts), known once the last one is built.
 */

import { compareWallClocks, looksLikeYear } from './calendar.ts';
import { describeRest, SenderStatisticsBuilder } from './authors.ts';
import type { AuthorCandidate, SenderStatistics } from './authors.ts';
import { ChatKindTally, type ChatKindDecision } from './chat-kind.ts';
import { DateOrderTally, webExportOrder, type DateOrderDecision } from './date-order.ts';
import { matchHeader, type HeaderMatch } from './header-grammar.ts';
import { regionsOfBytes, regionsOfStream, type LineRegion } from './line-regions.ts';
import { classifyRecord, unparsedLines, type HeaderLine } from './records.ts';
import { lineText } from './split-lines.ts';
import { buildWallClock, createYearTracker, readDate, trackYear, type YearTracker } from './timestamps.ts';
import type { DateOrder, LineLocator, WallClock, WhatsAppParseOptions, WhatsAppParseResult, WhatsAppRecord } from './types.ts';
import { WarningCollector } from './warnings.ts';
import { isWebExportNoticeLine, isWebExportPreamble, preambleRecord, readWebExportMessage } from './web-export.ts';

interface RecordContext {
  order: DateOrderDecision;
  statistics: SenderStatistics;
  years: YearTracker;
  warnings: WarningCollector;
  yearlessWarned: boolean;
  previousClock: WallClock | null;
  /** Date notes already reported: a calendar guess is said once, not on every line. */
  reportedNotes: Set<string>;
  /** In a file that mixes day/month orders: the latest date that fits only one of them. */
  latestFit: { order: DateOrder; line: number } | null;
}

const MAX_MONTH = 12;

/**
 * The order to read one line's numeric date in. In a file that mixes day-first and month-first
 * dates (exports concatenated or edited by hand) the file's majority order is no guide for a
 * date that fits both (`03/02/2021`): it is read like the nearest earlier date that fits only
 * one order, and its line is warned about, instead of silently taking the majority order.
 * Dates that fit one order only are left to readDate, which reads them that way and says so.
 */
function orderForLine(context: RecordContext, match: HeaderMatch, lineNumber: number): DateOrder {
  const fileOrder = context.order.order;
  if (context.order.conflict === null || match.field1 === '' || match.yearFirst || looksLikeYear(match.field1)) {
    return fileOrder;
  }
  const first = Number(match.field1);
  const second = Number(match.field2);
  if (first > MAX_MONTH !== second > MAX_MONTH) {
    context.latestFit = { order: first > MAX_MONTH ? 'dmy' : 'mdy', line: lineNumber };
    return fileOrder;
  }
  if (first > MAX_MONTH || first === second) {
    return fileOrder;
  }
  const fit = context.latestFit;
  const order = fit?.order ?? fileOrder;
  const reason = fit === null ? 'the order of most of the file' : `like line ${fit.line}`;
  context.warnings.add('date', lineNumber, `date "${match.field1}/${match.field2}/${match.field3}" fits both day/month orders in a file that mixes them; read as ${order}, ${reason}`);
  return order;
}

function resolveClock(context: RecordContext, header: HeaderLine, timestampText: string): WallClock | null {
  const lineNumber = header.line + 1;
  const date = readDate(header.match, orderForLine(context, header.match, lineNumber));
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

/** `continuation` holds the lines after the header line, or null when there are none. */
function buildRecord(
  context: RecordContext,
  header: HeaderLine,
  candidate: AuthorCandidate,
  continuation: string | null,
  locator: LineLocator,
): WhatsAppRecord {
  const timestampText = header.content.slice(header.match.stampStart, header.match.stampEnd);
  const wallClock = resolveClock(context, header, timestampText);
  const record = classifyRecord(context.statistics, header, candidate, continuation, locator);
  record.wallClock = wallClock;
  return record;
}

/** What the first pass decides; the chat's kind is only known once every record is built. */
type WhatsAppFacts = Omit<WhatsAppParseResult, 'records' | 'warnings' | 'chatKind' | 'chatKindEvidence'>;

/** Pass 1: what only the whole file can decide, gathered one region at a time. */
class HeaderScan {
  lineCount = 0;
  headerCount = 0;
  /** 0-based line of the first header, -1 while none is seen. */
  private firstHeaderLine = -1;
  private firstYearFirstLine = 0;
  /** 1-based line of the first `[stamp] - text` header (WhatsApp Web's export), 0 while none. */
  private firstWebExportLine = 0;
  /** 1-based line of WhatsApp Web's untimed end-to-end notice before the first header, 0 while none. */
  private webNoticeLine = 0;
  private bracket = 0;
  private dash = 0;
  private twelveHour = 0;
  private readonly dates = new DateOrderTally();
  private readonly senders = new SenderStatisticsBuilder();

  constructor(private readonly warnings: WarningCollector) {}

  add(region: LineRegion): void {
    const { split, firstLine } = region;
    for (const line of split.invalidUtf8Lines) {
      this.warnings.add('encoding', firstLine + line, `invalid UTF-8 on line ${firstLine + line} (shown as U+FFFD)`);
    }
    for (let index = 0; index < split.lineCount; index += 1) {
      const content = lineText(split, index);
      const match = matchHeader(content);
      if (match !== null) this.addHeader(firstLine + index, match, content);
      else this.senders.addContinuation();
      if (match === null && this.firstHeaderLine === -1 && isWebExportNoticeLine(content)) this.webNoticeLine ||= firstLine + index + 1;
    }
    this.lineCount += split.lineCount;
  }

  private addHeader(line: number, match: HeaderMatch, content: string): void {
    this.headerCount += 1;
    if (this.firstHeaderLine === -1) this.firstHeaderLine = line;
    if (match.style === 'bracket') this.bracket += 1;
    else if (match.style === 'dash') this.dash += 1;
    if (match.dayPeriod !== null) this.twelveHour += 1;
    if (match.dashAfterBracket) this.firstWebExportLine ||= line + 1;
    const { field1, field2, field3 } = match;
    if (field1 !== '') {
      if (match.yearFirst || looksLikeYear(field1)) this.firstYearFirstLine ||= line + 1;
      else this.dates.add({ line: line + 1, first: Number(field1), second: Number(field2), year: field3 });
    }
    this.senders.add(describeRest(content.slice(match.bodyStart)));
  }

  /** The file's date order, with the warnings it calls for. */
  decideOrder(options: WhatsAppParseOptions): DateOrderDecision {
    const order = webExportOrder(this.dates.decide(this.firstYearFirstLine, options.dateOrder), this.webExportEvidence());
    if (order.conflict !== null) {
      this.warnings.add('date-order', 0, order.conflict);
    }
    if (order.source === 'default' && this.dates.size > 0) {
      this.warnings.add('date-order', 0, `ambiguous date order: ${order.evidence}`);
    }
    return order;
  }

  senderStatistics(): SenderStatistics {
    return this.senders.finish(this.firstHeaderLine);
  }

  facts(order: DateOrderDecision): WhatsAppFacts {
    const platform = this.bracket === 0 && this.dash === 0 ? 'unknown' : this.bracket >= this.dash ? 'ios' : 'android';
    const clock = this.twelveHour === 0 ? '24h' : this.twelveHour === this.headerCount ? '12h' : 'mixed';
    return {
      platform,
      dateOrder: order.order,
      dateOrderSource: order.source,
      dateOrderEvidence: order.evidence,
      clock,
      lineCount: this.lineCount,
      webExportEvidence: this.webExportEvidence(),
    };
  }

  /** What shows the file is WhatsApp Web's export, or null. */
  webExportEvidence(): string | null {
    if (this.firstWebExportLine !== 0) return `line ${this.firstWebExportLine} has the "[date, time] - " shape only WhatsApp Web's export writes`;
    return this.webNoticeLine === 0 ? null : `line ${this.webNoticeLine} is the untimed end-to-end notice WhatsApp Web's export opens with`;
  }
}

/** The record being gathered: a header and its continuation lines, or lines with no header. */
interface OpenRecord {
  header: HeaderLine | null;
  lines: string[];
  lastLine: number;
  byteStart: number;
  byteEnd: number;
}

/** Pass 2: records, built as the regions come; each is handed on once the next header closes it. */
class RecordAssembly {
  private open: OpenRecord | null = null;
  /** Group or private, from the records as they are built (chat-kind.ts). */
  readonly chatKind = new ChatKindTally();

  constructor(
    private readonly context: RecordContext,
    private readonly fileHasHeaders: boolean,
    private readonly webExport: boolean,
  ) {}

  *add(region: LineRegion): Generator<WhatsAppRecord> {
    const { split, firstLine, byteOffset } = region;
    for (let index = 0; index < split.lineCount; index += 1) {
      const content = lineText(split, index);
      const line = firstLine + index;
      const byteEnd = byteOffset + (split.byteStarts[index + 1] ?? 0);
      const match = this.fileHasHeaders ? matchHeader(content) : null;
      if (match !== null) {
        if (this.open !== null) yield this.close(this.open);
        this.open = { header: { line, match, content }, lines: [], lastLine: line, byteStart: byteOffset + (split.byteStarts[index] ?? 0), byteEnd };
      } else if (this.open === null) {
        this.open = { header: null, lines: [content], lastLine: line, byteStart: byteOffset + (split.byteStarts[index] ?? 0), byteEnd };
      } else {
        this.open.lines.push(content);
        this.open.lastLine = line;
        this.open.byteEnd = byteEnd;
      }
    }
  }

  *finish(): Generator<WhatsAppRecord> {
    if (this.open !== null) yield this.close(this.open);
    this.open = null;
  }

  private close(open: OpenRecord): WhatsAppRecord {
    const firstLine = open.header?.line ?? open.lastLine - open.lines.length + 1;
    const locator: LineLocator = { lineStart: firstLine + 1, lineEnd: open.lastLine + 1, byteStart: open.byteStart, byteEnd: open.byteEnd };
    if (open.header === null) {
      if (this.fileHasHeaders && isWebExportPreamble(open.lines)) return preambleRecord(locator, open.lines, this.context.warnings);
      const reason = this.fileHasHeaders ? 'lines before the first message header' : 'no WhatsApp message header in the file';
      return unparsedLines(locator, open.lines, reason);
    }
    const { header } = open;
    const continuation = open.lines.length === 0 ? null : open.lines.join('\n');
    const record = buildRecord(this.context, header, describeRest(header.content.slice(header.match.bodyStart)), continuation, locator);
    if (this.webExport && record.kind === 'message' && record.sender !== null) readWebExportMessage(record);
    if (record.kind === 'system') this.chatKind.addSystemLine(header.line + 1, record.text);
    else if (record.sender !== null) this.chatKind.addSender(record.sender);
    return record;
  }
}

/** Parses the bytes of a WhatsApp text export. Never throws on malformed input. */
export function parseWhatsAppText(bytes: Uint8Array, options: WhatsAppParseOptions = {}): WhatsAppParseResult {
  const reading = readWhatsAppText(bytes, options);
  const records = [...reading.records()];
  const chatKind = reading.chatKind();
  return { ...reading.facts, chatKind: chatKind.kind, chatKindEvidence: chatKind.evidence, records, warnings: reading.warnings() };
}

/** What a reading knows before any record is built; records follow one at a time. */
export interface WhatsAppReading<Records> {
  facts: WhatsAppFacts;
  /** The records in file order, built as they are taken. */
  records(): Records;
  /** The warnings, complete once records() has been read to the end. */
  warnings(): WhatsAppParseResult['warnings'];
  /** Group or private, decided once records() has been read to the end. */
  chatKind(): ChatKindDecision;
}

export interface WhatsAppStreamReading extends WhatsAppReading<AsyncGenerator<WhatsAppRecord>> {
  /**
   * The same records, a run per region of the stream: a reader takes each run without waiting
   * for a promise per record.
   */
  recordRuns(): AsyncGenerator<WhatsAppRecord[]>;
}

/** Reads a WhatsApp text export already in memory (a zip entry, a test): same passes as a stream. */
export function readWhatsAppText(bytes: Uint8Array, options: WhatsAppParseOptions = {}): WhatsAppReading<Generator<WhatsAppRecord>> {
  const regions = [...regionsOfBytes(bytes)];
  const warnings = new WarningCollector();
  const scan = new HeaderScan(warnings);
  for (const region of regions) scan.add(region);
  const { facts, assembly } = startAssembly(scan, options, warnings);
  function* records(): Generator<WhatsAppRecord> {
    if (!noteEmptyFile(scan, warnings)) return;
    for (const region of regions) yield* assembly.add(region);
    yield* assembly.finish();
  }
  return { facts, records, warnings: () => warnings.finish(), chatKind: () => assembly.chatKind.decide() };
}

/**
 * Memory the first pass may keep of the file for the second, as decoded regions (their text,
 * two bytes a character at worst, and three numbers a line): a file whose regions fit is read
 * and decoded once. Decoding a 130 MB export took ~0.5 s a pass, a sixth of the second pass.
 * Larger files are read again from the start (a multi-gigabyte export is never held).
 */
export const KEPT_REGIONS_BUDGET_BYTES = 256 * 1024 * 1024;

/** The regions of the first pass, while they fit the budget; dropped all at once when they stop fitting. */
class KeptRegions {
  private regions: LineRegion[] | null = [];
  private bytes = 0;

  constructor(private readonly budget: number) {}

  offer(region: LineRegion): void {
    if (this.regions === null) return;
    const { split } = region;
    this.bytes += split.text.length * 2 + (split.lineCount * 3 + 1) * Float64Array.BYTES_PER_ELEMENT;
    if (this.bytes > this.budget) this.regions = null;
    else this.regions.push(region);
  }

  /** The kept regions, each let go as it is taken; null when the file did not fit. Once only. */
  take(): Iterable<LineRegion> | null {
    const regions = this.regions;
    this.regions = null;
    if (regions === null) return null;
    regions.reverse();
    return {
      *[Symbol.iterator]() {
        for (let region = regions.pop(); region !== undefined; region = regions.pop()) yield region;
      },
    };
  }
}

/**
 * Reads a WhatsApp text export as a stream: `open` must give the same bytes each time it is
 * called. The first pass reads it all; the second takes the regions the first kept when the file
 * fits `keepBudgetBytes` (KeptRegions), and reads it again otherwise.
 * `onScanned` hears the bytes the first pass has covered (for progress and cancelling).
 */
export async function readWhatsAppStream(
  open: () => AsyncIterable<Uint8Array>,
  options: WhatsAppParseOptions = {},
  onScanned: (bytes: number) => void = () => undefined,
  keepBudgetBytes = KEPT_REGIONS_BUDGET_BYTES,
): Promise<WhatsAppStreamReading> {
  const warnings = new WarningCollector();
  const scan = new HeaderScan(warnings);
  const kept = new KeptRegions(keepBudgetBytes);
  for await (const region of regionsOfStream(open())) {
    scan.add(region);
    kept.offer(region);
    onScanned(region.byteOffset + (region.split.byteStarts[region.split.lineCount] ?? 0));
  }
  const { facts, assembly } = startAssembly(scan, options, warnings);
  async function* recordRuns(): AsyncGenerator<WhatsAppRecord[]> {
    if (!noteEmptyFile(scan, warnings)) return;
    for await (const region of kept.take() ?? regionsOfStream(open())) yield [...assembly.add(region)];
    yield [...assembly.finish()];
  }
  async function* records(): AsyncGenerator<WhatsAppRecord> {
    for await (const run of recordRuns()) yield* run;
  }
  return { facts, records, recordRuns, warnings: () => warnings.finish(), chatKind: () => assembly.chatKind.decide() };
}

function startAssembly(scan: HeaderScan, options: WhatsAppParseOptions, warnings: WarningCollector): { facts: WhatsAppFacts; assembly: RecordAssembly } {
  const order = scan.decideOrder(options);
  const context: RecordContext = {
    order,
    statistics: scan.senderStatistics(),
    years: createYearTracker(options.defaultYear),
    warnings,
    yearlessWarned: false,
    previousClock: null,
    reportedNotes: new Set(),
    latestFit: null,
  };
  const facts = scan.facts(order);
  return { facts, assembly: new RecordAssembly(context, scan.headerCount > 0, facts.webExportEvidence !== null) };
}

/** Warns about a file with no lines or no header; false when there is nothing to read. */
function noteEmptyFile(scan: HeaderScan, warnings: WarningCollector): boolean {
  if (scan.lineCount === 0) {
    warnings.add('file', 0, 'empty file');
    return false;
  }
  if (scan.headerCount === 0) warnings.add('file', 1, 'no WhatsApp message header found');
  return true;
}
