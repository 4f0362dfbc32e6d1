import { AppError } from '../errors.ts';
import { phoneQueryToken } from '../text/phone.ts';
import { foldedWords, foldText } from '../text/fold.ts';

/**
 * The search query language:
 *   words (all must match)   "exact phrases"   -excluded   prefix*   a OR b
 *   sender:ana  with:dan@example.net  chat:"Job offer"  source:msgstore  device:"Exhibit 3"  lang:ron,rus  marker:debt-bondage
 *   after:2024-01-31  before:2024-03-01  has:attachment  has:ocr  concept:passport
 * Words are folded like the index (text/fold.ts); phone-number-looking words match the number
 * in any formatting (text/phone.ts).
 */
export interface QueryTerm {
  word: string;
  prefix: boolean;
}

/** One required slot of the query: any of its alternatives satisfies it (OR, concepts, transliterations). */
export interface TermGroup {
  alternatives: QueryTerm[];
}

export type HasFilter = 'attachment' | 'ocr';

export interface QueryFilters {
  senders: string[];
  /** with: conversations someone took part in, as sender or named participant (an e-mail's recipients). */
  participants: string[];
  chats: string[];
  sources: string[];
  /** device: the seized device (exhibit) declared at import for the message's source (ADR 0014). */
  devices: string[];
  langs: string[];
  markers: string[];
  concepts: string[];
  /** Inclusive UTC bounds in ms. */
  after: number | null;
  before: number | null;
  has: HasFilter[];
}

export interface ParsedQuery {
  groups: TermGroup[];
  /** Folded word sequences that must appear contiguously. */
  phrases: string[][];
  excluded: QueryTerm[];
  filters: QueryFilters;
}

export interface ParseOptions {
  /** Extra spellings of a folded word (e.g. transliterations) that should also match it. */
  variants?: (word: string) => string[];
}

