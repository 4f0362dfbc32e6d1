/**
 * Loads the concept files: validates each with the schema, folds every term the way search
 * folds messages (shared/text/fold.ts), and checks what a schema cannot see across files
 * (file order, clashing ids and aliases).
 */
import { BugError } from '../errors.ts';
import { normaliseCode } from '../language/codes.ts';
import { foldedWords } from '../text/fold.ts';
import { ConceptFileSchema } from './schema.ts';

export interface ConceptTerm {
  /** ISO 639-3. */
  lang: string;
  /** Folded words joined by one space ("carte d'identité" -> "carte d identite"). */
  term: string;
  /** true when the last word is a stem: it matches any word starting with it. */
  prefix: boolean;
  /** As written in the file, for display ("pașaport*"). */
  written: string;
}

export interface Concept {
  id: string;
  version: number;
  aliases: readonly string[];
  label: string;
  scope: string;
  terms: readonly ConceptTerm[];
}

function foldTerm(lang: string, written: string): ConceptTerm {
  const prefix = written.endsWith('*');
  const words = foldedWords(prefix ? written.slice(0, -1) : written);
  return { lang, term: words.join(' '), prefix, written };
}

/** One concept from one file's data; throws BugError naming the file and every problem. */
export function loadConcept(data: unknown, source: string): Concept {
  const parsed = ConceptFileSchema.safeParse(data);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new BugError(`Concept file ${source} is invalid: ${problems}`);
  }
  const file = parsed.data;
  const terms: ConceptTerm[] = [];
  const seen = new Set<string>();
  for (const [code, written] of Object.entries(file.terms)) {
    const lang = normaliseCode(code);
    for (const entry of written) {
      const term = foldTerm(lang, entry);
      // Written variants that fold alike ("pașaport*", "pasaport*") are one term.
      const key = `${lang}|${term.term}|${term.prefix}`;
      if (seen.has(key)) continue;
      seen.add(key);
      terms.push(term);
    }
  }
  return { id: file.id, version: file.version, aliases: file.aliases, label: file.label, scope: file.scope, terms };
}

/** All concepts; ids and aliases must not clash, since either may follow "concept:". */
export function loadConcepts(files: readonly unknown[]): Concept[] {
  const concepts = files.map((data, index) => loadConcept(data, `#${index + 1} (${String((data as { id?: unknown } | null)?.id)})`));
  const names = new Map<string, string>();
  for (const concept of concepts) {
    for (const name of [concept.id, ...concept.aliases]) {
      const owner = names.get(name);
      if (owner !== undefined && owner !== concept.id) throw new BugError(`Concept name "${name}" is used by both ${owner} and ${concept.id}`);
      names.set(name, concept.id);
    }
  }
  return concepts;
}
