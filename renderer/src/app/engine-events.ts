import { useEffect, useRef } from 'react';
import { api } from '../api/client.ts';
import type { EngineEvent } from '../api/client.ts';

type Listener = (event: EngineEvent) => void;

const listeners = new Set<Listener>();
let connected = false;

/**
 * One engine subscription for the whole UI: in browser mode each subscribe opens an
 * EventSource, and several would eat the browser's small per-host connection budget.
 */
export function onEngineEvent(listener: Listener): () => void {
  listeners.add(listener);
  if (!connected) {
    connected = true;
    api.subscribe((event) => {
      for (const each of listeners) each(event);
    });
  }
  return () => {
    listeners.delete(listener);
  };
}

/** Calls the latest `handler` for every engine event while the component is mounted. */
export function useEngineEvent(handler: Listener): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => onEngineEvent((event) => latest.current(event)), []);
}