const MAX_TERMS = 64;
const TOKEN = /(-?)([a-z]+):"([^"]*)"?|(-?)"([^"]*)"?|(\S+)/giu;
const FILTER_KEYS = new Set(['sender', 'with', 'chat', 'source', 'device', 'lang', 'marker', 'after', 'before', 'has', 'concept']);

export function emptyFilters(): QueryFilters {
  return { senders: [], participants: [], chats: [], sources: [], devices: [], langs: [], markers: [], concepts: [], after: null, before: null, has: [] };
}

export function parseQuery(input: string, options: ParseOptions = {}): ParsedQuery {
  const query: ParsedQuery = { groups: [], phrases: [], excluded: [], filters: emptyFilters() };
  let pendingOr = false;
  const addGroup = (terms: QueryTerm[]): void => {
    if (terms.length === 0) return;
    const previous = query.groups[query.groups.length - 1];
    if (pendingOr && previous !== undefined) previous.alternatives.push(...terms);
    else query.groups.push({ alternatives: terms });
    pendingOr = false;
  };
  for (const match of input.matchAll(TOKEN)) {
    const [, , quotedKey, quotedValue, phraseNegation, phrase, bare] = match;
    if (quotedKey !== undefined && quotedValue !== undefined && FILTER_KEYS.has(quotedKey.toLowerCase())) {
      applyFilter(query.filters, quotedKey.toLowerCase(), quotedValue);
      continue;
    }
    if (phrase !== undefined) {
      const words = foldedWords(phrase);
      if (words.length === 0) continue;
      if (phraseNegation === '-') words.forEach((word) => query.excluded.push({ word, prefix: false }));
      else {
        query.phrases.push(words);
        for (const word of words) addGroup([{ word, prefix: false }]);
      }
      continue;
    }
    if (bare === undefined) continue;
    if (bare === 'OR') {
      pendingOr = query.groups.length > 0;
      continue;
    }
    const filter = /^([a-z]+):(.+)$/iu.exec(bare);
    if (filter?.[1] !== undefined && filter[2] !== undefined && FILTER_KEYS.has(filter[1].toLowerCase())) {
      applyFilter(query.filters, filter[1].toLowerCase(), filter[2]);
      continue;
    }
    const negated = bare.startsWith('-') && bare.length > 1;
    const body = negated ? bare.slice(1) : bare;
    const phone = phoneQueryToken(body);
    if (phone !== null) {
      if (negated) query.excluded.push({ word: phone, prefix: false });
      else addGroup([{ word: phone, prefix: false }]);
      continue;
    }
    const prefix = body.endsWith('*');
    const words = foldedWords(body);
    words.forEach((word, index) => {
      const term = { word, prefix: prefix && index === words.length - 1 };
      if (negated) query.excluded.push(term);
      else addGroup([term, ...(options.variants?.(word) ?? []).filter((variant) => variant !== word).map((variant) => ({ word: variant, prefix: term.prefix }))]);
    });
  }
  const termCount = query.groups.reduce((sum, group) => sum + group.alternatives.length, 0) + query.excluded.length;
  if (termCount > MAX_TERMS) throw new AppError('E_QUERY_SYNTAX', `A query may hold at most ${MAX_TERMS} terms`);
  return query;
}

function applyFilter(filters: QueryFilters, key: string, rawValue: string): void {
  const value = rawValue.trim();
  if (value === '') return;
  const list = value.split(',').map((item) => foldText(item.trim())).filter((item) => item !== '');
  switch (key) {
    case 'sender':
      filters.senders.push(foldText(value));
      return;
    case 'with':
      filters.participants.push(foldText(value));
      return;
    case 'chat':
      filters.chats.push(foldText(value));
      return;
    case 'source':
      filters.sources.push(foldText(value));
      return;
    case 'device':
      filters.devices.push(foldText(value));
      return;
    case 'lang':
      filters.langs.push(...list);
      return;
    case 'marker':
      filters.markers.push(...list);
      return;
    case 'concept':
      filters.concepts.push(...list);
      return;
    case 'has': {
      for (const item of list) {
        if (item !== 'attachment' && item !== 'ocr') throw new AppError('E_QUERY_SYNTAX', `has: takes attachment or ocr, not "${item}"`);
        filters.has.push(item);
      }
      return;
    }
    case 'after':
      filters.after = parseDate(value, key);
      return;
    case 'before': {
      // A bare date means "before the end of that day" is surprising; before:2024-03-01 excludes that day.
      filters.before = parseDate(value, key) - 1;
      return;
    }
  }
}

/**
 * after:/before: take ISO 8601 only: a date, or a date and time with an optional zone offset. A
 * time without an offset is UTC, as every time the app shows is. Date.parse was asked before and
 * took anything: 2024-02-30 as 1 March, 3/12/2024 as 12 March (month first, whatever the
 * analyst meant), "5" as May 2001, and a time without an offset in the computer's own zone.
 */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/iu;

function parseDate(value: string, key: string): number {
  const syntaxError = () => new AppError('E_QUERY_SYNTAX', `${key}: needs a date like 2024-03-01 or 2024-03-01T14:00 (UTC) or 2024-03-01T14:00+02:00, not "${value}"`);
  const match = ISO_DATE.exec(value);
  if (match === null) throw syntaxError();
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => (part === undefined ? 0 : Number(part))) as [number, number, number, number, number, number];
  const millis = match[7] === undefined ? 0 : Number(match[7].padEnd(3, '0'));
  const local = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  const written = new Date(local);
  // Date.UTC rolls 30 February over into March and 24:00 into the next day: both are typing errors.
  if (written.getUTCFullYear() !== year || written.getUTCMonth() !== month - 1 || written.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) throw syntaxError();
  const zone = match[8];
  if (zone === undefined || zone.toUpperCase() === 'Z') return local;
  const digits = zone.replace(':', '');
  const offsetHours = Number(digits.slice(1, 3));
  const offsetMinutes = Number(digits.slice(3, 5));
  if (offsetHours > 14 || offsetMinutes > 59) throw syntaxError();
  const sign = digits.startsWith('-') ? -1 : 1;
  return local - sign * (offsetHours * 60 + offsetMinutes) * 60_000;
}

export function hasTerms(query: ParsedQuery): boolean {
  return query.groups.length > 0;
}

export function hasFilters(query: ParsedQuery): boolean {
  const { filters } = query;
  return (
    filters.senders.length + filters.participants.length + filters.chats.length + filters.sources.length + filters.devices.length + filters.langs.length + filters.markers.length + filters.has.length + filters.concepts.length > 0 ||
    filters.after !== null ||
    filters.before !== null
  );
}

export function isEmptyQuery(query: ParsedQuery): boolean {
  return !hasTerms(query) && !hasFilters(query);
}

export function termMatches(term: QueryTerm, word: string): boolean {
  return term.prefix ? word.startsWith(term.word) : word === term.word;
}
