import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HostedWorker } from '../../../engine/workers/worker-host.ts';
import { spawnWorker } from '../../../engine/workers/worker-host.ts';
import type { OcrRequest, OcrWorkerApi } from '../../../shared/contracts/ocr-worker.ts';
import { DEFAULT_OCR_PREPROCESS } from '../../../shared/contracts/ocr-worker.ts';
import { bombPng, textPng } from '../../support/ocr-images.ts';
import { tempFolder } from '../../support/temp-case.ts';

const DEBIAN_TESSDATA = '/usr/share/tesseract-ocr/5/tessdata';
const BUNDLED_ENG = createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json').replace(/package\.json$/, '4.0.0_best_int/eng.traineddata.gz');

/** One real OCR worker for the whole file: every failure below must leave it able to work. */
let hosted: HostedWorker<OcrWorkerApi>;
let folder: string;

beforeAll(() => {
  hosted = spawnWorker<OcrWorkerApi>('ocr');
  folder = tempFolder('threadline-ocr-');
});

afterAll(async () => {
  await hosted.terminate();
});

function request(path: string, extra: Partial<OcrRequest> = {}): OcrRequest {
  return { path, langs: ['eng'], tessdataDirs: [], preprocess: DEFAULT_OCR_PREPROCESS, ...extra };
}

async function image(name: string, lines: string[], options: Parameters<typeof textPng>[1] = {}): Promise<string> {
  const path = join(folder, name);
  writeFileSync(path, await textPng(lines, options));
  return path;
}

async function expectWorkerStillReads(): Promise<void> {
  const result = await hosted.client.call('recognize', request(await image(`check-${Date.now()}.png`, ['Still working after that'])));
  expect(result.text).toMatch(/Still working/);
}

/** A copy of the bundled English model with part of its LSTM network overwritten. */
function corruptedEnglish(): Buffer {
  const model = Buffer.from(gunzipSync(readFileSync(BUNDLED_ENG)));
  const lstm = Number(model.readBigInt64LE(4 + 17 * 8));
  for (let index = lstm + 100; index < Math.min(model.length, lstm + 200_100); index++) model[index] = (index * 7919) % 251;
  return model;
}

