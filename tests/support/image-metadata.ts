import { crc32, deflateSync } from 'node:zlib';

/**
 * Small images with metadata, written byte by byte so each test shows exactly what the file says
 * (no binary fixtures): a JPEG whose APP1 segment holds an EXIF (TIFF) block, and PNGs with
 * eXIf, tEXt or iTXt (XMP) chunks.
 */

/** One EXIF entry: an ASCII string (type 2) or a SHORT (type 3). */
export type ExifValue = { ascii: string } | { short: number };

export interface ExifTags {
  /** IFD0 entries by tag number (Make 0x010f, Model 0x0110, Orientation 0x0112, ModifyDate 0x0132...). */
  ifd0?: Record<number, ExifValue>;
  /** Exif sub-IFD entries by tag number (DateTimeOriginal 0x9003, OffsetTimeOriginal 0x9011...). */
  exif?: Record<number, ExifValue>;
}

export const TAG = {
  ImageWidth: 0x0100,
  ImageHeight: 0x0101,
  Make: 0x010f,
  Model: 0x0110,
  Orientation: 0x0112,
  ModifyDate: 0x0132,
  ExifIFDPointer: 0x8769,
  DateTimeOriginal: 0x9003,
  CreateDate: 0x9004,
  OffsetTime: 0x9010,
  OffsetTimeOriginal: 0x9011,
  OffsetTimeDigitized: 0x9012,
  ExifImageWidth: 0xa002,
  ExifImageHeight: 0xa003,
} as const;

const ENTRY_BYTES = 12;

/**
 * A little-endian TIFF block ("II*\0", IFD0, then the Exif IFD), as EXIF stores it. IFD0 follows
 * the header unless `pixelBytes` of stand-in image data come first: libtiff writes a TIFF file's
 * directories after its pixels.
 */
export function tiffBlock(tags: ExifTags, pixelBytes = 0): Buffer {
  const ifd0 = new Map(Object.entries(tags.ifd0 ?? {}).map(([tag, value]) => [Number(tag), value] as const));
  const exif = new Map(Object.entries(tags.exif ?? {}).map(([tag, value]) => [Number(tag), value] as const));
  const ifd0At = 8 + pixelBytes;
  const ifd0Size = ifdSize(ifd0.size + (exif.size > 0 ? 1 : 0));
  const exifOffset = ifd0At + ifd0Size + dataSize(ifd0);
  if (exif.size > 0) ifd0.set(TAG.ExifIFDPointer, { short: -1 });
  const head = Buffer.from([0x49, 0x49, 0x2a, 0x00, 0, 0, 0, 0]);
  head.writeUInt32LE(ifd0At, 4);
  const first = writeIfd(ifd0, ifd0At, exifOffset);
  const second = exif.size > 0 ? writeIfd(exif, exifOffset, 0) : Buffer.alloc(0);
  return Buffer.concat([head, Buffer.alloc(pixelBytes, 0x55), first, second]);
}

/** A RIFF chunk of a WebP: four-character kind, little-endian size, data padded to an even length. */
export function riffChunk(kind: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.write(kind, 0, 'latin1');
  head.writeUInt32LE(data.length, 4);
  return Buffer.concat([head, data, Buffer.alloc(data.length % 2)]);
}

/** A WebP file of these chunks (VP8X, image data, then EXIF: the order the WebP container specifies). */
export function webpWith(chunks: Buffer[]): Buffer {
  const body = Buffer.concat([Buffer.from('WEBP', 'latin1'), ...chunks]);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(body.length);
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), size, body]);
}

function ifdSize(entries: number): number {
  return 2 + entries * ENTRY_BYTES + 4;
}

/** Bytes of the values too long to sit in their entry (ASCII longer than 4 bytes, NUL included). */
function dataSize(entries: Map<number, ExifValue>): number {
  let size = 0;
  for (const value of entries.values()) if ('ascii' in value && value.ascii.length + 1 > 4) size += value.ascii.length + 1;
  return size;
}

/** One IFD at `start` (offsets are from the TIFF header); an entry `{ short: -1 }` is the Exif IFD pointer. */
function writeIfd(entries: Map<number, ExifValue>, start: number, exifOffset: number): Buffer {
  const sorted = [...entries].sort(([a], [b]) => a - b);
  const table = Buffer.alloc(ifdSize(sorted.length));
  table.writeUInt16LE(sorted.length, 0);
  const data: Buffer[] = [];
  let dataOffset = start + table.length;
  for (const [index, [tag, value]] of sorted.entries()) {
    const at = 2 + index * ENTRY_BYTES;
    table.writeUInt16LE(tag, at);
    if (tag === TAG.ExifIFDPointer) {
      table.writeUInt16LE(4, at + 2); // LONG
      table.writeUInt32LE(1, at + 4);
      table.writeUInt32LE(exifOffset, at + 8);
    } else if ('short' in value) {
      table.writeUInt16LE(3, at + 2);
      table.writeUInt32LE(1, at + 4);
      table.writeUInt16LE(value.short, at + 8);
    } else {
      const bytes = Buffer.from(`${value.ascii}\0`, 'latin1');
      table.writeUInt16LE(2, at + 2);
      table.writeUInt32LE(bytes.length, at + 4);
      if (bytes.length <= 4) bytes.copy(table, at + 8);
      else {
        table.writeUInt32LE(dataOffset, at + 8);
        data.push(bytes);
        dataOffset += bytes.length;
      }
    }
  }
  return Buffer.concat([table, ...data]);
}

/** A JPEG: SOI, APP1 "Exif\0\0" + `tiff`, then a stand-in scan and EOI (metadata readers stop before it). */
export function jpegWithExif(tiff: Buffer | null, trailingBytes = 64): Buffer {
  const parts = [Buffer.from([0xff, 0xd8])];
  if (tiff !== null) {
    const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
    const length = Buffer.alloc(2);
    length.writeUInt16BE(payload.length + 2);
    parts.push(Buffer.from([0xff, 0xe1]), length, payload);
  }
  parts.push(Buffer.from([0xff, 0xda, 0x00, 0x02]), Buffer.alloc(trailingBytes, 0x55), Buffer.from([0xff, 0xd9]));
  return Buffer.concat(parts);
}

export function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.byteLength);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([head, body, crc]);
}

/** A 1x1 grey PNG with `chunks` between IHDR and IDAT (where metadata chunks usually sit) and `trailing` between IDAT and IEND. */
export function pngWith(chunks: Buffer[] = [], trailing: Buffer[] = []): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  const pixels = deflateSync(Buffer.from([0, 0x80])); // filter byte, one grey pixel
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), pngChunk('IHDR', header), ...chunks, pngChunk('IDAT', pixels), ...trailing, pngChunk('IEND', Buffer.alloc(0))]);
}

/** A tEXt chunk: keyword, NUL, Latin-1 text. */
export function pngText(keyword: string, text: string): Buffer {
  return pngChunk('tEXt', Buffer.from(`${keyword}\0${text}`, 'latin1'));
}

/** An iTXt chunk holding XMP, uncompressed, as iOS and Android screenshot tools write it. */
export function pngXmp(xmp: string): Buffer {
  return pngChunk('iTXt', Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0', 'latin1'), Buffer.from(xmp, 'utf8')]));
}

/** A minimal XMP packet with one property of the given namespace prefix (photoshop, xmp, exif). */
export function xmpPacket(property: string, value: string): string {
  return `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:exif="http://ns.adobe.com/exif/1.0/"><${property}>${value}</${property}></rdf:Description></rdf:RDF></x:xmpmeta>`;
}
