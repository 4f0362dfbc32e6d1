import { useEffect, useRef } from 'react';

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

/** Held down, these move on; a held decision key must not record the same decision many times. */
const REPEATABLE = new Set(['j', 'k', 'ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', '[', ']']);

/** Keys belong to dialogs and the search results while focus is in them. */
function ownedElsewhere(target: EventTarget | null): boolean {
  return target instanceof Element && target.closest('[role="dialog"], .search-results') !== null;
}

/**
 * Single-key review shortcuts while `active`. `handle` gets `event.key` and returns true when it
 * used it. Never while typing; Ctrl+Alt together is let through because AltGr types [ and ].
 */
export function useReviewKeys(active: boolean, handle: (key: string) => boolean): void {
  const latest = useRef(handle);
  latest.current = handle;
  useEffect(() => {
    if (!active) return undefined;
    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented || (event.repeat && !REPEATABLE.has(event.key))) return;
      if (event.metaKey || event.ctrlKey !== event.altKey) return;
      if (isTyping(event.target) || ownedElsewhere(event.target)) return;
      if (latest.current(event.key)) event.preventDefault();
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [active]);
}
