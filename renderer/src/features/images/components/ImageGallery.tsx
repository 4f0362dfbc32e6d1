import { useMemo } from 'react';
import type { ImageItem } from '../../../../../shared/domain/image.ts';
import { formatNumber } from '../../../app/format.ts';
import type { ImageCache } from '../state/image-cache.ts';
import { textMatches } from '../state/ocr-match.ts';
import type { OcrMatcher } from '../state/ocr-match.ts';
import { ImageTile } from './ImageTile.tsx';

export interface GalleryProps {
  images: readonly ImageItem[];
  total: number;
  loading: boolean;
  error: string | null;
  emptyText: string;
  onLoadMore: (() => void) | null;
  cache: ImageCache;
  revision: number;
  matcher: OcrMatcher | null;
  currentId: number | null;
  onOpen: (image: ImageItem) => void;
}

/** The thumbnails of the chosen scope, with "load more" paging for cases with thousands of images. */
export function ImageGallery({ images, total, loading, error, emptyText, onLoadMore, cache, revision, matcher, currentId, onOpen }: GalleryProps) {
  const matching = useMemo(() => new Set(images.filter((image) => textMatches(matcher, image.ocrSearchableText)).map((image) => image.attachmentId)), [images, matcher]);
  return (
    <section className="image-gallery" data-testid="image-gallery" aria-label="Images" aria-busy={loading}>
      {error !== null && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {!loading && error === null && images.length === 0 && <p className="muted empty">{emptyText}</p>}
      <ul className="image-grid">
        {images.map((image) => (
          <ImageTile
            key={image.attachmentId}
            image={image}
            cache={cache}
            revision={revision}
            matches={matching.has(image.attachmentId)}
            current={image.attachmentId === currentId}
            onOpen={onOpen}
          />
        ))}
      </ul>
      {onLoadMore !== null && images.length < total && (
        <button type="button" className="load-more" data-testid="image-load-more" disabled={loading} onClick={onLoadMore}>
          {loading ? 'Loading…' : `Load more (${formatNumber(total - images.length)} left)`}
        </button>
      )}
      {loading && images.length === 0 && <p className="muted empty">Loading images…</p>}
    </section>
  );
}
