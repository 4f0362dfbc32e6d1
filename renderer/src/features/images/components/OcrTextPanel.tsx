import { useEffect, useRef, useState } from 'react';
import type { ImageItem, OcrWordBox } from '../../../../../shared/domain/image.ts';
import { HighlightedText } from '../../../app/HighlightedText.tsx';
import type { Range } from '../../../app/HighlightedText.tsx';
import { formatCount } from '../../../app/format.ts';
import { describeOcr, LOW_CONFIDENCE, ocrState } from '../state/ocr-state.ts';

type CopyState = 'idle' | 'copied' | 'selected';

/** Selects the text on the page so Ctrl+C works where the clipboard API is refused (no focus, http). */
function selectContents(element: HTMLElement): void {
  const selection = window.getSelection();
  if (selection === null) return;
  const range = document.createRange();
  range.selectNodeContents(element);
  selection.removeAllRanges();
  selection.addRange(range);
}

/** Whether every word OCR read is shown, or only the searched ones; null when the two are the same text. */
export interface AllWordsToggle {
  shown: boolean;
  toggle: () => void;
}

/**
 * What OCR read from the image: selectable text with the search matches marked, and a copy
 * button. By default the words that are searched and tagged (read with LOW_CONFIDENCE % or more);
 * every word OCR read, doubtful ones included, on request.
 */
export function OcrTextPanel({
  image,
  text,
  ranges,
  words,
  onlySureWordsSearched,
  allWords,
}: {
  image: ImageItem;
  text: string | null;
  ranges: readonly Range[];
  words: readonly OcrWordBox[];
  onlySureWordsSearched: boolean;
  allWords: AllWordsToggle | null;
}) {
  const textRef = useRef<HTMLDivElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');
  useEffect(() => setCopy('idle'), [image.attachmentId]);
  const state = ocrState(image);
  const doubtful = words.filter((word) => word.confidence < LOW_CONFIDENCE).length;

  async function copyText(): Promise<void> {
    if (text === null) return;
    try {
      await navigator.clipboard.writeText(text);
      setCopy('copied');
    } catch {
      if (textRef.current !== null) selectContents(textRef.current);
      setCopy('selected');
    }
  }

  return (
    <aside className="ocr-panel" aria-label="Text in the image">
      <div className="ocr-panel-head">
        <h2>Text in image</h2>
        <button type="button" className="small" data-testid="image-copy" disabled={text === null || text === ''} onClick={() => void copyText()}>
          Copy text
        </button>
      </div>
      <p className={`image-ocr-state ocr-${state}`}>{describeOcr(image)}</p>
      {words.length > 0 && (
        <p className="hint">
          {formatCount(words.length, 'word')}
          {doubtful > 0 && ` · ${formatCount(doubtful, 'doubtful word')} (under ${LOW_CONFIDENCE} %, dashed)`}
          {/* A result read before only sure words were searched (migration 0110) had every word searched and tagged. */}
          {doubtful > 0 && (onlySureWordsSearched ? ', not searched or tagged' : ', searched and tagged all the same: read before Threadline searched only the words OCR was sure of')}
        </p>
      )}
      {allWords !== null && (
        <p className="hint" data-testid="image-ocr-shown">
          {allWords.shown ? 'Showing every word OCR read. ' : `Showing the words read with ${LOW_CONFIDENCE} % or more. `}
          <button type="button" className="link" data-testid="image-ocr-all-words" aria-pressed={allWords.shown} onClick={allWords.toggle}>
            {allWords.shown ? 'Show the searched words only' : 'Show every word read'}
          </button>
        </p>
      )}
      {copy === 'copied' && (
        <p className="hint" role="status">
          Copied to the clipboard.
        </p>
      )}
      {copy === 'selected' && (
        <p className="hint" role="status">
          The clipboard is not available here: the text is selected, press Ctrl+C (⌘C) to copy it.
        </p>
      )}
      {text === null ? (
        <p className="muted" data-testid="image-ocr-text">
          {state === 'failed' ? 'OCR could not read this image.' : 'No text has been read from this image yet.'}
        </p>
      ) : (
        <div className="ocr-text" data-testid="image-ocr-text" dir="auto" ref={textRef}>
          {text === '' ? <span className="muted">OCR found no text.</span> : <HighlightedText text={text} ranges={ranges} />}
        </div>
      )}
    </aside>
  );
}
