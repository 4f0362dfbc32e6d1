import { stat, readFile } from 'node:fs/promises';
import sharp from 'sharp';
import type { Metadata } from 'sharp';
import type { OcrRequest } from '../../shared/contracts/ocr-worker.ts';
import { AppError } from '../../shared/errors.ts';

/**
 * Decompression bombs: a few kilobytes of PNG can claim a 50 000 × 50 000 canvas. Nothing a
 * phone produces comes near 100 megapixels (a 200 MP camera photo is the rare exception).
 */
export const MAX_INPUT_PIXELS = 100_000_000;
/** Reading an image means holding it in memory; phone screenshots and photos are far smaller. */
const MAX_IMAGE_BYTES = 256 * 1024 * 1024;
/**
 * Raster formats only. SVG and PDF are documents that can reference other files, and are not
 * what screenshots and photos come as.
 */
const RASTER_FORMATS = new Set(['png', 'jpeg', 'webp', 'gif', 'tiff', 'heif', 'avif', 'jp2']);

export interface ImageInput {
  input: Buffer;
  name: string;
}

/** One decoded image: 8-bit pixels, grey (1 channel) or RGB (3), already turned upright. */
export interface DecodedImage {
  name: string;
  width: number;
  height: number;
  channels: 1 | 3;
  pixels: Uint8Array;
  autoOriented: boolean;
}

/** Reads the image of a request, read-only; the error always names the file. */
export async function readImageInput(request: OcrRequest): Promise<ImageInput> {
  if (request.bytes !== undefined) {
    const name = request.name ?? request.path ?? '(image bytes)';
    if (request.bytes.byteLength > MAX_IMAGE_BYTES) throw tooLarge(name, request.bytes.byteLength);
    return { input: Buffer.from(request.bytes.buffer, request.bytes.byteOffset, request.bytes.byteLength), name };
  }
  const path = request.path;
  if (path === undefined) throw new AppError('E_INVALID_REQUEST', 'An OCR request needs a path or bytes');
  const name = request.name ?? path;
  const info = await stat(path).catch((error: unknown) => {
    throw new AppError('E_NOT_FOUND', `${name}: image not found (${error instanceof Error ? error.message : String(error)})`, { details: { file: name } });
  });
  if (!info.isFile()) throw new AppError('E_IMPORT_FORMAT', `${name}: not a file`, { details: { file: name } });
  if (info.size > MAX_IMAGE_BYTES) throw tooLarge(name, info.size);
  return { input: await readFile(path), name };
}

/** Decodes to raw pixels, refusing bombs, non-raster formats and corrupt files by name. */
export async function decodeImage({ input, name }: ImageInput, keepColour: boolean): Promise<DecodedImage> {
  let metadata: Metadata;
  try {
    // Reading the header only; the pixel limit is checked by us below with a clearer message.
    metadata = await sharp(input, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw unreadable(name, error);
  }
  const format = metadata.format;
  if (!RASTER_FORMATS.has(format)) throw new AppError('E_IMPORT_FORMAT', `${name}: ${format} is not a raster image format Threadline reads for OCR`, { details: { file: name, format } });
  const pixels = metadata.width * metadata.height;
  if (!(pixels > 0)) throw new AppError('E_IMPORT_FORMAT', `${name}: the image has no pixels`, { details: { file: name } });
  if (pixels > MAX_INPUT_PIXELS) {
    throw new AppError('E_IMPORT_FORMAT', `${name}: the image claims ${metadata.width} × ${metadata.height} pixels (${Math.round(pixels / 1e6)} MP), more than the ${MAX_INPUT_PIXELS / 1e6} MP Threadline decodes (a decompression bomb or an oversized scan)`, {
      details: { file: name, width: metadata.width, height: metadata.height },
    });
  }
  try {
    const pipeline = sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
      .autoOrient()
      // Transparent areas read as white paper, as a viewer shows them.
      .flatten({ background: '#ffffff' });
    const coloured = keepColour ? pipeline.toColourspace('srgb') : pipeline.greyscale();
    const { data, info } = await coloured.raw().toBuffer({ resolveWithObject: true });
    if (info.channels !== 1 && info.channels !== 3) throw new Error(`unexpected ${info.channels} channels after decoding`);
    return { name, width: info.width, height: info.height, channels: info.channels, pixels: data, autoOriented: (metadata.orientation ?? 1) > 1 };
  } catch (error) {
    throw unreadable(name, error);
  }
}

function unreadable(name: string, error: unknown): AppError {
  const reason = error instanceof Error ? error.message : String(error);
  return new AppError('E_IMPORT_FORMAT', `${name}: not an image Threadline can read (unsupported or corrupt: ${reason})`, { details: { file: name }, cause: error });
}

function tooLarge(name: string, bytes: number): AppError {
  return new AppError('E_IMPORT_FORMAT', `${name}: ${bytes} bytes is larger than the ${MAX_IMAGE_BYTES / 1024 / 1024} MB Threadline reads for OCR`, { details: { file: name } });
}
