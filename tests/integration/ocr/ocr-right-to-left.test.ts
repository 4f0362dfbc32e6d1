import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ocrLanguage } from '../../../engine/ocr/ocr-language.ts';
import type { HostedWorker } from '../../../engine/workers/worker-host.ts';
import { spawnWorker } from '../../../engine/workers/worker-host.ts';
import type { OcrResult, OcrWorkerApi } from '../../../shared/contracts/ocr-worker.ts';
import { DEFAULT_OCR_PREPROCESS } from '../../../shared/contracts/ocr-worker.ts';
import { extractIdentifiers } from '../../../shared/identifiers/extract.ts';
import { matchText } from '../../../shared/search/match.ts';
import { parseQuery } from '../../../shared/search/query.ts';
import { foldedWords } from '../../../shared/text/fold.ts';
import { textPng } from '../../support/ocr-images.ts';
import { tempFolder } from '../../support/temp-case.ts';

/**
 * Arabic and Hebrew screenshots, read offline with Debian's models (tesseract-ocr-ara and
 * tesseract-ocr-heb, installed by .ci/run; never skipped: a missing model fails the test and says
 * which package to install). Lines are drawn right to left and aligned right as a phone shows
 * them, with a phone number and a Latin word inside, where reading order is easiest to get wrong.
 * What matters downstream is the searched text: in logical (typed) order, so a phrase search and
 * the identifiers the tag workers extract find what the image says.
 */
const DEBIAN_TESSDATA = '/usr/share/tesseract-ocr/5/tessdata';

let hosted: HostedWorker<OcrWorkerApi>;
let folder: string;

beforeAll(() => {
  hosted = spawnWorker<OcrWorkerApi>('ocr');
  folder = tempFolder('threadline-ocr-rtl-');
});

afterAll(async () => {
  await hosted.terminate();
});

async function readRightToLeft(lang: string, lines: string[], fontFamily: string): Promise<OcrResult> {
  const model = join(DEBIAN_TESSDATA, `${lang}.traineddata`);
  const hint = `${model} is missing: install Debian's tesseract-ocr-${lang} (.ci/run installs it)`;
  expect(existsSync(model), hint).toBe(true);
  const path = join(folder, `${lang}.png`);
  writeFileSync(path, await textPng(lines, { direction: 'rtl', fontFamily }));
  return hosted.client.call('recognize', { path, langs: [lang, 'eng'], tessdataDirs: [DEBIAN_TESSDATA], preprocess: DEFAULT_OCR_PREPROCESS });
}

const SCRIPTS = [
  {
    lang: 'ara',
    detected: 'arb',
    font: 'Noto Sans Arabic',
    // "We took your passport" / "Call on 0721 000 111 tomorrow" / "Give me the passport now".
    lines: ['أخذنا جواز سفرك', 'اتصل على 0721 000 111 غدا', 'أعطني passport الآن'],
    phrases: ['جواز سفرك', 'اتصل على 0721', 'أعطني passport الآن'],
  },
  {
    lang: 'heb',
    detected: 'heb',
    font: 'Noto Sans Hebrew',
    // "We took your passport" / "Call 0721 000 111 tomorrow" / "Bring the passport of yours".
    lines: ['לקחנו את הדרכון שלך', 'תתקשר 0721 000 111 מחר', 'תביא את ה passport שלך'],
    phrases: ['הדרכון שלך', 'תתקשר 0721', 'ה passport שלך'],
  },
] as const;

describe('OCR of right-to-left screenshots', () => {
  for (const script of SCRIPTS) {
    it(`reads ${script.lang} in logical order, and search and identifiers find what the image says`, async () => {
      const result = await readRightToLeft(script.lang, [...script.lines], script.font);
      expect(result.traineddata[0]).toMatchObject({ lang: script.lang, source: `dir:${DEBIAN_TESSDATA}` });
      // Every word searched, in the order it was typed (bidi marks OCR puts around a Latin word are ignored by folding).
      expect(foldedWords(result.searchableText)).toEqual(foldedWords(script.lines.join('\n')));
      for (const phrase of script.phrases) {
        expect(matchText(parseQuery(`"${phrase}"`), result.searchableText), phrase).not.toBeNull();
        // The same words read in visual order (left to right) are not the phrase: the check above is about order.
        expect(matchText(parseQuery(`"${phrase.split(' ').reverse().join(' ')}"`), result.searchableText), phrase).toBeNull();
      }
      expect(matchText(parseQuery('passport'), result.searchableText)).not.toBeNull();
      expect(extractIdentifiers(result.searchableText).map((found) => [found.kind, found.value])).toEqual([['phone', '721000111']]);
      expect(ocrLanguage(result).lang).toBe(script.detected);
    });
  }
});
