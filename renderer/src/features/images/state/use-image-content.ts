import { useEffect, useState } from 'react';
import { describeError } from '../../../app/format.ts';
import { isCancelled } from './image-cache.ts';
import type { ImageCache, LoadedImage } from './image-cache.ts';

export interface ImageContentState {
  image: LoadedImage | null;
  error: string | null;
}

/** Holds one image from the cache while `attachmentId` is set; the previous one is let go. */
export function useImageContent(cache: ImageCache, attachmentId: number | null, revision: number): ImageContentState {
  const [state, setState] = useState<ImageContentState & { key: string | null }>({ image: null, error: null, key: null });
  const key = attachmentId === null ? null : `${attachmentId}@${revision}`;

  useEffect(() => {
    if (attachmentId === null) return;
    const lease = cache.lease(attachmentId, revision);
    let live = true;
    const mine = `${attachmentId}@${revision}`;
    lease.promise.then(
      (image) => live && setState({ image, error: null, key: mine }),
      (caught: unknown) => live && !isCancelled(caught) && setState({ image: null, error: describeError(caught), key: mine }),
    );
    return () => {
      live = false;
      lease.release();
    };
  }, [cache, attachmentId, revision]);

  // Same image, newer revision: keep showing the old answer until the new one arrives.
  const sameImage = state.key !== null && attachmentId !== null && state.key.startsWith(`${attachmentId}@`);
  if (state.key === key || sameImage) return { image: state.image, error: state.key === key ? state.error : null };
  return { image: null, error: null };
}
