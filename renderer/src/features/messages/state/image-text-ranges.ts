import type { MessageImage } from '../../../../../shared/domain/image.ts';

type Range = [number, number];

/** What ocrTextsForRowids puts between the texts of two images of one message. */
const BETWEEN_IMAGES = '\n\n';

/**
 * The ranges of each image's searched text, from ranges in the text of all the message's images
 * as search and the tagger saw it: the searched text of each image with an OCR result, in
 * attachment order, joined by a blank line (StoredTag.spans, SearchHit.ocr.highlights). A range
 * across the blank line is cut in two.
 */
export function imageTextRanges(images: readonly MessageImage[], ranges: readonly Range[]): Map<number, Range[]> {
  const byImage = new Map<number, Range[]>();
  if (ranges.length === 0) return byImage;
  let offset = 0;
  for (const image of [...images].sort((a, b) => a.attachmentId - b.attachmentId)) {
    // An image without a result (not read yet, or failed) has no part in the joined text.
    if (image.ocrText === null) continue;
    const text = image.ocrSearchableText ?? image.ocrText;
    const end = offset + text.length;
    const own = ranges
      .filter(([start, stop]) => start < end && stop > offset)
      .map(([start, stop]): Range => [Math.max(start, offset) - offset, Math.min(stop, end) - offset]);
    if (own.length > 0) byImage.set(image.attachmentId, own);
    offset = end + BETWEEN_IMAGES.length;
  }
  return byImage;
}
