/**
 * RSMF (Relativity Short Message Format) as a SourceParser: the .rsmf message (rsmf-message.ts)
 * or its manifest read on its own (an entry of a bare rsmf.zip, which the zip importer hands
 * over with the zip's other entries as its attachments, or an extracted rsmf_manifest.json with
 * its files beside it). Which one, the content says (sniff.ts). README.md names the sources.
 */

import type { ParseOutcome, ParserInput, ParseSink, SourceParser } from '../../../shared/contracts/parsed-source.ts';
import { besideManifest } from './attachments.ts';
import { readManifest } from './read-manifest.ts';
import { readRsmfMessage } from './rsmf-message.ts';
import { sniffRsmfManifest, sniffRsmfMessage } from './sniff.ts';

/** Reported on every source this parser reads; bump when its output changes. */
export const RSMF_PARSER_VERSION = '1.1.1';
const HEAD_BYTES = 64 * 1024;

export const rsmfParser: SourceParser = {
  format: 'rsmf',
  parserVersion: RSMF_PARSER_VERSION,
  sniff: (head, displayName) => sniffRsmfMessage(head) || sniffRsmfManifest(head, displayName),
  parse: (input, sink) => parseRsmf(input, sink),
};

export async function parseRsmf(input: ParserInput, sink: ParseSink): Promise<ParseOutcome> {
  if (sniffRsmfMessage(await headOf(input))) return readRsmfMessage(input, sink);
  const reading = await readManifest(input, sink, besideManifest());
  return { formatVersion: reading.version, details: { container: 'manifest', ...reading.details } };
}

async function headOf(input: ParserInput): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of input.stream()) {
    chunks.push(chunk);
    length += chunk.byteLength;
    if (length >= HEAD_BYTES) break;
  }
  return new Uint8Array(Buffer.concat(chunks)).subarray(0, HEAD_BYTES);
}
