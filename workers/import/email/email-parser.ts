/**
 * E-mail as a SourceParser: a single message (.eml) or an mbox (mboxo/mboxrd), streamed, cut into
 * messages as it arrives and parsed one message at a time, so a mailbox of any size needs only
 * the memory of its largest message. Each message becomes one record whose locator covers its
 * bytes (postmark included); a message that cannot be parsed is kept 'unparsed', with whatever
 * its headers still tell, and the others carry on.
 */

import type { ParsedMessage, ParseOutcome, ParserInput, ParseSink, SourceParser } from '../../../shared/contracts/parsed-source.ts';
import { RAW_TEXT_LIMIT, WarningLimiter } from '../import-limits.ts';
import { MboxSplitter, type RawMessage } from './mbox-splitter.ts';
import { toMessage, toUnparsed } from './message-record.ts';
import { readEmail, readEmailHeaders, type EmailContent } from './read-email.ts';
import { sniffEmail } from './sniff.ts';
import { EmailThreads } from './threads.ts';

/** Reported on every source this parser reads; bump when its output changes. */
export const EMAIL_PARSER_VERSION = '1.7.0';
/**
 * Largest message read whole. Mail servers refuse messages over 25–150 MB; a larger "message" is
 * a damaged mailbox (a lost postmark merges many) and is kept as an unparsed record instead.
 */
export const MAX_MESSAGE_BYTES = 200 * 1024 * 1024;
/** Bytes of an unparsed message decoded for its raw text: room for RAW_TEXT_LIMIT characters of mostly single-byte text. */
const RAW_DECODED_BYTES = 2 * RAW_TEXT_LIMIT;

export const emailParser: SourceParser = {
  format: 'email',
  parserVersion: EMAIL_PARSER_VERSION,
  sniff: (head) => sniffEmail(head) !== null,
  parse: (input, sink) => parseEmailSource(input, sink),
};

export async function parseEmailSource(input: ParserInput, sink: ParseSink, maxMessageBytes = MAX_MESSAGE_BYTES): Promise<ParseOutcome> {
  const file = input.displayName;
  const warnings = new WarningLimiter(sink, file);
  const splitter = new MboxSplitter(maxMessageBytes);
  const threads = new EmailThreads();
  const counts = { messages: 0, unparsed: 0, unescapedLines: 0, attachments: 0 };
  const handle = async (raw: RawMessage): Promise<void> => {
    sink.throwIfCancelled();
    const place = `${file}:${raw.lineStart}`;
    const at = `message at byte ${raw.byteStart}`;
    counts.unescapedLines += raw.unescapedLines;
    if (!raw.endsWithLineFeed && splitter.isMbox) warnings.add('truncated', place, `${at}: the file ends in the middle of a line; this last message may be cut short`);
    const record = await readRecord(raw, file, threads, sink, maxMessageBytes, (message) => warnings.add('message', place, `${at}: ${message}`));
    if (record.kind === 'unparsed') counts.unparsed += 1;
    else counts.messages += 1;
    counts.attachments += record.attachments.length;
    await sink.message(record);
    sink.progress(raw.byteEnd, input.size);
  };
  for await (const chunk of input.stream()) {
    for (const raw of splitter.push(chunk)) await handle(raw);
  }
  for (const raw of splitter.end()) await handle(raw);
  warnings.finish();
  return {
    formatVersion: splitter.isMbox ? 'mbox' : 'eml',
    details: {
      container: splitter.isMbox ? 'mbox' : 'single message',
      messages: counts.messages,
      unparsed: counts.unparsed,
      attachments: counts.attachments,
      ...(splitter.isMbox ? { fromLineEscaping: `mboxrd rule: one ">" removed from ">From " lines before parsing (${counts.unescapedLines} lines)` } : {}),
      dateRule: 'Date header with its offset (RFC 5322 §3.3 and §4.3); a Date without a zone, or with only a zone abbreviation RFC 5322 does not define (CET, IST...), is read in the import\'s time zone; asctime() and ISO 8601 dates are read too',
    },
  };
}

async function readRecord(raw: RawMessage, file: string, threads: EmailThreads, sink: ParseSink, maxMessageBytes: number, warn: (message: string) => void): Promise<ParsedMessage> {
  if (raw.overflow) {
    const why = `the message is ${raw.contentBytes} bytes, more than the ${maxMessageBytes} read whole; only its headers were read`;
    return unparsedWithHeaders(raw, file, threads, sink, why, warn);
  }
  let content: EmailContent;
  try {
    content = await readEmail(raw.bytes);
  } catch (error) {
    const why = `the MIME structure could not be read (${error instanceof Error ? error.message : String(error)})`;
    return unparsedWithHeaders(raw, file, threads, sink, why, warn);
  }
  for (const problem of content.problems) warn(problem);
  return toMessage(raw, file, content, threads, sink);
}

async function unparsedWithHeaders(raw: RawMessage, file: string, threads: EmailThreads, sink: ParseSink, why: string, warn: (message: string) => void): Promise<ParsedMessage> {
  // Decoded from a bounded start only: a damaged mailbox can make one "message" of many megabytes.
  // The record says so in bytes (decoded of the message's whole size; `raw.bytes` itself is only
  // the start of an overflowing message), since the characters of the whole are never counted.
  const decoded = raw.bytes.subarray(0, RAW_DECODED_BYTES);
  const rawText = new TextDecoder('utf-8', { fatal: false }).decode(decoded);
  const rawBytes = { decoded: decoded.byteLength, total: raw.contentBytes };
  let headers: EmailContent | null = null;
  try {
    headers = await readEmailHeaders(raw.bytes);
  } catch (error) {
    warn(`not even the headers could be read (${error instanceof Error ? error.message : String(error)})`);
  }
  return toUnparsed(raw, file, headers, threads, sink, `${why}; kept raw`, rawText, rawBytes);
}
