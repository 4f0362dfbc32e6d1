/**
 * Compiles validated packs once into the structures the matcher walks: one character trie of
 * every word form (exact words and stems, Cyrillic terms with their Latin chat spellings),
 * terms as sequences of word patterns (trie.ts), and rules as slots of term ids.
 */
import { foldText } from '../text/fold.ts';
import { chatSpellings, hasCyrillic, isCyrillicLanguage } from '../text/transliterate.ts';
import type { CyrillicLanguage } from '../text/transliterate.ts';
import { CONTEXT_PACK, MARKER_IDS, RULE_LANGUAGES, slotsOf, validatePack } from './schema.ts';
import type { MarkerId, MarkerPack, PackRule, PackSuppression, RuleLanguage, Slot } from './schema.ts';
import { DEFAULT_THRESHOLD } from './score.ts';
import { MIN_STEM, parseTerm } from './terms.ts';
import type { TermWord } from './terms.ts';
import { CharTrieBuilder, insertTerm } from './trie.ts';
import type { CharTrie, TermNode } from './trie.ts';

export interface CompiledTerm {
  /** Word pattern ids, one per word of the term. */
  words: number[];
  /** Languages whose lexicon or rules list this term ('*' for any-language rules). */
  langs: (RuleLanguage | '*')[];
  /** The same as a bit set over RULE_LANGUAGES ('*' sets every bit). */
  langMask: number;
}

export type RuleKind = 'term' | 'near' | 'phrase';

export interface CompiledRule {
  id: string;
  lang: RuleLanguage | '*';
  kind: RuleKind;
  slotCount: number;
  /** Index of the rule's first slot in the flat slot table the matcher keeps. */
  slotOffset: number;
  window: number;
  gap: number;
  sameLanguage: boolean;
  /** Distinct terms a `term` rule needs. */
  min: number;
  /** Weight of a rule; the score factor of a suppression. */
  value: number;
  suppress: boolean;
  /** Marker indexes the rule scores or suppresses. */
  markers: number[];
}

export interface CompiledMarker {
  id: MarkerId;
  version: string;
  threshold: number;
}

export interface CompiledTagger {
  markers: CompiledMarker[];
  rules: CompiledRule[];
  terms: CompiledTerm[];
  /** term id → flat [rule, global slot, rule, global slot, ...] (slot = slotOffset + index) */
  termSlots: Int32Array[];
  /** word pattern id → term trie node of the terms starting with that word */
  termStarts: (TermNode | undefined)[];
  /** Slots of all rules together (size of the matcher's flat slot table). */
  slotTotal: number;
  trie: CharTrie;
  numberPattern: number;
  /** Versions of every pack, the context pack included, for provenance. */
  packVersions: Record<string, string>;
}

/** Rule languages to transliterate a Cyrillic term for when the rule is for any language. */
const ANY_CYRILLIC: readonly CyrillicLanguage[] = ['bul', 'rus', 'ukr'];
const NUMBER_PATTERN = 0;
/** German typed without umlauts writes ae, oe, ue ("dafuer"); folding alone gives "dafur". */
const GERMAN_UMLAUT = /[äöü]/;
const GERMAN_UMLAUTS = /[äöü]/g;
const UMLAUT_SPELLINGS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue' };
const ALL_LANGUAGES = -1;

function languageBit(lang: RuleLanguage | '*'): number {
  return lang === '*' ? ALL_LANGUAGES : 1 << RULE_LANGUAGES.indexOf(lang);
}

class Builder {
  readonly chars = new CharTrieBuilder();
  readonly terms: CompiledTerm[] = [];
  readonly termRefs: number[][] = [];
  readonly termStarts: (TermNode | undefined)[] = [];
  private readonly patternIds = new Map<string, number>([['#num', NUMBER_PATTERN]]);

  get patternCount(): number {
    return this.patternIds.size;
  }
  private readonly termIds = new Map<string, number>();

  private pattern(word: TermWord, lang: RuleLanguage | '*'): number {
    if (word.number) return NUMBER_PATTERN;
    const forms = new Set([word.folded]);
    if (hasCyrillic(word.raw)) {
      const languages = lang === '*' ? ANY_CYRILLIC : isCyrillicLanguage(lang) ? [lang] : [];
      for (const language of languages) for (const spelling of chatSpellings(word.raw, language)) forms.add(spelling);
    }
    if ((lang === 'deu' || lang === '*') && GERMAN_UMLAUT.test(word.raw)) forms.add(foldText(word.raw.replace(GERMAN_UMLAUTS, (letter) => UMLAUT_SPELLINGS[letter] ?? letter)));
    const usable = [...forms].filter((form) => !word.prefix || [...form].length >= MIN_STEM).sort();
    const key = `${word.prefix ? '*' : '='}${usable.join('|')}`;
    let id = this.patternIds.get(key);
    if (id === undefined) {
      id = this.patternIds.size;
      this.patternIds.set(key, id);
      for (const form of usable) this.chars.insert(form, id, word.prefix);
    }
    return id;
  }

