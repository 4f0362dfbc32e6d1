/**
 * Physical Analyzer writes `<taggedFiles>` before `<decodedData>`, so attachments can be linked
 * to their files (and vendor digests) while messages stream past. Some exports put taggedFiles
 * last. This pre-pass finds out which: it reads only until the first of the two sections opens,
 * which costs a few kilobytes in the usual order. When decodedData comes first it reads on, with
 * no trees built but taggedFiles' own <file> entries, until taggedFiles closes, so the index is
 * complete before the main pass starts. The whole document is never held.
 */

import type { ParserInput, ParseSink } from '../../../shared/contracts/parsed-source.ts';
import { XmlPrefilter } from '../sms-xml/xml-prefilter.ts';
import { Utf8ChunkDecoder } from '../telegram/utf8-chunks.ts';
import { taggedFileOf } from './file-index.ts';
import type { FileIndex } from './file-index.ts';
import { ReportReader } from './report-reader.ts';
import { isProtectedReport } from './sniff.ts';

/** 'before': the main pass meets taggedFiles first; 'after': the pre-pass indexed them; 'none': there are none; 'unknown': the pre-pass could not tell (the main pass reports why). */
export type TaggedFilesOrder = 'before' | 'after' | 'none' | 'unknown';

export async function prescanTaggedFiles(input: ParserInput, files: FileIndex, sink: ParseSink): Promise<TaggedFilesOrder> {
  const decoder = new Utf8ChunkDecoder();
  const prefilter = new XmlPrefilter();
  const state: { order: TaggedFilesOrder | null; decodedData: boolean; reading: boolean } = { order: null, decodedData: false, reading: false };
  const reader = new ReportReader(
    input.displayName,
    {
      root: (name) => {
        // A fragment (one model, one modelType) has no taggedFiles.
        if (name !== 'project') state.order = 'none';
      },
      chat: () => undefined,
      model: () => undefined,
      recoverable: () => undefined,
      section: (name) => {
        if (name === 'decodedData') state.decodedData = true;
        else if (name === 'taggedFiles' && !state.decodedData) state.order = 'before';
        else if (name === 'taggedFiles') state.reading = true;
      },
      captured: (capture) => {
        if (state.reading && capture.path.split('/')[2] === 'taggedFiles') files.add(taggedFileOf(capture.root));
      },
    },
    new Set(['file']),
  );
  let first = true;
  for await (const chunk of input.stream()) {
    if (first && isProtectedReport(chunk, input.displayName)) return 'unknown';
    first = false;
    sink.throwIfCancelled();
    try {
      reader.feed(prefilter.push(decoder.decode(chunk)));
    } catch {
      return 'unknown'; // a DOCTYPE with entities, a prologue too long: the main pass says so
    }
    if (state.order !== null) return state.order;
    if (reader.fault !== null) return state.reading ? 'after' : 'unknown';
    if (state.reading && !reader.frames.some((frame) => frame.name === 'taggedFiles')) return 'after';
  }
  return state.reading ? 'after' : 'none';
}
