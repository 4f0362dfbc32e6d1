/**
 * The .rsmf file: an RFC 5322 message whose X-RSMF-* header fields describe the production and
 * whose attachment rsmf.zip holds rsmf_manifest.json and the files its events name (Relativity,
 * "Relativity Short Message Format" and "Processing an RSMF file"; the sample
 * Documentation/Sample3/sample.rsmf of relativitydev/rsmf-validator-samples). The message is read
 * whole (bounded) with mailparser, as the e-mail importer reads one (email/read-email.ts);
 * rsmf.zip is opened in memory with the zip reader's limits (zip/zip-archive.ts), never written
 * to disk. Locators name the three layers: `sample.rsmf!rsmf.zip!rsmf_manifest.json#/events/3`.
 *
 * A message that turns out to hold no readable rsmf.zip or manifest is still evidence: it is
 * read as the e-mail it is (email-parser.ts), with a warning saying why.
 */

import type { ParseOutcome, ParserInput, ParseSink } from '../../../shared/contracts/parsed-source.ts';
import { AppError } from '../../../shared/errors.ts';
import { RAW_TEXT_LIMIT } from '../import-limits.ts';
import { parseEmailSource, readEmail } from '../email/index.ts';
import type { EmailContent } from '../email/index.ts';
import { ZipArchive } from '../zip/zip-archive.ts';
import type { ZipEntryInfo } from '../zip/zip-archive.ts';
import { inEmbeddedZip } from './attachments.ts';
import { readManifest } from './read-manifest.ts';
import { MANIFEST_NAME } from './sniff.ts';

/**
 * Largest .rsmf read (whole, in memory, with rsmf.zip decoded beside it). Relativity does not
 * support RSMF files over 2 GB and recommends fewer than 10,000 events per file; a larger file is
 * refused with the reason, and its rsmf.zip, extracted, is imported from disk instead.
 */
export const MAX_RSMF_BYTES = 1024 * 1024 * 1024;
const ZIP_PART_NAME = 'rsmf.zip';
const RSMF_FIELD = /^x-rsmf-/iu;
/** Entries named in the warning about what rsmf.zip holds that no event names. */
const NAMED_IN_WARNING = 10;

export async function readRsmfMessage(input: ParserInput, sink: ParseSink): Promise<ParseOutcome> {
  const file = input.displayName;
  if (input.size > MAX_RSMF_BYTES) {
    throw new AppError('E_IMPORT_FORMAT', `${file}: an RSMF file of ${input.size} bytes, more than the ${MAX_RSMF_BYTES} read in memory; extract its rsmf.zip attachment and import that zip instead`);
  }
  const bytes = await input.readAll();
  const headers = rsmfHeaders(bytes);
  let content: EmailContent;
  try {
    content = await readEmail(bytes);
  } catch (error) {
    return asEmail(input, sink, headers, `its MIME structure could not be read (${error instanceof Error ? error.message : String(error)})`);
  }
  // What the e-mail reader could not read as it should; an RSMF message has no Date by design
  // (Relativity's sample has none), so that absence is no news.
  for (const problem of content.problems) if (!problem.includes('Date header')) sink.warning({ place: file, message: problem });
  const parts = content.attachments.filter((attachment) => attachment.fileName?.toLowerCase() === ZIP_PART_NAME);
  const [part] = parts;
  if (part === undefined) return asEmail(input, sink, headers, `it has no attachment named ${ZIP_PART_NAME}`);
  if (parts.length > 1) sink.warning({ place: file, message: `${parts.length} attachments are named ${ZIP_PART_NAME} (MIME parts ${parts.map((each) => each.part).join(', ')}); the first is read, the others are not` });
  const where = `${file}!${ZIP_PART_NAME}`;
  let archive: ZipArchive;
  try {
    archive = await ZipArchive.fromBytes(part.bytes, where);
  } catch (error) {
    return asEmail(input, sink, headers, `its ${ZIP_PART_NAME} (MIME part ${part.part}) is not a readable zip (${error instanceof Error ? error.message : String(error)})`);
  }
  try {
    for (const name of archive.unsafeNames) sink.warning({ place: `${where}!${name}`, message: 'entry name points outside the archive (absolute path or ..); not read' });
    for (const name of archive.linkNames) sink.warning({ place: `${where}!${name}`, message: 'entry is a symbolic link; not followed, not read' });
    warnRepeatedNames(archive, where, sink);
    const manifest = archive.find(MANIFEST_NAME);
    if (manifest === undefined) return await asEmail(input, sink, headers, `its ${ZIP_PART_NAME} holds no ${MANIFEST_NAME} at its root`);
    const refused = await refusal(archive, manifest);
    if (refused !== null) return await asEmail(input, sink, headers, `its ${MANIFEST_NAME} cannot be read (${refused})`);
    const reading = await readManifest(entryInput(archive, manifest, input.path, `${where}!${MANIFEST_NAME}`, sink), sink, inEmbeddedZip(archive, where));
    const stated = headers['x-rsmf-version']?.[0] ?? null;
    if (stated !== null && reading.version !== null && stated !== reading.version) sink.warning({ place: file, message: `the X-RSMF-Version header says ${stated} and the manifest's version says ${reading.version}` });
    warnUnread(archive, manifest, where, sink);
    const otherParts = content.attachments.filter((attachment) => attachment !== part);
    for (const other of otherParts) sink.warning({ place: `${file} (MIME part ${other.part})`, message: `the attachment ${other.fileName ?? '(unnamed)'} (${other.mimeType}, ${other.bytes.byteLength} bytes) is outside ${ZIP_PART_NAME}; RSMF keeps a conversation's files in ${ZIP_PART_NAME}, so it is not read as one` });
    return {
      formatVersion: stated ?? reading.version,
      details: {
        container: 'rsmf message',
        rsmfHeaders: headers,
        zipPart: part.part,
        zipEntries: archive.entries.length,
        // The message's own text (a generator may write a summary or transcript there), cut to the raw-text limit.
        ...(content.body === '' ? {} : { messageBody: content.body.slice(0, RAW_TEXT_LIMIT), messageBodyChars: content.body.length }),
        ...reading.details,
      },
    };
  } finally {
    archive.close();
  }
}

