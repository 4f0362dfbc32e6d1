import { francAll } from 'franc';

/**
 * Candidate languages: those Threadline's users meet most (the case languages of the marker and
 * concept packs plus the main languages of origin and transit). Narrowing franc's ~400
 * candidates to these halves its time and removes absurd guesses for short chat lines; a
 * case-level list will replace this default.
 */
export const DEFAULT_CANDIDATE_LANGUAGES = [
  'eng', 'ron', 'bul', 'rus', 'ukr', 'pol', 'deu', 'fra', 'spa', 'ita', 'nld', 'hun', 'als', 'vie', 'por', 'tur', 'ell',
  'arb', 'heb', 'srp', 'hrv', 'bos', 'mkd', 'ces', 'slk', 'slv', 'lit', 'lav', 'est', 'fin', 'swe', 'dan', 'nob', 'cmn',
  'jpn', 'kor', 'tha', 'hin', 'ben', 'urd', 'pes', 'ind', 'zlm', 'tgl', 'swh', 'hau', 'yor', 'ibo', 'amh', 'tir', 'som',
  'kat', 'hye', 'azj', 'uzn', 'kaz', 'bel', 'cat', 'pcm',
] as const;

const MIN_LENGTH = 10;

/** Tool facts recorded as provenance for every language value Threadline stores. */
export const LANGUAGE_TOOL = {
  tool: 'franc',
  toolVersion: '6.2.0',
  parameters: { minLength: MIN_LENGTH, only: DEFAULT_CANDIDATE_LANGUAGES.join(','), confidence: 'score gap between the best and second-best language' },
} as const;

const ONLY = [...DEFAULT_CANDIDATE_LANGUAGES];

/**
 * franc scores the best language 1 and the others relative to it; a clear winner is one whose
 * runner-up is far behind, so confidence is the gap to the runner-up.
 */
export function detectLanguage(text: string): { lang: string; confidence: number } {
  if (text.trim().length < MIN_LENGTH) return { lang: 'und', confidence: 0 };
  const ranked = francAll(text, { minLength: MIN_LENGTH, only: ONLY });
  const [best, second] = ranked;
  if (best === undefined || best[0] === 'und') return { lang: 'und', confidence: 0 };
  const confidence = second === undefined ? 1 : Math.max(0, Math.min(1, best[1] - second[1]));
  return { lang: best[0], confidence: Math.round(confidence * 1000) / 1000 };
}
