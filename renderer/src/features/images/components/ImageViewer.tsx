import { useEffect, useMemo, useRef, useState } from 'react';
import type { ImageItem } from '../../../../../shared/domain/image.ts';
import { senderLabel } from '../../../../../shared/domain/sender-label.ts';
import { formatNumber, formatUtc } from '../../../app/format.ts';
import type { ImageCache } from '../state/image-cache.ts';
import { matchRanges } from '../state/ocr-match.ts';
import { LOW_CONFIDENCE } from '../state/ocr-state.ts';
import type { OcrMatcher } from '../state/ocr-match.ts';
import { useImageContent } from '../state/use-image-content.ts';
import { useViewerKeys } from '../state/use-viewer-keys.ts';
import { ImageStage } from './ImageStage.tsx';
import type { Zoom } from './ImageStage.tsx';
import { imageLabel } from './ImageTile.tsx';
import { OcrTextPanel } from './OcrTextPanel.tsx';

export interface ViewerProps {
  images: readonly ImageItem[];
  index: number;
  total: number;
  active: boolean;
  cache: ImageCache;
  revision: number;
  matcher: OcrMatcher | null;
  onMove: (index: number) => void;
  onClose: () => void;
  onOpenMessage: (image: ImageItem) => void;
}

/** One image at a time, with the words OCR found drawn over it and its text beside it. */
export function ImageViewer({ images, index, total, active, cache, revision, matcher, onMove, onClose, onOpenMessage }: ViewerProps) {
  const item = images[index];
  const [showBoxes, setShowBoxes] = useState(true);
  const [zoom, setZoom] = useState<Zoom>('fit');
  const root = useRef<HTMLDivElement>(null);
  const { image: loaded, error } = useImageContent(cache, item?.attachmentId ?? null, revision);
  // The neighbours are fetched ahead so ← / → show them at once.
  useImageContent(cache, images[index + 1]?.attachmentId ?? null, revision);
  useImageContent(cache, images[index - 1]?.attachmentId ?? null, revision);
  // The searched words by default (what search and markers saw); every word OCR read on request.
  const [allWords, setAllWords] = useState(false);
  const everyWord = loaded?.ocrText ?? item?.ocrText ?? null;
  const searched = loaded?.ocrSearchableText ?? item?.ocrSearchableText ?? null;
  const text = allWords ? everyWord : searched;
  const ranges = useMemo(() => (text === null ? [] : matchRanges(matcher, text)), [matcher, text]);

  useEffect(() => root.current?.focus(), []);
  useViewerKeys(active, {
    previous: () => index > 0 && onMove(index - 1),
    next: () => index < images.length - 1 && onMove(index + 1),
    close: onClose,
  });

  if (item === undefined) return null;
  return (
    <div className="image-viewer" data-testid="image-viewer" data-attachment-id={item.attachmentId} role="dialog" aria-label={`Image ${imageLabel(item)}`} tabIndex={-1} ref={root}>
      <header className="image-viewer-head">
        <div className="image-viewer-nav">
          <button type="button" className="small" aria-label="Previous image" title="Previous image (←)" disabled={index === 0} onClick={() => onMove(index - 1)}>
            ←
          </button>
          <span className="muted mono">
            {formatNumber(index + 1)} / {formatNumber(total)}
          </span>
          <button type="button" className="small" aria-label="Next image" title="Next image (→)" disabled={index >= images.length - 1} onClick={() => onMove(index + 1)}>
            →
          </button>
        </div>
        <div className="image-viewer-meta">
          <bdi className="image-viewer-name">{imageLabel(item)}</bdi>
          <span className="muted">
            <bdi>{item.chatTitle}</bdi> · <bdi>{senderLabel(item)}</bdi> · {formatUtc(item.timestamp)}
          </span>
        </div>
        <label className="image-viewer-toggle">
          <input type="checkbox" data-testid="image-show-boxes" checked={showBoxes} onChange={(event) => setShowBoxes(event.target.checked)} />
          Show word boxes
        </label>
        <button type="button" className="small" aria-pressed={zoom === 'actual'} onClick={() => setZoom(zoom === 'fit' ? 'actual' : 'fit')}>
          {zoom === 'fit' ? 'Actual size' : 'Fit'}
        </button>
        <button type="button" className="small" title="Open the conversation at the message this image came with" onClick={() => onOpenMessage(item)}>
          Show message
        </button>
        <button type="button" className="small" data-testid="image-viewer-close" onClick={onClose}>
          Close <span className="muted">(Esc)</span>
        </button>
      </header>
      <div className="image-viewer-body">
        <ImageStage key={item.attachmentId} item={item} loaded={loaded} error={error} matcher={matcher} showBoxes={showBoxes} zoom={zoom} />
        <OcrTextPanel
          image={item}
          text={text}
          ranges={ranges}
          words={loaded?.words ?? []}
          onlySureWordsSearched={loaded?.onlySureWordsSearched ?? true}
          allWords={everyWord !== searched ? { shown: allWords, toggle: () => setAllWords(!allWords) } : null}
        />
      </div>
      <p className="image-viewer-legend hint">
        {matcher !== null && (
          <>
            <span className="legend-box match" /> matches the search ·{' '}
          </>
        )}
        <span className="legend-box" /> a word OCR read · <span className="legend-box low" /> doubtful{loaded?.onlySureWordsSearched === false ? '' : ', not searched'} (under {LOW_CONFIDENCE} %) · ← → other images
      </p>
    </div>
  );
}
