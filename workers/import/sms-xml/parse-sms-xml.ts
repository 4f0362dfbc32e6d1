/**
 * SyncTech "SMS Backup & Restore" XML (`<smses>` of `<sms>`/`<mms>`), streamed through saxes
 * chunk by chunk: backups with inline MMS media reach gigabytes, so no DOM and no whole text is
 * ever held; one element at a time is. The plain one-line `<sms …/>` elements that are most of a
 * backup are read from the file's bytes without saxes (plain-sms-bytes.ts), only where the
 * reading cannot differ from saxes's, and a sink that takes encoded messages (RecordWriter) gets
 * their text and extra as UTF-8 (plain-sms-record.ts); tests compare both readings and the rows
 * they store. `<call>` elements (call-log backups) become call-log records, kind 'system', one
 * conversation per other party (see call-log.ts).
 *
 * Bad XML does not crash the import: what was read before the fault is kept, the element the
 * fault cut becomes an 'unparsed' record with its raw text, and a warning gives the line and
 * column (read-end.ts). Only a file with nothing readable at all throws.
 */

import { isUtf8 } from 'node:buffer';
import { SaxesParser } from 'saxes';
import type { ParsedMessage, ParseOutcome, ParserInput, ParseSink, SourceLocator } from '../../../shared/contracts/parsed-source.ts';
import { AppError } from '../../../shared/errors.ts';
import { PROGRESS_EVERY_RECORDS, RAW_TEXT_LIMIT, WarningLimiter } from '../import-limits.ts';
import { feedInSlices } from '../feed-in-slices.ts';
import { Utf8ChunkDecoder } from '../telegram/utf8-chunks.ts';
import { AddressKeys } from './address.ts';
import { smsBackupCall, smsBackupCallChat } from './call-log.ts';
import { messageChat, writtenBySignalbackupTools } from './message-chat.ts';
import { repeatedIn, type Fault, type OpenElement } from './open-element.ts';
import { cutRecord, finishRead, isRecordElement } from './read-end.ts';
import { errorReadPast } from './saxes-errors.ts';
import { isBetweenMarkup, readsAsXml10 } from './saxes-state.ts';
import { MAX_PLAIN_SMS_BYTES, PlainSmsLineReader } from './plain-sms-bytes.ts';
import { PlainSmsRecords } from './plain-sms-record.ts';
import { mmsMessage, smsMessage, type RecordResult } from './records.ts';
import { EntityDeclarationError, PrologueTooLongError, XmlPrefilter } from './xml-prefilter.ts';

export const SMS_BACKUP_XML_PARSER_VERSION = '1.12.1';

/**
 * Longest stretch of text saxes may accumulate without an event (one attribute value, in
 * practice an MMS part's base64 data). Real MMS parts are a few MB; beyond this the file is
 * treated as broken at that point rather than letting one value exhaust memory.
 */
export const MAX_ELEMENT_CHARS = 256 * 1024 * 1024;

export async function parseSmsBackupXml(input: ParserInput, sink: ParseSink): Promise<ParseOutcome> {
  return readSmsBackupXml(input, sink, { plainLane: true });
}

/**
 * `plainLane: false` has saxes read every element; the tests compare the two readings (what the
 * plain-sms line reader takes must come out exactly as saxes would give it, and be stored as the
 * same rows).
 */
