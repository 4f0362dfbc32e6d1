import { useEffect, useRef } from 'react';

/** Inputs where ← → and Esc do nothing of their own (the viewer's "show word boxes" checkbox). */
const KEYLESS_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset']);

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !KEYLESS_INPUTS.has(target.type);
  return target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/**
 * ← / → move between images and Esc closes the viewer. Listens in the capture phase and marks
 * Esc handled, so the workspace's own Esc (close search results) does not fire as well.
 * Keys typed into a field (the search box) are left alone.
 */
export function useViewerKeys(active: boolean, handlers: { previous: () => void; next: () => void; close: () => void }): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    if (!active) return;
    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || isEditable(event.target)) return;
      const action = { ArrowLeft: latest.current.previous, ArrowRight: latest.current.next, Escape: latest.current.close }[event.key];
      if (action === undefined) return;
      event.preventDefault();
      action();
    }
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [active]);
}
