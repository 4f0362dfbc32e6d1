import exifr from 'exifr';
import type { ParserInput } from '../../../shared/contracts/parsed-source.ts';
import type { ImageMetadata } from './capture-time.ts';
import { PICKED_TAGS } from './capture-time.ts';

/**
 * Reads an image's metadata (EXIF, XMP, PNG text) from the head of the file only, with exifr,
 * and guards exifr against the damaged structures it would loop on or misread.
 */

/** Bytes read from the start of an image: a JPEG's metadata always sits before its pixels. */
export const METADATA_HEAD_BYTES = 256 * 1024;

/**
 * Formats whose metadata may follow the pixels: WebP's container puts EXIF and XMP after the
 * image data, PNG text chunks may follow IDAT, a TIFF's directories (and so its EXIF) sit where
 * their offsets say (libtiff writes them last), and a HEIC's Exif item lies where its iloc box
 * says. An image of these formats is read whole, up to MAX_WHOLE_IMAGE_READ_BYTES.
 */
const METADATA_ANYWHERE = new Set(['image/png', 'image/webp', 'image/tiff', 'image/heic']);

/** Largest image read whole for its metadata; a larger one is read from its head only, and the warning says so. */
export const MAX_WHOLE_IMAGE_READ_BYTES = 64 * 1024 * 1024;

/** The bytes an image's metadata is read from: its head, or the whole file when its format may keep metadata after the pixels. */
export async function metadataBytesOf(input: ParserInput, head: Uint8Array, mimeType: string): Promise<Uint8Array> {
  if (head.length >= input.size || !METADATA_ANYWHERE.has(mimeType) || input.size > MAX_WHOLE_IMAGE_READ_BYTES) return head;
  return readHead(input, input.size);
}

/** Whether metadata may lie beyond `bytes`: a format that can keep it after the pixels, read only in part. */
export function metadataMayFollow(input: ParserInput, bytes: Uint8Array, mimeType: string): boolean {
  return METADATA_ANYWHERE.has(mimeType) && bytes.length < input.size;
}

/**
 * exifr reads only the tags capture-time.ts uses, keeps each value as the file writes it (no
 * Dates revived in the machine's zone, no values translated) and per segment (so an XMP date is
 * never taken for an EXIF one), and throws instead of returning half a result.
 */
const EXIFR_OPTIONS = {
  ifd0: { pick: PICKED_TAGS.ifd0 },
  exif: { pick: PICKED_TAGS.exif },
  ifd1: false,
  gps: false,
  interop: false,
  makerNote: false,
  userComment: false,
  icc: false,
  iptc: false,
  jfif: false,
  xmp: true,
  ihdr: true,
  translateValues: false,
  reviveValues: false,
  mergeOutput: false,
  silentErrors: false,
  chunked: false,
} as const;

/** The first `limit` bytes of the input (all of it when shorter), read from its stream and no further. */
export async function readHead(input: ParserInput, limit: number): Promise<Uint8Array> {
  const head = new Uint8Array(Math.min(input.size, limit));
  let filled = 0;
  for await (const chunk of input.stream()) {
    const take = chunk.subarray(0, head.length - filled);
    head.set(take, filled);
    filled += take.length;
    if (filled >= head.length) break;
  }
  return head.subarray(0, filled);
}

export type MetadataRead = { metadata: ImageMetadata } | { problem: string };

