/**
 * Cross-language concept search: a curated multilingual lexicon (lexicon/*.json, README.md)
 * of words investigators look for, so "concept:passport" finds паспорт, pașaport, paszport
 * and Reisepass, and a query word can offer "the same concept in other languages".
 */
import { normaliseCode } from '../language/codes.ts';
import { foldedWords } from '../text/fold.ts';
import { CONCEPT_FILES } from './lexicon/index.ts';
import { loadConcepts } from './load.ts';
import type { Concept, ConceptTerm } from './load.ts';
import { MIN_STEM_LETTERS } from './schema.ts';

export type { Concept, ConceptTerm };

export interface ConceptSummary {
  id: string;
  version: number;
  label: string;
  scope: string;
  aliases: readonly string[];
  /** ISO 639-3 codes with at least one term. */
  languages: string[];
  termCount: number;
}

export interface ConceptExpansion {
  id: string;
  version: number;
  terms: ConceptTerm[];
}

interface Lexicon {
  concepts: Concept[];
  /** id or alias -> concept. */
  byName: Map<string, Concept>;
  /** Folded whole term -> matches (exact terms and stems alike, for the stem itself). */
  exact: Map<string, { concept: string; lang: string }[]>;
  /** Folded stem of a one-word prefix term -> matches. */
  stems: Map<string, { concept: string; lang: string }[]>;
  /** Multi-word prefix terms, tried one by one (there are few). */
  phraseStems: { concept: string; term: ConceptTerm }[];
}

let lexicon: Lexicon | undefined;

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function load(): Lexicon {
  if (lexicon !== undefined) return lexicon;
  const concepts = loadConcepts(CONCEPT_FILES);
  const built: Lexicon = { concepts, byName: new Map(), exact: new Map(), stems: new Map(), phraseStems: [] };
  for (const concept of concepts) {
    for (const name of [concept.id, ...concept.aliases]) built.byName.set(name, concept);
    for (const term of concept.terms) {
      const match = { concept: concept.id, lang: term.lang };
      push(built.exact, term.term, match);
      if (!term.prefix) continue;
      if (term.term.includes(' ')) built.phraseStems.push({ concept: concept.id, term });
      else push(built.stems, term.term, match);
    }
  }
  lexicon = built;
  return built;
}

export function listConcepts(): ConceptSummary[] {
  return load().concepts.map((concept) => ({
    id: concept.id,
    version: concept.version,
    label: concept.label,
    scope: concept.scope,
    aliases: concept.aliases,
    languages: [...new Set(concept.terms.map((term) => term.lang))].sort(),
    termCount: concept.terms.length,
  }));
}

/**
 * The terms of a concept, by id or alias ("passport-id-papers" or "passport"), optionally only
 * in some languages (a case's languages); undefined for an unknown name.
 */
export function expandConcept(name: string, options: { languages?: readonly string[] } = {}): ConceptExpansion | undefined {
  const concept = load().byName.get(name.trim().toLowerCase());
  if (concept === undefined) return undefined;
  const wanted = options.languages === undefined ? undefined : new Set(options.languages.map(normaliseCode));
  const terms = concept.terms.filter((term) => wanted === undefined || wanted.has(term.lang));
  return { id: concept.id, version: concept.version, terms };
}

/**
 * Concept ids whose terms match `word` (a word or a short phrase, any script, folded here):
 * exactly, or by a stem it starts with. With `lang`, only that language's terms count.
 */
export function conceptsForWord(word: string, lang?: string): string[] {
  const { exact, stems, phraseStems } = load();
  const wantedLang = lang === undefined ? undefined : normaliseCode(lang);
  const words = foldedWords(word);
  const last = words[words.length - 1];
  if (last === undefined) return [];
  const found = new Set<string>();
  const accept = (matches: readonly { concept: string; lang: string }[] | undefined): void => {
    for (const match of matches ?? []) if (wantedLang === undefined || match.lang === wantedLang) found.add(match.concept);
  };
  const phrase = words.join(' ');
  accept(exact.get(phrase));
  if (words.length === 1) {
    const letters = [...last];
    for (let length = MIN_STEM_LETTERS; length < letters.length; length += 1) accept(stems.get(letters.slice(0, length).join('')));
  } else {
    for (const { concept, term } of phraseStems) {
      const termWords = term.term.split(' ');
      const stem = termWords[termWords.length - 1] ?? '';
      if (termWords.length !== words.length || !last.startsWith(stem)) continue;
      if (termWords.slice(0, -1).every((termWord, index) => termWord === words[index])) accept([{ concept, lang: term.lang }]);
    }
  }
  return [...found].sort();
}

/** "id@version ..." of every concept: provenance for results found through concepts. */
export function lexiconVersion(): string {
  return load().concepts.map((concept) => `${concept.id}@${concept.version}`).join(' ');
}
