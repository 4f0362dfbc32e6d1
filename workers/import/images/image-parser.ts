import { basename, dirname } from 'node:path';
import type { SourceParser } from '../../../shared/contracts/parsed-source.ts';

export const IMAGE_PARSER_VERSION = '1.0.0';

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
 * its own and the image as its attachment, in a conversation per folder, ready for OCR.
 */
export const imageParser: SourceParser = {
  format: 'image',
  parserVersion: IMAGE_PARSER_VERSION,
  sniff: (head) => imageMimeType(head) !== null,
  async parse(input, sink) {
    const head = new Uint8Array(16);
    for await (const chunk of input.stream()) {
      head.set(chunk.subarray(0, 16));
      break;
    }
    const folder = dirname(input.path);
    const key = `folder:${folder}`;
    sink.chat({ key, mergeKey: key, mergeWithinFolder: true, title: `Images in ${basename(folder) || folder}`, kind: 'unknown' });
    const mimeType = imageMimeType(head) ?? 'application/octet-stream';
    await sink.message({
      chatKey: key,
      kind: 'message',
      sender: null,
      time: null,
      timestampText: '',
      text: '',
      attachments: [{ kind: 'attached', mediaType: 'image', fileName: input.displayName, path: input.displayName, mimeType, size: input.size }],
      deleted: false,
      edited: false,
      locator: { kind: 'file', file: input.displayName },
      extra: { imageItem: true, placeholder: true },
    });
    return { formatVersion: mimeType, details: { mimeType } };
  },
};
