/**
 * The format of one concept file (shared/concepts/lexicon/<id>.json, README.md): checked with
 * zod when the lexicon loads, so a broken file fails at once with a message naming the file,
 * the language and the term.
 */
import { z } from 'zod';
import { foldedWords } from '../text/fold.ts';

/** Stems shorter than this match too many unrelated words (the marker rules use the same floor). */
export const MIN_STEM_LETTERS = 3;

const KEBAB_ID = /^[a-z]+(?:-[a-z]+)*$/;
/** ISO 639-3: three lower-case letters. */
const LANGUAGE_CODE = /^[a-z]{3}$/;

/** Why a term is malformed, or undefined when it is fine. */
export function termProblem(term: string): string | undefined {
  if (term !== term.trim() || /\s{2,}/u.test(term)) return 'has leading, trailing or double spaces';
  const prefix = term.endsWith('*');
  const body = prefix ? term.slice(0, -1) : term;
  if (body.includes('*')) return '"*" may only end the term (a stem of its last word)';
  const words = foldedWords(body);
  if (words.length === 0) return 'contains no word';
  const last = words[words.length - 1] ?? '';
  if (prefix && [...last].length < MIN_STEM_LETTERS) return `stem "${last}" is shorter than ${MIN_STEM_LETTERS} letters`;
  return undefined;
}

const Term = z.string().superRefine((term, context) => {
  const problem = termProblem(term);
  if (problem !== undefined) context.addIssue({ code: 'custom', message: `term "${term}" ${problem}` });
});

export const ConceptFileSchema = z.strictObject({
  id: z.string().regex(KEBAB_ID, 'id: lower-case words joined by "-"'),
  /** Bumped whenever the file changes: recorded with search results that used the concept. */
  version: z.number().int().min(1),
  /** Short names a user may type after "concept:" (passport, debt, ...). */
  aliases: z.array(z.string().regex(KEBAB_ID)),
  label: z.string().min(1),
  /** What belongs to the concept and what does not: the linguist's guide. */
  scope: z.string().min(1),
  /** ISO 639-3 code -> terms as written (diacritics, Cyrillic); a trailing "*" marks a stem. */
  terms: z.record(z.string().regex(LANGUAGE_CODE, 'language: ISO 639-3 code'), z.array(Term).min(1)),
});

export type ConceptFile = z.infer<typeof ConceptFileSchema>;