/** The metadata of an image of `mimeType`, from its head; `problem` says why it could not be read. */
export async function readImageMetadata(head: Uint8Array, mimeType: string): Promise<MetadataRead> {
  const readable = metadataBytes(head, mimeType);
  if ('problem' in readable) return readable;
  if (readable.bytes === null) return { metadata: {} };
  try {
    const output: unknown = await exifr.parse(Buffer.from(readable.bytes.buffer, readable.bytes.byteOffset, readable.bytes.byteLength), EXIFR_OPTIONS);
    return { metadata: isRecord(output) ? (output as ImageMetadata) : {} };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

/** The bytes to hand exifr for this format, null when the format carries no metadata exifr reads. */
function metadataBytes(head: Uint8Array, mimeType: string): { bytes: Uint8Array | null } | { problem: string } {
  switch (mimeType) {
    case 'image/jpeg':
      return { bytes: wholeJpegSegments(head) };
    case 'image/tiff':
      return { bytes: head };
    case 'image/png':
      return { bytes: wholePngChunks(head) };
    case 'image/heic':
      return heicProblem(head) ?? { bytes: head };
    case 'image/webp':
      return { bytes: webpExif(head) };
    default:
      return { bytes: null };
  }
}

const PNG_SIGNATURE_BYTES = 8;
const PNG_CHUNK_OVERHEAD = 12; // length, type, CRC

/**
 * The head cut after its last whole chunk: a large PNG's head ends inside a chunk (the pixels),
 * and exifr would fail reading past it, which is a cut made here, not damage in the file.
 */
function wholePngChunks(head: Uint8Array): Uint8Array {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let end = PNG_SIGNATURE_BYTES;
  while (end + 8 <= head.length) {
    const next = end + PNG_CHUNK_OVERHEAD + view.getUint32(end);
    if (next > head.length) break;
    end = next;
  }
  return head.subarray(0, Math.min(end, head.length));
}

const JPEG_START_OF_SCAN = 0xda;
const JPEG_END_OF_IMAGE = 0xd9;

/**
 * The head cut after its last whole segment before the image data, an end-of-image marker after
 * it (a copy: the evidence bytes are not touched): exifr read past the head's end
 * when a later segment (an ICC profile in APP2, Photoshop's APP13, an extended XMP) ran past it, and
 * threw, losing the capture time of an intact EXIF segment before it (41 of 58 real camera JPEGs
 * cut short, a tester found; a complete JPEG whose segments outrun METADATA_HEAD_BYTES alike).
 * Bytes that are no JPEG segment structure are handed on as they are, for exifr to judge.
 */
export function wholeJpegSegments(head: Uint8Array): Uint8Array {
  if (head[0] !== 0xff || head[1] !== 0xd8) return head;
  let end = 2;
  for (;;) {
    let at = end;
    // Fill bytes (0xFF) may stand before a marker.
    while (head[at] === 0xff && head[at + 1] === 0xff) at += 1;
    if (at + 4 > head.length || head[at] !== 0xff) break;
    const marker = head[at + 1] ?? 0;
    if (marker === JPEG_START_OF_SCAN || marker === JPEG_END_OF_IMAGE) break;
    const next = at + 2 + (((head[at + 2] ?? 0) << 8) | (head[at + 3] ?? 0));
    if (next > head.length) break;
    end = next;
  }
  if (end === 2) return head;
  // An end-of-image marker after them, as a JPEG ends: exifr looks for the next marker past a
  // segment and fails at the end of the bytes (it read an APP1 that ended exactly there as unreachable).
  const cut = new Uint8Array(end + 2);
  cut.set(head.subarray(0, end));
  cut[end] = 0xff;
  cut[end + 1] = JPEG_END_OF_IMAGE;
  return cut;
}

const ISO_BOX_HEADER_BYTES = 8;
/** Top-level boxes looked at before the meta box; a HEIC has three or four before it. */
const MAX_BOXES_BEFORE_META = 64;

/**
 * exifr walks a HEIC's top-level boxes to its meta box and never ends on a box of length 0 or a
 * length shorter than a box header: that walk is done here first, within the head.
 */
function heicProblem(head: Uint8Array): { problem: string } | null {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  let offset = 0;
  for (let box = 0; box < MAX_BOXES_BEFORE_META && offset + ISO_BOX_HEADER_BYTES <= head.length; box += 1) {
    const kind = String.fromCharCode(...head.subarray(offset + 4, offset + 8));
    if (kind === 'meta') return null;
    const size = view.getUint32(offset);
    // Size 1: the real size follows as 64 bits; exifr reads it the same way.
    const length = size === 1 && offset + 16 <= head.length ? Number(view.getBigUint64(offset + 8)) : size;
    if (length < ISO_BOX_HEADER_BYTES) return { problem: `the HEIC box "${kind}" at byte ${offset} has the impossible length ${length}` };
    offset += length;
  }
  return { problem: `no HEIC meta box in the first ${head.length} bytes` };
}

/**
 * WebP keeps EXIF in a RIFF chunk "EXIF" holding a TIFF block (some writers put "Exif\0\0" first);
 * exifr reads no WebP, so the block is handed to it as the TIFF it is. Null when there is none.
 */
function webpExif(head: Uint8Array): Uint8Array | null {
  const view = new DataView(head.buffer, head.byteOffset, head.byteLength);
  const RIFF_HEADER_BYTES = 12;
  let offset = RIFF_HEADER_BYTES;
  while (offset + 8 <= head.length) {
    const kind = String.fromCharCode(...head.subarray(offset, offset + 4));
    const size = view.getUint32(offset + 4, true);
    if (kind === 'EXIF') {
      const block = head.subarray(offset + 8, offset + 8 + size);
      return String.fromCharCode(...block.subarray(0, 6)) === 'Exif\0\0' ? block.subarray(6) : block;
    }
    // Chunks are padded to an even size.
    offset += 8 + size + (size % 2);
  }
  return null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
