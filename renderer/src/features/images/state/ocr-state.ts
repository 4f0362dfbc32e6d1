import type { ImageItem } from '../../../../../shared/domain/image.ts';
import { SEARCHABLE_OCR_CONFIDENCE } from '../../../../../shared/domain/ocr-searchable.ts';

export type OcrState = 'read' | 'failed' | 'pending';

/**
 * Confidence under this is shown as doubtful (dashed boxes): tesseract's own guesses at that
 * level are mostly wrong, and such words are not searched or tagged (shared/domain/ocr-searchable.ts).
 */
export const LOW_CONFIDENCE = SEARCHABLE_OCR_CONFIDENCE;

export function ocrState(image: ImageItem): OcrState {
  if (image.ocrText !== null) return 'read';
  if (image.ocrError !== null) return 'failed';
  return 'pending';
}

/** "Read · 87 % · text in ron", "Failed: …", "Not read yet". */
export function describeOcr(image: ImageItem): string {
  switch (ocrState(image)) {
    case 'read': {
      const parts = ['Read'];
      if (image.ocrConfidence !== null) parts.push(`${Math.round(image.ocrConfidence)} %`);
      // The language the text looks like (ISO 639-3, detected), not the OCR model used.
      if (image.ocrLang !== null && image.ocrLang !== 'und') parts.push(`text in ${image.ocrLang}`);
      if (image.ocrText?.trim() === '') parts.push('no text found');
      else if (image.ocrSearchableText?.trim() === '') parts.push(`no word read with ${LOW_CONFIDENCE} % or more`);
      return parts.join(' · ');
    }
    case 'failed':
      return `Failed: ${image.ocrError ?? 'unknown reason'}`;
    case 'pending':
      return 'Not read yet';
  }
}
