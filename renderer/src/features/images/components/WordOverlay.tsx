import type { OcrWordBox } from '../../../../../shared/domain/image.ts';
import { LOW_CONFIDENCE } from '../state/ocr-state.ts';

function percent(value: number, of: number): string {
  return `${(value / of) * 100}%`;
}

/**
 * OCR word boxes over the image. Boxes are in original-image pixels and placed in percent of the
 * natural size, so they stay on their words at any zoom. Words the search matched are always
 * drawn; the others only when `showAll`.
 */
export function WordOverlay({ words, matches, width, height, showAll }: { words: readonly OcrWordBox[]; matches: readonly boolean[]; width: number; height: number; showAll: boolean }) {
  return (
    <div className="word-overlay" aria-hidden="true">
      {words.map((word, index) => {
        const match = matches[index] === true;
        if (!match && !showAll) return null;
        const low = word.confidence < LOW_CONFIDENCE;
        const { x0, y0, x1, y1 } = word.bbox;
        return (
          <div
            key={index}
            className={`word-box${match ? ' match' : ''}${low ? ' low' : ''}`}
            data-testid="image-word-box"
            data-match={match ? 'true' : 'false'}
            title={`${word.text} · ${Math.round(word.confidence)} %`}
            style={{ left: percent(x0, width), top: percent(y0, height), width: percent(Math.max(1, x1 - x0), width), height: percent(Math.max(1, y1 - y0), height) }}
          />
        );
      })}
    </div>
  );
}