export async function readSmsBackupXml(input: ParserInput, sink: ParseSink, { plainLane }: { plainLane: boolean }): Promise<ParseOutcome> {
  const file = input.displayName;
  const warnings = new WarningLimiter(sink, file);
  const decoder = new Utf8ChunkDecoder();
  const prefilter = new XmlPrefilter();
  const parser = new SaxesParser<{ xmlns: false; position: true; fileName: string }>({ xmlns: false, position: true, fileName: file });
  const ready: ParsedMessage[] = [];
  const announced = new Set<string>();
  const siblingCounts = new Map<string, number>();
  let root: string | null = null;
  let rootCount: string | null = null;
  // The root's count written unquoted marks, with the rest of the root, signalbackup-tools' files (message-chat.ts).
  let countUnquoted = false;
  let groupTitled = false;
  let depth = 0;
  // Written from saxes callbacks; held in an object so the compiler does not narrow them away.
  const state: { element: OpenElement | null; fault: Fault | null } = { element: null, fault: null };
  let calls = 0;
  let messages = 0;
  let unparsed = 0;
  let unknownElements = 0;
  let recoverable = 0;
  // Raw text of the element being read, kept (up to RAW_TEXT_LIMIT) for an 'unparsed' record.
  let fed = 0;
  let window = '';
  let windowStart = 0;
  // Plain sms lines read from bytes (plain-sms-bytes.ts), and what that reading carries between chunks.
  const lineReader = new PlainSmsLineReader();
  const keys = new AddressKeys();
  const plainRecords = new PlainSmsRecords(lineReader, keys);
  const encodedSink = sink.encodedMessage?.bind(sink);
  /** The start of a line the last chunk ended inside of. */
  let partialLine: Buffer | null = null;
  /** The line being read began in a chunk that went to the text path (it was too long to carry). */
  let midLine = false;
  /** Line breaks of plain lines not yet given to saxes, which counts the lines (see readPlainLine). */
  let pendingLineBreaks = 0;

  const elementLocator = (name: string, index: number, line: number, column: number): SourceLocator => ({ kind: 'xml-path', file, path: `/${root ?? 'smses'}/${name}[${index}]`, line, column });
  const locatorFor = (open: OpenElement): SourceLocator => elementLocator(open.name, open.index, open.line, open.column);

  const emit = (result: RecordResult, open: OpenElement): void => {
    for (const note of result.notes) warnings.add('record', `${file}:${open.line}:${open.column}`, note);
    const { message } = result;
    if (!announced.has(message.chatKey)) {
      announced.add(message.chatKey);
      sink.chat(open.name === 'call' ? smsBackupCallChat(message.chatKey, open.attributes ?? {}) : messageChat(message.chatKey, open.attributes ?? {}, groupTitled));
    }
    if (open.repeated.length > 0) message.extra = { ...message.extra, repeatedAttributes: open.repeated };
    ready.push(message);
  };

  parser.on('error', (error: Error) => {
    if (state.fault !== null) return;
    const detail = error.message.replace(/^[^:]*:\d+:\d+: /u, '');
    const readPast = errorReadPast(detail, depth);
    if (readPast !== null) {
      recoverable += 1;
      countUnquoted ||= depth === 0 && detail.startsWith('unquoted');
      warnings.add(readPast.kind, `${file}:${parser.line}:${parser.column}`, readPast.message);
      return;
    }
    state.fault = { line: parser.line, column: parser.column, message: detail };
  });
  parser.on('doctype', (doctype: string) => {
    // The prefilter refuses entity declarations before saxes; this is the second lock.
    if (/<!ENTITY/iu.test(doctype) && state.fault === null) state.fault = { line: parser.line, column: parser.column, message: 'the DOCTYPE declares XML entities' };
  });
  /** The attributes of the tag being read, as written (a repeated one more than once). */
  let tagAttributes: { name: string; value: string }[] = [];
  parser.on('attribute', (attribute) => {
    tagAttributes.push({ name: attribute.name, value: attribute.value });
  });
  parser.on('opentagstart', (tag) => {
    tagAttributes = [];
    if (state.fault !== null || depth !== 1) return;
    const index = (siblingCounts.get(tag.name) ?? 0) + 1;
    siblingCounts.set(tag.name, index);
    // saxes has read the name and the character ending it; the '<' comes just before the name.
    const start = Math.max(0, parser.position - tag.name.length - 2);
    state.element = { name: tag.name, index, line: parser.line, column: Math.max(1, parser.column - tag.name.length - 1), start, attributes: null, parts: [], addrs: [], repeated: [] };
  });
  parser.on('opentag', (tag) => {
    if (state.fault !== null) return;
    depth += 1;
    if (depth === 1) {
      root = tag.name;
      rootCount = tag.attributes['count'] ?? null;
      groupTitled = writtenBySignalbackupTools(tag.attributes, countUnquoted);
      if (root !== 'smses' && root !== 'calls') state.fault = { line: parser.line, column: parser.column, message: `the root element is <${root}>, not <smses> or <calls>` };
      return;
    }
    const open = state.element;
    if (open === null) return;
    // Named as the file has it: the record, or its nth part or addr (extra.parts keeps the same order).
    const place = tag.name === 'part' ? `part ${open.parts.length + 1}` : tag.name === 'addr' ? `addr ${open.addrs.length + 1}` : tag.name;
    open.repeated.push(...repeatedIn(place, tagAttributes));
    if (depth === 2) open.attributes = tag.attributes;
    else if (tag.name === 'part') open.parts.push({ attributes: tag.attributes });
    else if (tag.name === 'addr') open.addrs.push(tag.attributes);
  });
  parser.on('closetag', (tag) => {
    if (state.fault !== null) return;
    depth -= 1;
    if (depth !== 1) return;
    const open = state.element;
    state.element = null;
    if (open === null || open.attributes === null) return;
    const locator = locatorFor(open);
    if (tag.name === 'sms') emit(smsMessage(open.attributes, locator, keys), open);
    else if (tag.name === 'mms') emit(mmsMessage(open.attributes, open.parts, open.addrs, locator, keys), open);
    else if (tag.name === 'call') {
      calls += 1;
      emit(smsBackupCall(open.attributes, locator, keys), open);
    }
    else {
      unknownElements += 1;
      warnings.add('element', `${file}:${open.line}:${open.column}`, `unknown element <${tag.name}> under <${root ?? '?'}>; not a message, not imported`);
    }
  });

  const flush = async (): Promise<void> => {
    for (const message of ready.splice(0, ready.length)) {
      messages += 1;
      // Waited for only when the sink has something to wait for (RecordWriter.message).
      const taken = sink.message(message);
      if (taken !== undefined) await taken;
      if (messages % PROGRESS_EVERY_RECORDS === 0) sink.throwIfCancelled();
    }
  };

  /**
   * Between the root's children, with nothing of saxes's open (a comment, a CDATA section), in an
   * XML 1.0 document (plain-sms-bytes.ts knows 1.0's characters and line breaks only), at the
   * start of a line, with nothing held back by the decoder or the prefilter: a plain line may be
   * read from bytes here.
   */
  const plainLineMayFollow = (): boolean =>
    plainLane &&
    depth === 1 &&
    state.element === null &&
    state.fault === null &&
    isBetweenMarkup(parser) &&
    readsAsXml10(parser) &&
    prefilter.holdsNothing &&
    decoder.atCharacterStart;

  /** The text path: UTF-8 decoder, prefilter, saxes; records handed on as they come. */
  const readText = async (bytes: Uint8Array): Promise<void> => {
    giveLineBreaks();
    await feedInSlices(prefilter.push(decoder.decode(bytes)), feedByMarkup, flush, () => state.fault !== null);
  };

  /**
   * Gives saxes the text up to each '<' and from it to the next: after a fault nothing more is
   * given, so the raw text of the element it cut ends at the next markup (or where the text
   * read ends), whichever way the lines around it were read.
   */
  const feedByMarkup = (text: string): void => {
    for (let from = 0; from < text.length && state.fault === null; ) {
      const next = text.indexOf('<', from + 1);
      const end = next < 0 ? text.length : next;
      feedSaxes(text.slice(from, end));
      from = end;
    }
  };

  /** saxes is given the line breaks of the plain lines read since it last read text: it counts the lines. */
  const giveLineBreaks = (): void => {
    if (pendingLineBreaks === 0) return;
    const count = pendingLineBreaks;
    pendingLineBreaks = 0;
    prefilter.passLines(count);
    feedSaxes('\n'.repeat(count));
  };

  /** The plain line lineReader has read (its last `byteCount` bytes not given to saxes): its record, as saxes's events would have made it. */
  const readPlainLine = async (byteCount: number): Promise<void> => {
    const index = (siblingCounts.get('sms') ?? 0) + 1;
    siblingCounts.set('sms', index);
    // saxes is at the start of this line once it has the line breaks of the plain lines before it.
    const line = parser.line + pendingLineBreaks;
    const { column } = lineReader;
    pendingLineBreaks += 1;
    decoder.passValid(byteCount);
    prefilter.joinedPairs += lineReader.joinedPairs;
    // No open element unless the record is made from attributes (below): one less object a line.
    const locator = elementLocator('sms', index, line, column);
    const encoded = encodedSink === undefined ? null : plainRecords.encoded(locator, announced);
    if (encodedSink !== undefined && encoded !== null) {
      messages += 1;
      const taken = encodedSink(encoded);
      if (taken !== undefined) await taken;
      if (messages % PROGRESS_EVERY_RECORDS === 0) sink.throwIfCancelled();
      return;
    }
    const open: OpenElement = { name: 'sms', index, line, column, start: fed, attributes: plainRecords.attributes(), parts: [], addrs: [], repeated: [] };
    emit(smsMessage(open.attributes ?? {}, locator, keys), open);
    await flush();
  };

  /** Whole lines, bytes start..end: plain sms lines read from bytes, the rest by the text path. */
  const readLines = async (bytes: Buffer, start: number, end: number): Promise<void> => {
    if (!plainLane || !isUtf8(bytes.subarray(start, end))) {
      await readText(bytes.subarray(start, end));
      return;
    }
    let textFrom = start;
    for (let line = start; line < end && state.fault === null; ) {
      const next = bytes.indexOf(LINE_FEED, line) + 1;
      const element = smsOpeningAt(bytes, line);
      if (element >= 0) {
        // The text before the element goes to saxes, up to its '<' (so a fault in that text
        // leaves saxes where it would be had it read everything, up to the next markup); so does
        // the indentation, unless saxes is still to be given the line breaks of plain lines.
        if (textFrom < line || pendingLineBreaks === 0) {
          if (textFrom < element) await readText(bytes.subarray(textFrom, element));
          textFrom = element;
        }
        if (plainLineMayFollow() && lineReader.read(bytes, line, next) && (pendingLineBreaks > 0 || parser.column === lineReader.column - 1)) {
          await readPlainLine(next - textFrom);
          textFrom = next;
        }
      }
      line = next;
    }
    if (textFrom < end && state.fault === null) await readText(bytes.subarray(textFrom, end));
  };

  /**
   * A chunk of the file. Lines are read whole: the end of a line the chunk ends inside of is
   * carried to the next chunk (a line longer than any plain element goes to the text path as
   * it comes, with the rest of it after).
   */
  const readChunk = async (chunk: Uint8Array): Promise<void> => {
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let from = 0;
    if (midLine || partialLine !== null) {
      const lineEnd = bytes.indexOf(LINE_FEED) + 1;
      if (lineEnd === 0) {
        await carryPartialLine(bytes);
        return;
      }
      const carried = partialLine;
      partialLine = null;
      if (midLine) await readText(bytes.subarray(0, lineEnd));
      else if (carried !== null) await readLines(Buffer.concat([carried, bytes.subarray(0, lineEnd)]), 0, carried.length + lineEnd);
      midLine = false;
      from = lineEnd;
    }
    const whole = Math.max(from, bytes.lastIndexOf(LINE_FEED) + 1);
    if (whole > from && state.fault === null) await readLines(bytes, from, whole);
    if (whole < bytes.length && state.fault === null) await carryPartialLine(bytes.subarray(whole));
  };

  /** Keeps the start of a line for the next chunk, or gives it to the text path once it is too long to be plain. */
  const carryPartialLine = async (bytes: Buffer): Promise<void> => {
    if (midLine) {
      await readText(bytes);
      return;
    }
    const line = partialLine === null ? Buffer.from(bytes) : Buffer.concat([partialLine, bytes]);
    partialLine = null;
    if (line.length <= MAX_PLAIN_SMS_BYTES) {
      partialLine = line;
      return;
    }
    midLine = true;
    await readText(line);
  };

  const feedSaxes = (text: string): void => {
    if (text === '' || state.fault !== null) return;
    window += text;
    try {
      parser.write(text);
    } catch (error) {
      // saxes throws for misuse only (e.g. writing after close); a hostile string length can too.
      state.fault ??= { line: parser.line, column: parser.column, message: error instanceof Error ? error.message : String(error) };
    }
    fed += text.length;
    const open: OpenElement | null = state.element;
    if (open === null) {
      window = '';
      windowStart = fed;
    } else {
      if (open.start > windowStart) {
        window = window.slice(open.start - windowStart);
        windowStart = open.start;
      }
      if (window.length > RAW_TEXT_LIMIT) window = window.slice(0, RAW_TEXT_LIMIT);
      if (fed - open.start > MAX_ELEMENT_CHARS) {
        state.fault ??= { line: parser.line, column: parser.column, message: `the element is larger than ${MAX_ELEMENT_CHARS} characters` };
      }
    }
  };

  try {
    for await (const chunk of input.stream()) {
      sink.throwIfCancelled();
      await readChunk(chunk);
      sink.progress(decoder.bytesDone, input.size);
      if (state.fault !== null) break;
    }
    if (state.fault === null) {
      const rest = partialLine;
      partialLine = null;
      if (rest !== null) await readText(rest);
      giveLineBreaks();
      feedByMarkup(prefilter.push(decoder.end()));
      feedByMarkup(prefilter.end());
      if (state.fault === null) {
        try {
          parser.close();
        } catch (error) {
          state.fault ??= { line: parser.line, column: parser.column, message: error instanceof Error ? error.message : String(error) };
        }
      }
      await flush();
    }
  } catch (error) {
    if (error instanceof EntityDeclarationError) {
      throw new AppError('E_IMPORT_FORMAT', `${file}:${error.line}: ${error.message}. Files that declare entities are refused, because entity expansion is a known attack (billion laughs, external entities); SMS Backup & Restore never writes a DOCTYPE. Nothing was imported.`);
    }
    if (error instanceof PrologueTooLongError) {
      throw new AppError('E_IMPORT_FORMAT', `${file}: ${error.message}; this is not an SMS Backup & Restore file`);
    }
    throw error;
  }

  const stopped = state.fault;
  const cut: OpenElement | null = state.element;
  if (stopped !== null && isRecordElement(cut)) {
    emit(cutRecord(cut, stopped, window, fed - cut.start, locatorFor(cut), keys), cut);
    unparsed += 1;
    await flush();
  }
  const counts = { root, rootCount, messages, unparsed, calls, conversations: announced.size, unknownElements, recoverable };
  return finishRead(file, input.size, sink, counts, stopped, { warnings, prefilter, decoder });
}

const LINE_FEED = 0x0a;
const SMS_OPENING = Buffer.from('<sms ', 'latin1');

/** Where the line at `start` has `<sms ` after spaces or tabs (a plain element it may be), or -1. */
function smsOpeningAt(bytes: Buffer, start: number): number {
  let at = start;
  while (bytes[at] === 0x20 || bytes[at] === 0x09) at += 1;
  for (let index = 0; index < SMS_OPENING.length; index += 1) if (bytes[at + index] !== SMS_OPENING[index]) return -1;
  return at;
}