  term(text: string, lang: RuleLanguage | '*'): number {
    const words = parseTerm(text).words.map((word) => this.pattern(word, lang));
    const key = words.join(' ');
    let id = this.termIds.get(key);
    if (id === undefined) {
      id = this.terms.length;
      this.termIds.set(key, id);
      this.terms.push({ words, langs: [lang], langMask: languageBit(lang) });
      this.termRefs.push([]);
      insertTerm(this.termStarts, words, id);
    } else {
      const term = this.terms[id];
      if (term !== undefined && !term.langs.includes(lang)) {
        term.langs.push(lang);
        term.langMask |= languageBit(lang);
      }
    }
    return id;
  }
}

function slotTerms(builder: Builder, pack: MarkerPack, slot: Slot, lang: RuleLanguage | '*'): number[] {
  const ids = new Set<number>();
  for (const item of typeof slot === 'string' ? [slot] : slot) {
    if (!item.startsWith('@')) {
      ids.add(builder.term(item, lang));
      continue;
    }
    const concept = pack.lexicon?.[item.slice(1)];
    for (const [language, terms] of Object.entries(concept?.terms ?? {}) as [RuleLanguage, string[]][]) {
      if (lang !== '*' && language !== lang) continue;
      for (const term of terms) ids.add(builder.term(term, language));
    }
  }
  return [...ids];
}

function compileRule(builder: Builder, pack: MarkerPack, rule: PackRule | PackSuppression, index: number, slotOffset: number, markers: number[]): CompiledRule {
  const slots = slotsOf(rule);
  slots.forEach((slot, slotIndex) => {
    for (const term of slotTerms(builder, pack, slot, rule.lang)) builder.termRefs[term]?.push(index, slotOffset + slotIndex);
  });
  const suppress = 'factor' in rule;
  return {
    id: rule.id,
    lang: rule.lang,
    kind: rule.kind,
    slotCount: slots.length,
    slotOffset,
    window: rule.kind === 'near' ? rule.window : 0,
    gap: rule.kind === 'phrase' ? (rule.gap ?? 0) : 0,
    sameLanguage: rule.kind !== 'term' && rule.sameLanguage === true,
    min: rule.kind === 'term' ? (rule.min ?? 1) : 1,
    value: suppress ? rule.factor : rule.weight,
    suppress,
    markers,
  };
}

/**
 * Validates (when given raw JSON) and compiles packs into one tagger. Call once and reuse:
 * compiling builds the whole trie.
 */
export function compilePacks(input: readonly unknown[]): CompiledTagger {
  const packs = input.map((data, index) => validatePack(data, describeSource(data, index)));
  const markerPacks = packs.filter((pack) => pack.marker !== CONTEXT_PACK);
  const markers: CompiledMarker[] = [];
  for (const id of MARKER_IDS) {
    const packsForMarker = markerPacks.filter((pack) => pack.marker === id);
    if (packsForMarker.length > 1) throw new Error(`Two rule packs for marker ${id}`);
    const pack = packsForMarker[0];
    if (pack !== undefined) markers.push({ id, version: pack.version, threshold: pack.threshold ?? DEFAULT_THRESHOLD });
  }
  const markerIndex = (id: string): number => markers.findIndex((marker) => marker.id === id);
  const allMarkers = markers.map((_, index) => index);
  const builder = new Builder();
  const rules: CompiledRule[] = [];
  const packVersions: Record<string, string> = {};
  let slotTotal = 0;
  const add = (pack: MarkerPack, rule: PackRule | PackSuppression, scope: number[]): void => {
    const compiled = compileRule(builder, pack, rule, rules.length, slotTotal, scope);
    slotTotal += compiled.slotCount;
    rules.push(compiled);
  };
  for (const pack of packs) {
    packVersions[pack.marker === CONTEXT_PACK ? 'context' : pack.marker] = pack.version;
    const own = pack.marker === CONTEXT_PACK ? allMarkers : [markerIndex(pack.marker)];
    for (const rule of pack.rules) add(pack, rule, own);
    for (const rule of pack.suppress ?? []) add(pack, rule, rule.markers === undefined ? own : rule.markers.map(markerIndex).filter((index) => index >= 0));
  }
  return {
    markers,
    rules,
    terms: builder.terms,
    termSlots: builder.termRefs.map((refs) => Int32Array.from(refs)),
    // Dense copy: the builder filled it at scattered indexes, which leaves a slow sparse array.
    termStarts: Array.from({ length: builder.patternCount }, (_, pattern) => builder.termStarts[pattern]),
    slotTotal,
    trie: builder.chars.freeze(),
    numberPattern: NUMBER_PATTERN,
    packVersions,
  };
}

function describeSource(data: unknown, index: number): string {
  const marker = data !== null && typeof data === 'object' ? (data as { marker?: unknown }).marker : undefined;
  return typeof marker === 'string' ? `for "${marker}" (pack #${index + 1})` : `#${index + 1}`;
}
