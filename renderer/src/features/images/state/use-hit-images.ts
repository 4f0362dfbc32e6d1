import { useEffect, useState } from 'react';
import type { ImageItem } from '../../../../../shared/domain/image.ts';
import type { SearchHit } from '../../../../../shared/domain/search.ts';
import { api } from '../../../api/client.ts';
import { describeError } from '../../../app/format.ts';

/** Conversations looked up for one search; the hits list is paged, so this is rarely reached. */
const MAX_CHATS = 25;
const MAX_PAGE = 2000;

export interface HitImages {
  images: ImageItem[];
  loading: boolean;
  error: string | null;
}

/**
 * The images whose OCR text made a message a search hit, in hit order. images.list has no
 * "by message" filter, so each hit conversation's images are listed and picked by message id.
 */
export function useHitImages(hits: readonly SearchHit[], enabled: boolean, revision: number): HitImages {
  const [state, setState] = useState<HitImages>({ images: [], loading: false, error: null });

  useEffect(() => {
    if (!enabled) return;
    const withOcr = hits.filter((hit) => hit.ocr !== undefined);
    const chatIds = [...new Set(withOcr.map((hit) => hit.chatId))].slice(0, MAX_CHATS);
    let live = true;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    Promise.all(chatIds.map((chatId) => api.invoke('images.list', { chatId, limit: MAX_PAGE, offset: 0 }))).then(
      (pages) => {
        if (!live) return;
        const byMessage = new Map<string, ImageItem[]>();
        for (const image of pages.flatMap((page) => page.images)) byMessage.set(image.messageId, [...(byMessage.get(image.messageId) ?? []), image]);
        setState({ images: withOcr.flatMap((hit) => byMessage.get(hit.id) ?? []), loading: false, error: null });
      },
      (caught: unknown) => live && setState({ images: [], loading: false, error: describeError(caught) }),
    );
    return () => {
      live = false;
    };
  }, [hits, enabled, revision]);

  return state;
}
