import { useRef } from 'react';
import type { ImageItem } from '../../../../../shared/domain/image.ts';
import { formatUtc } from '../../../app/format.ts';
import type { ImageCache } from '../state/image-cache.ts';
import { describeOcr, ocrState } from '../state/ocr-state.ts';
import { useImageContent } from '../state/use-image-content.ts';
import { useVisible } from '../state/use-visible.ts';

export function imageLabel(image: ImageItem): string {
  return image.fileName ?? `image ${image.attachmentId}`;
}

/** One thumbnail; its bytes are fetched only while it is on (or near) the screen. */
export function ImageTile({
  image,
  cache,
  revision,
  matches,
  current,
  onOpen,
}: {
  image: ImageItem;
  cache: ImageCache;
  revision: number;
  matches: boolean;
  current: boolean;
  onOpen: (image: ImageItem) => void;
}) {
  const thumb = useRef<HTMLSpanElement>(null);
  const visible = useVisible(thumb);
  const { image: loaded, error } = useImageContent(cache, visible ? image.attachmentId : null, revision);
  const state = ocrState(image);

  return (
    <li>
      <button
        type="button"
        className="image-tile"
        data-testid="image-tile"
        data-attachment-id={image.attachmentId}
        data-ocr={state}
        data-match={matches ? 'true' : undefined}
        aria-current={current ? 'true' : undefined}
        onClick={() => onOpen(image)}
      >
        <span className="image-thumb" ref={thumb}>
          {loaded !== null ? (
            <img src={loaded.url} alt={imageLabel(image)} decoding="async" draggable={false} />
          ) : (
            <span className={`image-thumb-placeholder${error === null ? '' : ' error'}`} title={error ?? undefined}>
              {error === null ? '…' : 'Cannot show'}
            </span>
          )}
        </span>
        <span className="image-tile-meta">
          <bdi className="image-tile-name" title={imageLabel(image)}>
            {imageLabel(image)}
          </bdi>
          <bdi className="image-tile-chat muted">{image.chatTitle}</bdi>
          <span className="muted">{formatUtc(image.timestamp)}</span>
          <span className={`image-ocr-state ocr-${state}`} title={describeOcr(image)}>
            {describeOcr(image)}
          </span>
          {matches && <span className="image-match-badge">matches the search</span>}
        </span>
      </button>
    </li>
  );
}
