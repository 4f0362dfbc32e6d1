import { useEffect, useState } from 'react';
import type { RefObject } from 'react';

/** Loads a little ahead of the scroll so tiles are ready as they come into view. */
const MARGIN = '300px 0px';

/** Whether the element is on (or near) the screen, for loading tiles lazily. */
export function useVisible(ref: RefObject<HTMLElement | null>): boolean {
  const [visible, setVisible] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (element === null) return;
    const observer = new IntersectionObserver((entries) => {
      const last = entries[entries.length - 1];
      if (last !== undefined) setVisible(last.isIntersecting);
    }, { rootMargin: MARGIN });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return visible;
}
