import { Buffer } from 'node:buffer';
import sharp from 'sharp';

/**
 * Images with known text for OCR tests, rendered in the test itself: an SVG with a system font
 * (DejaVu Sans, Debian package fonts-dejavu-core) rasterised by sharp.
 */
export interface TextImageOptions {
  width?: number;
  fontSize?: number;
  lineGap?: number;
  dark?: boolean;
  /** A font for scripts DejaVu draws poorly, e.g. Noto Sans Arabic (Debian package fonts-noto-core). */
  fontFamily?: string;
  /**
   * 'rtl': each line laid out right to left and aligned right, as a phone shows an Arabic or
   * Hebrew message (a Latin word or a number inside it is placed by the bidi algorithm).
   */
  direction?: 'rtl';
}

export async function textPng(lines: readonly string[], options: TextImageOptions = {}): Promise<Buffer> {
  const fontSize = options.fontSize ?? 32;
  const lineGap = options.lineGap ?? Math.round(fontSize * 0.9);
  const width = options.width ?? 1000;
  const height = lines.length * (fontSize + lineGap) + lineGap;
  const [background, foreground] = options.dark === true ? ['#111b21', '#e9edef'] : ['#ffffff', '#111111'];
  const rtl = options.direction === 'rtl';
  // Right to left, the start of a line is its right end.
  const x = rtl ? width - Math.round(fontSize / 2) : Math.round(fontSize / 2);
  const direction = rtl ? ' direction="rtl" unicode-bidi="embed"' : '';
  const text = lines
    .map((line, index) => `<text x="${x}" y="${(index + 1) * (fontSize + lineGap)}"${direction} font-family="${options.fontFamily ?? 'DejaVu Sans'}" font-size="${fontSize}" fill="${foreground}">${escapeXml(line)}</text>`)
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="100%" height="100%" fill="${background}"/>${text}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/**
 * A decompression bomb: a valid PNG header claiming `width` × `height` pixels with next to no
 * image data behind it. Only a decoder that trusts the header would try to allocate it.
 */
export function bombPng(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit greyscale, deflate, no filter, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([signature, chunk('IHDR', header), chunk('IDAT', Buffer.from([0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01])), chunk('IEND', Buffer.alloc(0))]);
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typed));
  return Buffer.concat([length, typed, crc]);
}

const CRC_TABLE = Array.from({ length: 256 }, (_value, index) => {
  let crc = index;
  for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? 0xedb88320 ^ (crc >>> 1) : crc >>> 1;
  return crc >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
