/**
 * Raw pixels as a binary PGM (grey) or PPM (RGB) file, which Tesseract's image library reads
 * without decompression, so nothing is spent encoding and decoding a PNG per image.
 *
 * tesseract.js looks for an EXIF orientation tag by pattern-matching the first 500 bytes of the
 * image it is given; pixel data there could match by chance and rotate the image. A comment in
 * the header pushes the pixels past that window.
 */
const EXIF_SCAN_BYTES = 500;

export function encodePnm(pixels: Uint8Array, width: number, height: number, channels: 1 | 3): Uint8Array {
  const magic = channels === 1 ? 'P5' : 'P6';
  const comment = `# Threadline OCR ${' '.repeat(EXIF_SCAN_BYTES)}`;
  const header = new TextEncoder().encode(`${magic}\n${comment}\n${width} ${height}\n255\n`);
  const file = new Uint8Array(header.length + width * height * channels);
  file.set(header, 0);
  file.set(pixels.subarray(0, width * height * channels), header.length);
  return file;
}
