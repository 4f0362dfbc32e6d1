import { useEffect, useMemo, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { ImageItem } from '../../../../../shared/domain/image.ts';
import type { LoadedImage } from '../state/image-cache.ts';
import { matchWords } from '../state/ocr-match.ts';
import type { OcrMatcher } from '../state/ocr-match.ts';
import { imageLabel } from './ImageTile.tsx';
import { WordOverlay } from './WordOverlay.tsx';

export type Zoom = 'fit' | 'actual';

/** Small screenshots are enlarged to fit, but not so far that their pixels turn into blocks. */
const MAX_FIT_SCALE = 2;

function useSize(ref: RefObject<HTMLElement | null>): { width: number; height: number } {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    // contentRect leaves out the padding, so a fitted image never overflows the stage.
    const observer = new ResizeObserver(([entry]) => entry !== undefined && setSize({ width: entry.contentRect.width, height: entry.contentRect.height }));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/** The image scaled to fit (or at its own size, scrolling) with the OCR word boxes over it. */
export function ImageStage({ item, loaded, error, matcher, showBoxes, zoom }: { item: ImageItem; loaded: LoadedImage | null; error: string | null; matcher: OcrMatcher | null; showBoxes: boolean; zoom: Zoom }) {
  const stage = useRef<HTMLDivElement>(null);
  const available = useSize(stage);
  const [natural, setNatural] = useState<{ url: string; width: number; height: number } | null>(null);
  const words = useMemo(() => loaded?.words ?? [], [loaded]);
  const matches = useMemo(() => matchWords(matcher, words), [matcher, words]);
  const size = natural !== null && natural.url === loaded?.url ? natural : null;

  let frame: { width: number; height: number } | null = null;
  if (size !== null) {
    const fit = Math.min(available.width / size.width, available.height / size.height, MAX_FIT_SCALE);
    const scale = zoom === 'actual' || !(fit > 0) ? 1 : fit;
    frame = { width: Math.round(size.width * scale), height: Math.round(size.height * scale) };
  }

  return (
    <div className={`image-stage zoom-${zoom}`} ref={stage}>
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {loaded === null && error === null && <p className="muted">Loading image…</p>}
      {loaded !== null && (
        <div className={`image-frame${frame === null ? ' measuring' : ''}`} style={frame === null ? undefined : { width: frame.width, height: frame.height }}>
          <img
            src={loaded.url}
            alt={imageLabel(item)}
            draggable={false}
            onLoad={(event) => setNatural({ url: loaded.url, width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })}
          />
          {size !== null && <WordOverlay words={words} matches={matches} width={size.width} height={size.height} showAll={showBoxes} />}
        </div>
      )}
    </div>
  );
}
