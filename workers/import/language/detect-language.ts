import { francAll } from 'franc';

/** Tool facts recorded as provenance for every language value Threadline stores. */
export const LANGUAGE_TOOL = { tool: 'franc', toolVersion: '6.2.0', parameters: { minLength: 10, only: 'all' } } as const;

const MIN_LENGTH = LANGUAGE_TOOL.parameters.minLength;

/**
 * franc scores the best language 1 and the others relative to it; a clear winner is one whose
 * runner-up is far behind, so confidence is the gap to the runner-up.
 */
export function detectLanguage(text: string): { lang: string; confidence: number } {
  if (text.trim().length < MIN_LENGTH) return { lang: 'und', confidence: 0 };
  const ranked = francAll(text, { minLength: MIN_LENGTH });
  const [best, second] = ranked;
  if (best === undefined || best[0] === 'und') return { lang: 'und', confidence: 0 };
  const confidence = second === undefined ? 1 : Math.max(0, Math.min(1, best[1] - second[1]));
  return { lang: best[0], confidence: Math.round(confidence * 1000) / 1000 };
}
