/**
 * The XML prefilter (shared with the SMS XML importer) looks for the next comment from each CDATA
 * section it meets, through the rest of the text it was given: in a report.xml, where Physical
 * Analyzer writes every string value as CDATA and comments are none, each section cost a scan of
 * the rest of the text, so a chunk of a megabyte cost thousands of scans of up to a megabyte (a
 * 2 MB report of 3,000 messages spent 3.7 s of its 5 s there, and the cost grows with the chunk).
 * Given the text a few kilobytes at a time, each scan ends within those few kilobytes.
 */

import type { XmlPrefilter } from '../sms-xml/xml-prefilter.ts';

/** Characters given to the prefilter at once. */
export const PREFILTER_SLICE_CHARS = 4096;

export function prefilterInSlices(prefilter: XmlPrefilter, text: string): string {
  if (text.length <= PREFILTER_SLICE_CHARS) return prefilter.push(text);
  const out: string[] = [];
  for (let at = 0; at < text.length; at += PREFILTER_SLICE_CHARS) out.push(prefilter.push(text.slice(at, at + PREFILTER_SLICE_CHARS)));
  return out.join('');
}
