import { basename, dirname } from 'node:path';
import type { ParserInput, ParseSink, SourceParser } from '../../../shared/contracts/parsed-source.ts';
import type { CaptureTime } from './capture-time.ts';
import { captureTimeOf } from './capture-time.ts';
import { MAX_WHOLE_IMAGE_READ_BYTES, METADATA_HEAD_BYTES, metadataBytesOf, metadataMayFollow, readHead, readImageMetadata } from './read-metadata.ts';

// 1.1.0: image items carry the capture time their EXIF, XMP or PNG text states.
// 1.2.0: PNG, WebP, TIFF and HEIC are read whole for metadata written after their pixels.
export const IMAGE_PARSER_VERSION = '1.3.0';

/** No image of these formats is whole in fewer bytes (the smallest, a 1x1 GIF or WebP, takes 26). */
const SHORTEST_IMAGE_BYTES = 26;

/** Image formats by their first bytes (never by extension): what screenshots and photos come as. */
const SIGNATURES: { mimeType: string; test: (head: Uint8Array) => boolean }[] = [
  { mimeType: 'image/png', test: (h) => h[0] === 0x89 && h[1] === 0x50 && h[2] === 0x4e && h[3] === 0x47 },
  { mimeType: 'image/jpeg', test: (h) => h[0] === 0xff && h[1] === 0xd8 && h[2] === 0xff },
  { mimeType: 'image/gif', test: (h) => h[0] === 0x47 && h[1] === 0x49 && h[2] === 0x46 && h[3] === 0x38 },
  { mimeType: 'image/webp', test: (h) => ascii(h, 0, 4) === 'RIFF' && ascii(h, 8, 12) === 'WEBP' },
  { mimeType: 'image/bmp', test: (h) => h[0] === 0x42 && h[1] === 0x4d },
  { mimeType: 'image/tiff', test: (h) => (h[0] === 0x49 && h[1] === 0x49 && h[2] === 0x2a && h[3] === 0) || (h[0] === 0x4d && h[1] === 0x4d && h[2] === 0 && h[3] === 0x2a) },
  { mimeType: 'image/heic', test: (h) => ascii(h, 4, 8) === 'ftyp' && ['heic', 'heix', 'mif1', 'msf1'].includes(ascii(h, 8, 12)) },
];

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

export function imageMimeType(head: Uint8Array): string | null {
  return SIGNATURES.find((signature) => signature.test(head))?.mimeType ?? null;
}

/**
 * A loose image (a screenshot folder, photos) becomes an image item: a message with no text of
 * its own and the image as its attachment, in a conversation per folder, ready for OCR. Its time
 * is the capture time the image itself states (capture-time.ts), null when it states none.
 */
export const imageParser: SourceParser = {
  format: 'image',
  parserVersion: IMAGE_PARSER_VERSION,
  sniff: (head) => imageMimeType(head) !== null,
  async parse(input, sink) {
    const head = await readHead(input, METADATA_HEAD_BYTES);
    const folder = dirname(input.path);
    const key = `folder:${folder}`;
    sink.chat({ key, mergeKey: key, mergeWithinFolder: true, title: `Images in ${basename(folder) || folder}`, kind: 'unknown' });
    const mimeType = imageMimeType(head) ?? 'application/octet-stream';
    const capture = await statedCaptureTime(input, head, mimeType, sink);
    await sink.message({
      chatKey: key,
      kind: 'message',
      sender: null,
      time: capture.time,
      timestampText: capture.timestampText,
      text: '',
      attachments: [{ kind: 'attached', mediaType: 'image', fileName: input.displayName, path: input.displayName, mimeType, size: input.size }],
      deleted: false,
      edited: false,
      locator: { kind: 'file', file: input.displayName },
      extra: { imageItem: true, placeholder: true, ...capture.extra },
    });
    return { formatVersion: mimeType, details: { mimeType } };
  },
};

const NO_CAPTURE_TIME: CaptureTime = { time: null, timestampText: '', extra: {}, problem: null };

/** The capture time the image states; whatever stops it being read is warned about, and the item is kept. */
async function statedCaptureTime(input: ParserInput, head: Uint8Array, mimeType: string, sink: ParseSink): Promise<CaptureTime> {
  const warn = (why: string): void => sink.warning({ place: input.displayName, message: `${input.displayName}: ${why}` });
  if (input.size < SHORTEST_IMAGE_BYTES) {
    warn(`the file is only ${input.size} bytes long, too short to hold an image; it is kept as an image item without a capture time`);
    return NO_CAPTURE_TIME;
  }
  const bytes = await metadataBytesOf(input, head, mimeType);
  const read = await readImageMetadata(bytes, mimeType);
  if ('problem' in read) {
    const within = input.size > bytes.length ? ` (read from its first ${bytes.length} bytes)` : '';
    warn(`its metadata (EXIF, XMP) could not be read${within}: ${read.problem}; the image is kept without a capture time`);
    return NO_CAPTURE_TIME;
  }
  const capture = captureTimeOf(read.metadata);
  if (capture.problem !== null) warn(capture.problem);
  else if (capture.time === null && metadataMayFollow(input, bytes, mimeType)) {
    warn(`no capture time in its first ${bytes.length} bytes; the file (${input.size} bytes) is larger than the ${MAX_WHOLE_IMAGE_READ_BYTES} read whole, so metadata written after its pixels was not read; the image is kept without a capture time`);
  }
  return capture;
}
