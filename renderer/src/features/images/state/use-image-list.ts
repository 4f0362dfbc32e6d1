import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImageItem } from '../../../../../shared/domain/image.ts';
import { api } from '../../../api/client.ts';
import { describeError } from '../../../app/format.ts';

const PAGE_SIZE = 120;
/** images.list refuses larger pages. */
const MAX_PAGE = 2000;

export interface ImageList {
  images: ImageItem[];
  total: number;
  loading: boolean;
  error: string | null;
  loadMore(): Promise<void>;
}

interface ListState {
  images: ImageItem[];
  total: number;
  loading: boolean;
  error: string | null;
}

/**
 * images.list for the whole case (chatId null) or one conversation, a page at a time. After an
 * import or an OCR run (`revision`) the pages already shown are fetched again in one go, so the
 * analyst keeps their place and sees the new OCR state.
 */
export function useImageList(chatId: string | null, revision: number): ImageList {
  const [state, setState] = useState<ListState>({ images: [], total: 0, loading: true, error: null });
  const ticket = useRef(0);
  const current = useRef(state);
  current.current = state;
  const scope = useRef(chatId);

  useEffect(() => {
    const mine = ++ticket.current;
    const sameScope = scope.current === chatId;
    scope.current = chatId;
    const limit = sameScope ? Math.min(MAX_PAGE, Math.max(PAGE_SIZE, current.current.images.length)) : PAGE_SIZE;
    setState((previous) => (sameScope ? { ...previous, loading: true, error: null } : { images: [], total: 0, loading: true, error: null }));
    api.invoke('images.list', { chatId, limit, offset: 0 }).then(
      (result) => mine === ticket.current && setState({ images: result.images, total: result.total, loading: false, error: null }),
      (caught: unknown) => mine === ticket.current && setState((previous) => ({ ...previous, loading: false, error: describeError(caught) })),
    );
  }, [chatId, revision]);

  const loadMore = useCallback(async () => {
    const { images, loading } = current.current;
    if (loading) return;
    const mine = ++ticket.current;
    setState((previous) => ({ ...previous, loading: true, error: null }));
    try {
      const result = await api.invoke('images.list', { chatId: scope.current, limit: PAGE_SIZE, offset: images.length });
      if (mine === ticket.current) setState((previous) => ({ images: [...previous.images, ...result.images], total: result.total, loading: false, error: null }));
    } catch (caught) {
      if (mine === ticket.current) setState((previous) => ({ ...previous, loading: false, error: describeError(caught) }));
    }
  }, []);

  return { ...state, loadMore };
}
