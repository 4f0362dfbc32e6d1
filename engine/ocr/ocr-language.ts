import type { OcrResult } from '../../shared/contracts/ocr-worker.ts';
import { isSearchableOcrWord, OCR_LANGUAGE_MIN_SEARCHED_SHARE } from '../../shared/domain/ocr-searchable.ts';
import { detectLanguage } from '../../shared/language/detect.ts';
import type { LanguageGuess } from '../../shared/language/detect.ts';

const UNKNOWN: LanguageGuess = { lang: 'und', confidence: 0, method: 'none' };

/**
 * The language of an image's searched words, or `und` when they are too few of the words OCR
 * read to be the image's text (OCR_LANGUAGE_MIN_SEARCHED_SHARE: a photo's stray words).
 */
export function ocrLanguage(result: Pick<OcrResult, 'words' | 'searchableText'>): LanguageGuess {
  const searched = result.words.filter(isSearchableOcrWord).length;
  if (searched === 0 || searched < result.words.length * OCR_LANGUAGE_MIN_SEARCHED_SHARE) return UNKNOWN;
  return detectLanguage(result.searchableText);
}
