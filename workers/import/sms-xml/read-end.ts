/**
 * How a read of an SMS backup ends: the element a fault cut becomes an 'unparsed' record with its
 * raw text, and what the read found wrong or missing (the fault, a count the root declares that
 * was not read, characters read otherwise than written) is said in warnings beside the outcome.
 */

import type { ParseOutcome, ParseSink, SourceLocator } from '../../../shared/contracts/parsed-source.ts';
import { AppError } from '../../../shared/errors.ts';
import type { WarningLimiter } from '../import-limits.ts';
import { unparsedRecord } from '../unparsed-record.ts';
import { describeUtf8Problems, type Utf8ChunkDecoder } from '../telegram/utf8-chunks.ts';
import type { AddressKeys } from './address.ts';
import { callConversationKey } from './call-log.ts';
import type { Fault, OpenElement } from './open-element.ts';
import { present } from './records.ts';
import type { RecordResult } from './records.ts';
import type { XmlPrefilter } from './xml-prefilter.ts';

/** Whether the element a fault cut is a record, which then becomes an 'unparsed' one. */
export function isRecordElement(element: OpenElement | null): element is OpenElement {
  return element !== null && (element.name === 'sms' || element.name === 'mms' || element.name === 'call');
}

/**
 * The 'unparsed' record of a record element a fault cut. `raw`: its text as read (up to
 * RAW_TEXT_LIMIT); `rawChars`: how long it was when the read stopped.
 */
export function cutRecord(cut: OpenElement, fault: Fault, raw: string, rawChars: number, locator: SourceLocator, keys: AddressKeys): RecordResult {
  const addressName = cut.name === 'call' ? 'number' : 'address';
  const address = keys.of(cut.attributes === null ? attributeInRaw(raw, addressName) : present(cut.attributes, addressName));
  return {
    message: unparsedRecord({
      chatKey: cut.name === 'call' ? callConversationKey(address) : address,
      raw,
      rawChars,
      locator,
      reason: `the XML breaks inside this element (${fault.message} at line ${fault.line}, column ${fault.column})`,
      timestampText: cut.attributes?.['date'] ?? attributeInRaw(raw, 'date') ?? '',
    }),
    notes: [],
  };
}

/** An attribute read from the raw text of an element whose start tag never completed. */
function attributeInRaw(raw: string, name: string): string | null {
  const match = new RegExp(`\\s${name}="([^"<]*)"`, 'u').exec(raw);
  return match === null || match[1] === undefined || match[1] === 'null' ? null : match[1];
}

/** What the read found. `messages` counts every record given to the sink, calls and unparsed ones included. */
export interface ReadCounts {
  root: string | null;
  rootCount: string | null;
  messages: number;
  unparsed: number;
  calls: number;
  conversations: number;
  unknownElements: number;
  recoverable: number;
}

/** What the reader used, for what they found (characters joined, replaced, undecodable). */
export interface ReadTools {
  warnings: WarningLimiter;
  prefilter: XmlPrefilter;
  decoder: Utf8ChunkDecoder;
}

/**
 * The warnings a finished read gives and its outcome; throws when nothing at all could be read.
 * `stopped`: the fault the read stopped at, if any (its cut record already given to the sink).
 */
export function finishRead(file: string, size: number, sink: ParseSink, counts: ReadCounts, stopped: Fault | null, { warnings, prefilter, decoder }: ReadTools): ParseOutcome {
  const { root, rootCount, messages, unparsed, calls } = counts;
  if (stopped !== null) {
    if (root === null || (messages === 0 && calls === 0)) {
      throw new AppError('E_IMPORT_FORMAT', `${file}:${stopped.line}:${stopped.column}: ${stopped.message}; nothing could be read before it`);
    }
    const declared = rootCount === null ? '' : ` (the root element declares ${rootCount})`;
    sink.warning({ place: `${file}:${stopped.line}:${stopped.column}`, message: `bad XML: ${stopped.message}; reading stopped there: the ${messages - unparsed} messages before it were imported, anything after it was not${declared}` });
  }
  if (root === null) throw new AppError('E_IMPORT_FORMAT', `${file}: no XML element found; this is not an SMS Backup & Restore file`);
  const read = root === 'calls' ? calls : messages - unparsed - calls;
  // A converter that writes calls inside <smses> counts them in its count too.
  const countsCalls = root !== 'calls' && calls > 0 && Number(rootCount) === read + calls;
  if (rootCount !== null && /^\d+$/u.test(rootCount) && Number(rootCount) !== read && !countsCalls && stopped === null) {
    sink.warning({ place: `${file}:1`, message: `the root element says count="${rootCount}" but ${read} ${root === 'calls' ? 'calls' : 'messages'} were read` });
  }
  if (prefilter.loneSurrogates > 0) {
    sink.warning({ place: file, message: `${prefilter.loneSurrogates} character references to a lone UTF-16 surrogate were read as U+FFFD` });
  }
  if (prefilter.bareAmpersands > 0) {
    sink.warning({ place: `${file}:${prefilter.firstBareAmpersandLine ?? 1}`, message: `${prefilter.bareAmpersands} "&" characters that start no XML reference (as in "AT&T") were read as a literal "&"` });
  }
  if (prefilter.doctype !== null) sink.warning({ place: file, message: `the file has a DOCTYPE (${prefilter.doctype.slice(0, 200)}), which SMS Backup & Restore does not write; it was ignored` });
  const utf8 = describeUtf8Problems(decoder.report);
  if (utf8 !== null) sink.warning({ place: file, message: utf8 });
  warnings.finish();
  sink.progress(decoder.bytesDone, size);
  return {
    formatVersion: root === 'calls' ? 'sms-backup-restore-calls-xml' : 'sms-backup-restore-xml',
    details: {
      root,
      declaredCount: rootCount,
      messages: messages - unparsed - calls,
      unparsed,
      calls,
      conversations: counts.conversations,
      unknownElements: counts.unknownElements,
      surrogatePairsJoined: prefilter.joinedPairs,
      loneSurrogates: prefilter.loneSurrogates,
      bareAmpersands: prefilter.bareAmpersands,
      recoverableXmlErrors: counts.recoverable,
      complete: stopped === null,
      invalidUtf8Sequences: decoder.report.invalidSequences,
    },
  };
}