describe('the OCR worker', () => {
  it('reads a screenshot-like PNG with the bundled English model and records provenance', async () => {
    const path = await image('text.png', ['Meet me at the station tomorrow', 'Bring your passport and 200 euros']);
    const result = await hosted.client.call('recognize', request(path));
    expect(result.text).toMatch(/station tomorrow/);
    expect(result.text).toMatch(/passport and 200 euros/);
    expect(result.confidence).toBeGreaterThan(70);
    expect(result.engine).toMatchObject({ name: 'tesseract.js', version: '7.0.0' });
    expect(result.traineddata).toEqual([expect.objectContaining({ lang: 'eng', source: 'npm:@tesseract.js-data/eng', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) })]);
    expect(result.parameters).toMatchObject({ psm: 6, oem: 1, tiles: 1, width: 1000 });
    expect(result.engine.coreSha256).toMatch(/^[0-9a-f]{64}$/);
    // Large text is shrunk before recognition; the boxes still come back in the file's pixels.
    const passport = result.words.find((word) => word.text === 'passport');
    expect(passport?.bbox.x1).toBeGreaterThan(300);
    expect(passport?.bbox.y0).toBeGreaterThan(result.words.find((word) => word.text === 'Meet')?.bbox.y1 ?? Infinity);
    expect(readdirSync(folder)).toEqual(['text.png']);
  });

  it('upscales small text and still reports boxes in the original pixels', async () => {
    const path = await image('small.png', ['Send me a photo of your passport'], { fontSize: 11, width: 260 });
    const result = await hosted.client.call('recognize', request(path));
    expect(result.parameters.preprocess).toContain('upscale');
    expect(result.parameters.scale).toBeGreaterThan(1);
    expect(result.text).toMatch(/photo of your passport/);
    for (const word of result.words) expect(word.bbox.x1).toBeLessThanOrEqual(260);
  });

  it('inverts a dark theme', async () => {
    const result = await hosted.client.call('recognize', request(await image('dark.png', ['The flight leaves on Friday'], { dark: true })));
    expect(result.parameters.preprocess).toEqual(expect.arrayContaining(['invertDark', 'flatten', 'threshold']));
    expect(result.text).toMatch(/flight leaves on Friday/);
  });

  it('reads a tall capture in overlapping tiles and keeps every line once', async () => {
    const lines = Array.from({ length: 40 }, (_value, index) => `Line ${String(index + 1).padStart(2, '0')} pays 2000 euros`);
    const result = await hosted.client.call('recognize', request(await image('tall.png', lines, { fontSize: 22, lineGap: 90, width: 600 })));
    expect(result.parameters.tiles).toBeGreaterThan(1);
    for (let number = 1; number <= 40; number++) {
      expect(result.lines.filter((line) => line.text.includes(`Line ${String(number).padStart(2, '0')}`)), `line ${number}`).toHaveLength(1);
    }
  });

  it.skipIf(!existsSync(join(DEBIAN_TESSDATA, 'ron.traineddata')))('reads Romanian with a traineddata from a user folder', async () => {
    const path = await image('ron.png', ['Trimite-mi o poză cu pașaportul', 'Zborul pleacă vineri dimineața']);
    const result = await hosted.client.call('recognize', request(path, { langs: ['ron'], tessdataDirs: [DEBIAN_TESSDATA] }));
    expect(result.text).toMatch(/pa[șş]aportul/);
    expect(result.traineddata).toEqual([expect.objectContaining({ lang: 'ron', source: `dir:${DEBIAN_TESSDATA}`, file: join(DEBIAN_TESSDATA, 'ron.traineddata') })]);
  });

  it('refuses a corrupt image and a decompression bomb, naming the file, and carries on', async () => {
    const corrupt = join(folder, 'corrupt.png');
    writeFileSync(corrupt, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 3)]));
    await expect(hosted.client.call('recognize', request(corrupt))).rejects.toMatchObject({ code: 'E_IMPORT_FORMAT', message: expect.stringContaining(corrupt) });
    const bomb = join(folder, 'bomb.png');
    writeFileSync(bomb, bombPng(40_000, 40_000));
    await expect(hosted.client.call('recognize', request(bomb))).rejects.toMatchObject({ code: 'E_IMPORT_FORMAT', message: expect.stringMatching(/bomb\.png.*1600 MP/) });
    await expectWorkerStillReads();
  });

  it('names a missing language and a truncated model, and carries on', async () => {
    const path = await image('lang.png', ['Hello']);
    await expect(hosted.client.call('recognize', request(path, { langs: ['bul'], tessdataDirs: [tempFolder()] }))).rejects.toMatchObject({ code: 'E_NOT_FOUND', message: expect.stringContaining("'bul'") });
    const broken = tempFolder();
    writeFileSync(join(broken, 'eng.traineddata'), gunzipSync(readFileSync(BUNDLED_ENG)).subarray(0, 1_000_000));
    await expect(hosted.client.call('recognize', request(path, { tessdataDirs: [broken] }))).rejects.toMatchObject({
      code: 'E_IMPORT_FORMAT',
      message: expect.stringMatching(new RegExp(`'eng'.*eng\\.traineddata in ${broken}.*truncated`)),
    });
    await expectWorkerStillReads();
  });

  it('survives a model that passes the checks but that Tesseract cannot load', async () => {
    const broken = tempFolder();
    writeFileSync(join(broken, 'eng.traineddata'), corruptedEnglish());
    const path = await image('guard.png', ['Hello']);
    await expect(hosted.client.call('recognize', request(path, { tessdataDirs: [broken] }))).rejects.toMatchObject({
      code: 'E_IMPORT_FORMAT',
      message: expect.stringContaining(`Tesseract could not load the traineddata for 'eng' (${join(broken, 'eng.traineddata')})`),
    });
    await expectWorkerStillReads();
  });

  it('cancels a recognition in flight and then works again', async () => {
    const lines = Array.from({ length: 30 }, (_value, index) => `Message ${index} about the apartment near the station`);
    const path = await image('cancel.png', lines, { fontSize: 26, width: 900 });
    const controller = new AbortController();
    const call = hosted.client.call('recognize', request(path), { signal: controller.signal });
    setTimeout(() => controller.abort(), 300);
    await expect(call).rejects.toMatchObject({ code: 'E_CANCELLED' });
    await expectWorkerStillReads();
  });
});
