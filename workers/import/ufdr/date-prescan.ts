/**
 * The day/month order must be known before the first record is emitted, and report.xml is
 * streamed, so it is decided by a pre-scan rather than by holding records. The pre-scan builds
 * no XML trees: it looks for TimeStamp values (`<value type="TimeStamp" …>text`) in the decoded
 * text with one regular expression, which costs far less than the saxes pass, and it stops:
 * - at the first stamp that decides the order (a field above 12), usually within the first
 *   records of a report written in this form;
 * - after MAX_STAMPS_WITHOUT_SLASH time stamps none of which is slash-dated: Physical Analyzer
 *   writes one form per report, so an ISO report is not read twice; a slash stamp met later in
 *   the main pass is read day first and, if it can only be read otherwise, warned about there.
 * Only a report whose slash stamps are all ambiguous is read to its end, because only the whole
 * report can show that nothing decides. A protected report leaves the default; the main pass
 * refuses it. Bad bytes become U+FFFD here as there.
 */

import type { ParserInput, ParseSink } from '../../../shared/contracts/parsed-source.ts';
import { Utf8ChunkDecoder } from '../telegram/utf8-chunks.ts';
import { DateOrderTally } from './date-order.ts';
import type { DateOrderDecision } from './date-order.ts';
import { isProtectedReport } from './sniff.ts';

/** Time stamps read without a slash-dated one before the report is taken to use another form. */
export const MAX_STAMPS_WITHOUT_SLASH = 10_000;
/** Characters kept across a chunk boundary: a value's start tag and its stamp text fit in it. */
const CARRY_CHARS = 1024;

const STAMP_VALUE = /<(?:[\w.-]+:)?value\b[^>]*\btype="TimeStamp"[^>]*>\s*(?:<!\[CDATA\[)?([^<\]]{1,64})(?=[<\]])/gu;

export async function prescanDateOrder(input: ParserInput, sink: ParseSink): Promise<DateOrderDecision> {
  const tally = new DateOrderTally();
  const decoder = new Utf8ChunkDecoder();
  let carry = '';
  let carryLine = 1;
  let carryStart = 0;
  /** Absolute position before which every stamp was counted. */
  let counted = 0;
  let stamps = 0;
  let first = true;
  for await (const chunk of input.stream()) {
    if (first && isProtectedReport(chunk, input.displayName)) return tally.decide();
    first = false;
    sink.throwIfCancelled();
    const text = carry + decoder.decode(chunk);
    let line = carryLine;
    let lineAt = 0;
    for (const match of text.matchAll(STAMP_VALUE)) {
      const at = carryStart + match.index;
      if (at < counted) continue;
      counted = at + match[0].length;
      stamps += 1;
      line += newlines(text, lineAt, match.index);
      lineAt = match.index;
      if (tally.add(match[1] ?? '', `${input.displayName}:${line}`)) return tally.decide();
    }
    if (tally.stamps === 0 && stamps >= MAX_STAMPS_WITHOUT_SLASH) return tally.decide();
    const keep = Math.max(0, text.length - CARRY_CHARS);
    carryLine = keep >= lineAt ? line + newlines(text, lineAt, keep) : line - newlines(text, keep, lineAt);
    carryStart += keep;
    carry = text.slice(keep);
  }
  const decision = tally.decide();
  // Slash dates, none deciding: every one of them may be a month off, so the examiner is told.
  if (tally.stamps > 0) sink.warning({ place: input.displayName, message: `ambiguous date order: ${decision.evidence}` });
  return decision;
}

function newlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf('\n', from); index !== -1 && index < to; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}
