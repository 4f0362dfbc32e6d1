import { describe, expect, it } from 'vitest';
import type { MessageImage } from '../../../shared/domain/image.ts';
import { imagesTextRanges } from '../../../renderer/src/app/indicators.ts';
import { imageTextRanges } from '../../../renderer/src/features/messages/state/image-text-ranges.ts';

function image(attachmentId: number, ocrText: string | null, ocrSearchableText: string | null = ocrText): MessageImage {
  return {
    attachmentId, fileName: null, sha256: 'aa', mimeType: 'image/png', messageId: 'm-1', chatId: 'c-1', chatTitle: 'A', timestamp: null, sender: null, senderId: null,
    kind: 'message', direction: null, ocrText, ocrSearchableText, ocrConfidence: ocrText === null ? null : 80, ocrLang: null, ocrError: null, ocrEngine: null,
  };
}

/**
 * An indicator read from a message's images, and a search hit in their text, give ranges in the
 * searched text of all its images joined by a blank line in attachment order (ocrTextsForRowids);
 * the conversation marks each image's text with its own part.
 */
describe('the marks of each image of a message', () => {
  it('splits ranges over the images in attachment order, skipping images without a result, and cuts a range across two', () => {
    // Joined: "see you" + "\n\n" + "We took your passport" (attachment 1, then 3; 2 failed).
    const images = [image(3, 'We took your passport RR', 'We took your passport'), image(2, null), image(1, 'see you')];
    const joined = 'see you\n\nWe took your passport';
    const passport = joined.indexOf('passport');
    const byImage = imageTextRanges(images, [[0, 3], [passport, passport + 8], [4, 12]]);
    expect(byImage.get(1)).toEqual([[0, 3], [4, 7]]);
    expect(byImage.get(3)).toEqual([[13, 21], [0, 3]]);
    // Each range lands on the words it marked in the joined text, within that image's own text.
    const [start, end] = byImage.get(3)?.[0] ?? [0, 0];
    expect((images[0]?.ocrSearchableText ?? '').slice(start, end)).toBe(joined.slice(passport, passport + 8));
    expect(byImage.has(2)).toBe(false);
  });

  it('marks nothing without ranges, and takes only the indicators read from the images', () => {
    expect(imageTextRanges([image(1, 'text')], []).size).toBe(0);
    const tags = [
      { spans: [[0, 4]] as [number, number][], origin: 'text' as const },
      { spans: [[5, 9]] as [number, number][], origin: 'ocr' as const },
    ];
    expect(imagesTextRanges(tags)).toEqual([[5, 9]]);
  });
});
