import { describe, expect, it } from 'vitest';
import { messageTextRanges } from '../../../renderer/src/app/indicators.ts';

describe('the ranges of a reviewed message that its indicators point at', () => {
  it('leaves out the ranges of an indicator read from its image, which index the OCR text, not the message text', () => {
    // Message "They keep your passport"; its photo read "We took your passport".
    const tags = [
      { marker: 'document-control', spans: [[5, 9], [15, 23]] as [number, number][], origin: 'text' as const },
      { marker: 'document-control', spans: [[3, 7], [8, 12], [13, 21]] as [number, number][], origin: 'ocr' as const },
    ];
    expect(messageTextRanges(tags)).toEqual([[5, 9], [15, 23]]);
    expect(messageTextRanges([tags[1] as (typeof tags)[number]])).toEqual([]);
  });
});
