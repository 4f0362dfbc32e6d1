/**
 * Which languages a text may be in, given its script and the caller's candidate list.
 *
 * A script settles most of the question (Greek letters are Greek); candidate lists narrow the
 * rest. The script wins over the list: a Cyrillic message in a case declared ['ron','eng'] is
 * still scored among Cyrillic languages, because a wrong certain answer is worse than an
 * answer outside the declared list.
 */
import type { LanguageClassifier } from './classifier.ts';
import { normaliseCode } from './codes.ts';
import type { Script } from './script.ts';
import { trigramTable } from './trigram-models.ts';

/** Scripts written by one language (among those we route), settled without any model. */
export const SINGLE_LANGUAGE_SCRIPTS: Partial<Record<Script, string>> = {
  Grek: 'ell', Geor: 'kat', Armn: 'hye', Thai: 'tha', Hang: 'kor', Kana: 'jpn', Hani: 'cmn', Beng: 'ben',
};

/**
 * Where franc has models for many languages of a script but our users meet few, the script's
 * usual languages; others (Tatar, Kyrgyz, Dari, Pashto, ...) only when a case names them.
 * Kazakh is usual because it is a default candidate and its letters (қ, ң, ә, ...) give it away.
 */
const USUAL_LANGUAGES: Partial<Record<Script, readonly string[]>> = {
  Cyrl: ['rus', 'ukr', 'bul', 'srp', 'mkd', 'bel', 'kaz'],
  Arab: ['arb', 'pes', 'urd'],
  Hebr: ['heb'],
};

export interface CandidateRequest {
  /** Candidate languages; 'any' = every language franc models for the script. */
  candidates: readonly string[] | 'any';
  /** Languages a case declares: they narrow the candidates and may name unusual ones. */
  caseLanguages?: readonly string[];
  /** A statistical classifier whose log-probabilities are added to the scores (classifier.ts). */
  classifier?: LanguageClassifier;
}

export interface Pool {
  /** Public codes scored for the text. */
  languages: string[];
  /** Their columns in the script's trigram table. */
  columns: number[];
}

function columnsOf(script: Script, wanted: (lang: string) => boolean): Pool {
  const table = trigramTable(script);
  const pool: Pool = { languages: [], columns: [] };
  table?.languages.forEach((lang, column) => {
    if (!wanted(lang) || pool.languages.includes(lang)) return;
    pool.languages.push(lang);
    pool.columns.push(column);
  });
  return pool;
}

const poolCache = new Map<string, Pool>();

/** The languages to score a text of `script` against (cached per request shape). */
export function candidatePool(script: Script, request: CandidateRequest): Pool {
  const caseLanguages = request.caseLanguages?.map(normaliseCode);
  const key = `${script}|${request.candidates === 'any' ? '*' : request.candidates.join(',')}|${caseLanguages?.join(',') ?? ''}`;
  const cached = poolCache.get(key);
  if (cached !== undefined) return cached;
  const usual = USUAL_LANGUAGES[script];
  const listed = request.candidates === 'any' ? undefined : new Set(request.candidates.map(normaliseCode));
  const declared = new Set(caseLanguages ?? []);
  let pool: Pool = declared.size === 0 ? { languages: [], columns: [] } : columnsOf(script, (lang) => declared.has(lang));
  if (pool.languages.length === 0) pool = columnsOf(script, (lang) => (listed === undefined || listed.has(lang)) && (usual === undefined || usual.includes(lang)));
  if (pool.languages.length === 0) pool = columnsOf(script, (lang) => usual === undefined || usual.includes(lang));
  poolCache.set(key, pool);
  return pool;
}
