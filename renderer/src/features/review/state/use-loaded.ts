import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../../../app/format.ts';

export interface Loaded<T> {
  value: T | null;
  loading: boolean;
  error: string | null;
  /** Local edits between loads (a decision just recorded). */
  update(change: (value: T) => T): void;
}

/**
 * Runs `load` whenever `key` changes; the previous value stays on screen while the next one
 * loads, so a refresh after each decision does not make lists flash.
 */
export function useLoaded<T>(load: () => Promise<T>, key: string): Loaded<T> {
  const [state, setState] = useState<{ value: T | null; loading: boolean; error: string | null }>({ value: null, loading: true, error: null });
  const latest = useRef(load);
  latest.current = load;

  useEffect(() => {
    let live = true;
    setState((current) => ({ ...current, loading: true }));
    latest.current().then(
      (value) => live && setState({ value, loading: false, error: null }),
      (caught: unknown) => live && setState((current) => ({ ...current, loading: false, error: describeError(caught) })),
    );
    return () => {
      live = false;
    };
  }, [key]);

  const update = useCallback((change: (value: T) => T) => {
    setState((current) => (current.value === null ? current : { ...current, value: change(current.value) }));
  }, []);

  return { ...state, update };
}