/** The X-RSMF-* header fields of the message's own header block, unfolded, by lower-case name. */
export function rsmfHeaders(bytes: Uint8Array): Record<string, string[]> {
  const end = headerEnd(bytes);
  const block = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, end)).replace(/^\uFEFF/u, '');
  const fields: Record<string, string[]> = {};
  for (const line of block.replace(/\r?\n(?=[ \t])/gu, '').split(/\r?\n/u)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!RSMF_FIELD.test(name)) continue;
    (fields[name] ??= []).push(line.slice(colon + 1).trim());
  }
  return fields;
}

function headerEnd(bytes: Uint8Array): number {
  for (let at = bytes.indexOf(0x0a); at !== -1; at = bytes.indexOf(0x0a, at + 1)) {
    if (bytes[at + 1] === 0x0a) return at + 1;
    if (bytes[at + 1] === 0x0d && bytes[at + 2] === 0x0a) return at + 1;
  }
  return bytes.length;
}

async function asEmail(input: ParserInput, sink: ParseSink, headers: Record<string, string[]>, why: string): Promise<ParseOutcome> {
  sink.warning({ place: input.displayName, message: `an RSMF message (X-RSMF-Version ${headers['x-rsmf-version']?.[0] ?? '?'}) whose chat cannot be read: ${why}; the message itself is kept as an e-mail` });
  const outcome = await parseEmailSource(input, sink);
  return { formatVersion: headers['x-rsmf-version']?.[0] ?? null, details: { container: 'rsmf message', rsmfHeaders: headers, chatNotRead: why, readAsEmail: outcome.details } };
}

/** Why the zip reader refuses to inflate the manifest at all (a bomb, an encrypted entry), or null. */
async function refusal(archive: ZipArchive, manifest: ZipEntryInfo): Promise<string | null> {
  try {
    await archive.head(manifest, 1);
    return null;
  } catch (error) {
    if (error instanceof AppError && error.code === 'E_CANCELLED') throw error;
    return error instanceof Error ? error.message : String(error);
  }
}

/**
 * The manifest as a source of its own, read from the in-memory zip. Bytes that stop inflating
 * part-way (a size or CRC the data belies) end the stream where they stop, with a warning: the
 * JSON reader then reports the manifest as cut off there and keeps what came before.
 */
function entryInput(archive: ZipArchive, entry: ZipEntryInfo, containerPath: string, displayName: string, sink: ParseSink): ParserInput {
  // The manifest is streamed twice (read-manifest.ts): the fault is told once.
  let told = false;
  return {
    path: `${containerPath}!${ZIP_PART_NAME}!/${entry.name}`,
    displayName,
    size: entry.size,
    readAll: () => archive.read(entry),
    async *stream() {
      let done = 0;
      try {
        for await (const chunk of (await archive.stream(entry)) as AsyncIterable<Buffer>) {
          done += chunk.byteLength;
          yield new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        }
      } catch (error) {
        if (error instanceof AppError && error.code === 'E_CANCELLED') throw error;
        if (told) return;
        told = true;
        sink.warning({ place: displayName, message: `the zip entry stopped inflating after ${done} bytes (${error instanceof Error ? error.message : String(error)}); what follows is not read` });
      }
    },
    companion: () => Promise.resolve(null),
    nearby: () => Promise.resolve([]),
    nearbyUnlisted: () => Promise.resolve([]),
  };
}

/**
 * A zip may store two entries under one name (a second manifest, a second file under an
 * attachment's name): a name finds the first (zip-archive.ts), and the others, whose name counts
 * as read once the first is, would be passed over in silence. Each such name is told.
 */
function warnRepeatedNames(archive: ZipArchive, where: string, sink: ParseSink): void {
  const counts = new Map<string, number>();
  for (const entry of archive.entries) counts.set(entry.name, (counts.get(entry.name) ?? 0) + 1);
  for (const [name, count] of counts) {
    if (count > 1) sink.warning({ place: `${where}!${name}`, message: `${count} entries of ${ZIP_PART_NAME} are stored under this name (written more than once); only the first is read, the other ${count - 1} never are` });
  }
}

/** rsmf.zip entries that no event named (avatars, platform icons, stray files): named, never passed over in silence. */
function warnUnread(archive: ZipArchive, manifest: ZipEntryInfo, where: string, sink: ParseSink): void {
  const unread = archive.entries.filter((entry) => entry !== manifest && !archive.entriesRead.has(entry.name)).map((entry) => entry.name);
  if (unread.length === 0) return;
  const shown = unread.slice(0, NAMED_IN_WARNING).join(', ');
  const more = unread.length > NAMED_IN_WARNING ? ` and ${unread.length - NAMED_IN_WARNING} more` : '';
  sink.warning({ place: where, message: `${unread.length} ${unread.length === 1 ? 'entry' : 'entries'} of ${ZIP_PART_NAME} ${unread.length === 1 ? 'is' : 'are'} named by no event (participant avatars and platform icons among them, when the manifest has any), so nothing was imported from ${unread.length === 1 ? 'it' : 'them'}: ${shown}${more}` });
}
