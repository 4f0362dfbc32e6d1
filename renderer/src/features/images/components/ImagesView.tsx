import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ImageItem } from '../../../../../shared/domain/image.ts';
import type { SearchHit } from '../../../../../shared/domain/search.ts';
import { api } from '../../../api/client.ts';
import { describeError, formatNumber } from '../../../app/format.ts';
import type { OpenTarget } from '../../review/state/open-target.ts';
import { ImageCache } from '../state/image-cache.ts';
import { buildMatcher, textMatches } from '../state/ocr-match.ts';
import { useHitImages } from '../state/use-hit-images.ts';
import { useImageList } from '../state/use-image-list.ts';
import { useOcrTask } from '../state/use-ocr-task.ts';
import { ImageGallery } from './ImageGallery.tsx';
import { ImageViewer } from './ImageViewer.tsx';
import { OcrControls } from './OcrControls.tsx';

type Scope = 'all' | 'chat' | 'hits';

export interface ImagesViewProps {
  active: boolean;
  revision: number;
  /** The conversation open in the Messages view, for "this conversation". */
  chatId: string | null;
  chatTitle: string | null;
  query: string;
  hits: readonly SearchHit[];
  onOpen: (target: OpenTarget) => void;
}

/**
 * The images of the case: a lazily loaded gallery, OCR controls, and a viewer that draws the
 * words OCR found over each image. Stays mounted while hidden (`active` false), like Review.
 */
export function ImagesView({ active, revision, chatId, chatTitle, query, hits, onOpen }: ImagesViewProps) {
  const [cache] = useState(() => new ImageCache());
  useEffect(() => {
    cache.open();
    return () => cache.dispose();
  }, [cache]);
  const [scope, setScope] = useState<Scope>('all');
  const [openId, setOpenId] = useState<number | null>(null);
  const [openError, setOpenError] = useState<string | null>(null);
  const ocr = useOcrTask();
  const matcher = useMemo(() => buildMatcher(query), [query]);
  const hitCount = useMemo(() => hits.filter((hit) => hit.ocr !== undefined).length, [hits]);
  const effectiveScope: Scope = (scope === 'chat' && chatId === null) || (scope === 'hits' && hitCount === 0) ? 'all' : scope;

  const list = useImageList(effectiveScope === 'chat' ? chatId : null, revision);
  const hitImages = useHitImages(hits, effectiveScope === 'hits', revision);
  const images = useMemo((): readonly ImageItem[] => {
    if (effectiveScope !== 'hits') return list.images;
    // A message can carry several images; keep the ones whose own text matched, when that can be told.
    const matching = hitImages.images.filter((image) => textMatches(matcher, image.ocrSearchableText));
    return matching.length > 0 ? matching : hitImages.images;
  }, [effectiveScope, list.images, hitImages.images, matcher]);
  const total = effectiveScope === 'hits' ? images.length : list.total;
  const index = openId === null ? -1 : images.findIndex((image) => image.attachmentId === openId);

  const close = useCallback(() => {
    const id = openId;
    setOpenId(null);
    // Back to the tile the analyst came from, for keyboard users.
    if (id !== null) requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-testid="image-tile"][data-attachment-id="${id}"]`)?.focus());
  }, [openId]);

  const openMessage = useCallback(
    async (image: ImageItem) => {
      setOpenError(null);
      try {
        const { chatId: located, seq } = await api.invoke('messages.locate', { messageId: image.messageId });
        onOpen({ chatId: located, messageId: image.messageId, seq, highlights: [] });
      } catch (caught) {
        setOpenError(describeError(caught));
      }
    },
    [onOpen],
  );

  const scopes: { id: Scope; label: string; title: string; disabled: boolean }[] = [
    { id: 'all', label: 'All images', title: 'Every image in the case', disabled: false },
    { id: 'chat', label: 'This conversation', title: chatTitle === null ? 'Open a conversation in the Messages view first' : `Images of “${chatTitle}”`, disabled: chatId === null },
    { id: 'hits', label: `In search hits${hitCount > 0 ? ` (${formatNumber(hitCount)})` : ''}`, title: 'Images whose text matched the current search', disabled: hitCount === 0 },
  ];

  return (
    <div className="images-view" data-active={active ? 'true' : 'false'}>
      <header className="images-toolbar">
        <div className="images-scope-column">
          <div className="images-scope" role="group" aria-label="Which images">
            {scopes.map((each) => (
              <button key={each.id} type="button" data-testid={`images-scope-${each.id}`} aria-pressed={effectiveScope === each.id} title={each.title} disabled={each.disabled} onClick={() => setScope(each.id)}>
                {each.label}
              </button>
            ))}
          </div>
          <p className="muted images-count" role="status">
            {effectiveScope === 'chat' && chatTitle !== null && <bdi>{chatTitle}: </bdi>}
            {images.length < total ? `${formatNumber(images.length)} of ${formatNumber(total)} images shown` : `${formatNumber(total)} ${total === 1 ? 'image' : 'images'}`}
          </p>
        </div>
        <OcrControls controller={ocr} />
      </header>
      {openError !== null && (
        <p className="error images-open-error" role="alert">
          {openError}
        </p>
      )}
      <ImageGallery
        images={images}
        total={total}
        loading={effectiveScope === 'hits' ? hitImages.loading : list.loading}
        error={effectiveScope === 'hits' ? hitImages.error : list.error}
        emptyText={effectiveScope === 'all' ? 'No images in this case yet. Import screenshots or a chat export with its media.' : 'No images here.'}
        onLoadMore={effectiveScope === 'hits' ? null : () => void list.loadMore()}
        cache={cache}
        revision={revision}
        matcher={matcher}
        currentId={openId}
        onOpen={(image) => setOpenId(image.attachmentId)}
      />
      {index >= 0 && (
        <ImageViewer
          images={images}
          index={index}
          total={total}
          active={active}
          cache={cache}
          revision={revision}
          matcher={matcher}
          onMove={(next) => setOpenId(images[next]?.attachmentId ?? null)}
          onClose={close}
          onOpenMessage={(image) => void openMessage(image)}
        />
      )}
    </div>
  );
}
