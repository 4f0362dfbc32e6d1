import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../../shared/errors.ts';
import { assertPlausibleModel, locateTraineddata, readTraineddata } from '../../../../workers/ocr/traineddata.ts';
import { tempFolder } from '../../../support/temp-case.ts';

const COMPONENTS = 24;
const LSTM = 17;

/** A traineddata-shaped file: a component table, then components 17 (LSTM) to 23 of 2000 bytes. */
function fakeModel(options: { withoutLstm?: boolean } = {}): Buffer {
  const tableEnd = 4 + COMPONENTS * 8;
  const size = 2000;
  // Random content, so that gzip cannot shrink it below the size of any real model.
  const file = randomBytes(tableEnd + (COMPONENTS - LSTM) * size);
  file.writeInt32LE(COMPONENTS, 0);
  let offset = tableEnd;
  for (let index = 0; index < COMPONENTS; index++) {
    const present = index >= LSTM && !(options.withoutLstm === true && index === LSTM);
    file.writeBigInt64LE(present ? BigInt(offset) : -1n, 4 + index * 8);
    if (index >= LSTM) offset += size;
  }
  return file;
}

function expectCode(action: () => unknown, code: string, text: RegExp): void {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(code);
    expect((error as AppError).message).toMatch(text);
    return;
  }
  throw new Error('expected an error');
}

describe('traineddata checks', () => {
  it('accepts a well-formed component table', () => {
    expect(() => assertPlausibleModel(fakeModel(), 'ron', '/x/ron.traineddata')).not.toThrow();
  });

  it('names the language and file of a truncated model', () => {
    const truncated = fakeModel().subarray(0, 4 + COMPONENTS * 8 + 3000);
    expectCode(() => assertPlausibleModel(truncated, 'ron', '/data/ron.traineddata'), 'E_IMPORT_FORMAT', /'ron'.*ron\.traineddata in \/data.*truncated/);
  });

  it('refuses files that are not models, and legacy-only models', () => {
    expectCode(() => assertPlausibleModel(Buffer.from('<html>Not Found</html>'), 'eng', '/d/eng.traineddata'), 'E_IMPORT_FORMAT', /header does not describe a model/);
    expectCode(() => assertPlausibleModel(fakeModel({ withoutLstm: true }), 'eng', '/d/eng.traineddata'), 'E_IMPORT_FORMAT', /no LSTM model/);
  });

  it('looks in the user folders first, takes .traineddata.gz too, and falls back to the npm package', () => {
    const first = tempFolder();
    const second = tempFolder();
    writeFileSync(join(second, 'ron.traineddata.gz'), gzipSync(fakeModel()));
    writeFileSync(join(second, 'eng.traineddata'), fakeModel());
    expect(locateTraineddata('ron', [first, second])).toMatchObject({ file: join(second, 'ron.traineddata.gz'), source: `dir:${second}` });
    expect(locateTraineddata('eng', [first, second]).source).toBe(`dir:${second}`);
    const bundled = locateTraineddata('eng', [first]);
    expect(bundled.source).toBe('npm:@tesseract.js-data/eng');
    expect(bundled.file).toMatch(/@tesseract\.js-data\/eng\/4\.0\.0_best_int\/eng\.traineddata\.gz$/);
  });

  it('says where it looked for a missing language and how to add it', () => {
    const folder = tempFolder();
    expectCode(() => locateTraineddata('bul', [folder]), 'E_NOT_FOUND', new RegExp(`'bul'.*${folder}.*--tessdata`));
  });

  it('refuses language codes that could name another path', () => {
    for (const code of ['../eng', 'eng/x', '', 'e', 'eng.traineddata']) {
      expectCode(() => locateTraineddata(code, []), 'E_INVALID_REQUEST', /language code/);
    }
  });

  it('hashes the file as stored and validates it gunzipped', async () => {
    const folder = tempFolder();
    mkdirSync(join(folder, 'models'));
    const packed = gzipSync(fakeModel());
    writeFileSync(join(folder, 'models', 'ron.traineddata.gz'), packed);
    const loaded = await readTraineddata(locateTraineddata('ron', [join(folder, 'models')]));
    expect(loaded.info.bytes).toBe(packed.length);
    expect(loaded.info.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(loaded.data.length).toBe(4 + COMPONENTS * 8 + (COMPONENTS - LSTM) * 2000);
    writeFileSync(join(folder, 'models', 'ron.traineddata.gz'), packed.subarray(0, packed.length - 40));
    await expect(readTraineddata(locateTraineddata('ron', [join(folder, 'models')]))).rejects.toThrow(/does not decompress/);
  });

  it('reads the bundled English model', async () => {
    const loaded = await readTraineddata(locateTraineddata('eng', []));
    expect(loaded.info).toMatchObject({ lang: 'eng', source: 'npm:@tesseract.js-data/eng' });
  });
});
