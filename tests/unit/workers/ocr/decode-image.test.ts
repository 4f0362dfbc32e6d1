import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { DEFAULT_OCR_PREPROCESS } from '../../../../shared/contracts/ocr-worker.ts';
import type { AppError } from '../../../../shared/errors.ts';
import { decodeImage, readImageInput } from '../../../../workers/ocr/decode-image.ts';
import { bombPng } from '../../../support/ocr-images.ts';
import { tempFolder } from '../../../support/temp-case.ts';

async function decodeFile(path: string) {
  return decodeImage(await readImageInput({ path, langs: ['eng'], tessdataDirs: [], preprocess: DEFAULT_OCR_PREPROCESS }), false);
}

async function failure(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a failure');
}

describe('image decoding', () => {
  it('decodes to upright grey pixels', async () => {
    const folder = tempFolder();
    const path = join(folder, 'rotated.jpg');
    // 40 × 20 stored, EXIF orientation 6 (rotate 90° clockwise to display).
    await sharp({ create: { width: 40, height: 20, channels: 3, background: '#808080' } }).jpeg().withMetadata({ orientation: 6 }).toFile(path);
    const image = await decodeFile(path);
    expect(image).toMatchObject({ width: 20, height: 40, channels: 1, autoOriented: true });
    expect(image.pixels.length).toBe(800);
  });

  it('refuses a decompression bomb from its header, naming the file', async () => {
    const path = join(tempFolder(), 'bomb.png');
    writeFileSync(path, bombPng(50_000, 50_000));
    const error = await failure(decodeFile(path));
    expect(error.code).toBe('E_IMPORT_FORMAT');
    expect(error.message).toContain(path);
    expect(error.message).toMatch(/50000 × 50000.*2500 MP.*100 MP/);
  });

  it('refuses corrupt and truncated images and non-raster formats, naming the file', async () => {
    const folder = tempFolder();
    const garbage = join(folder, 'garbage.png');
    writeFileSync(garbage, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(200, 1)]));
    const png = await sharp({ create: { width: 300, height: 300, channels: 3, background: '#ff0000' } }).png({ compressionLevel: 0 }).toBuffer();
    const truncated = join(folder, 'truncated.png');
    writeFileSync(truncated, png.subarray(0, png.length / 2));
    const svg = join(folder, 'drawing.svg');
    writeFileSync(svg, '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>');
    for (const path of [garbage, truncated, svg]) {
      const error = await failure(decodeFile(path));
      expect(error.code, path).toBe('E_IMPORT_FORMAT');
      expect(error.message).toContain(path);
    }
  });

  it('reports a missing file as not found', async () => {
    const error = await failure(decodeFile(join(tempFolder(), 'missing.png')));
    expect(error.code).toBe('E_NOT_FOUND');
    expect(error.message).toContain('missing.png');
  });
});
