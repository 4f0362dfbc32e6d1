import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { conceptsForWord, expandConcept, lexiconVersion, listConcepts } from '../../../../shared/concepts/index.ts';
import { CONCEPT_FILES } from '../../../../shared/concepts/lexicon/index.ts';
import { loadConcept, loadConcepts } from '../../../../shared/concepts/load.ts';
import { ConceptFileSchema, termProblem } from '../../../../shared/concepts/schema.ts';
import { BugError } from '../../../../shared/errors.ts';
import { foldText } from '../../../../shared/text/fold.ts';

const LEXICON_DIR = new URL('../../../../shared/concepts/lexicon/', import.meta.url);
const FILES = readdirSync(LEXICON_DIR).filter((name) => name.endsWith('.json')).sort();
const REQUIRED_CONCEPTS = [
  'passport-id-papers', 'debt-owing', 'money-payment', 'location-address', 'police', 'photos-videos', 'job-work',
  'apartment-room', 'client-customer', 'ticket-travel', 'threat-violence',
];
const REQUIRED_LANGUAGES = ['eng', 'ron', 'bul', 'rus', 'ukr', 'pol', 'deu', 'fra', 'spa', 'ita', 'nld', 'hun', 'sqi', 'vie'];

describe('concept files', () => {
  it.each(FILES)('%s follows the schema and is named after its id', (name) => {
    const data: unknown = JSON.parse(readFileSync(new URL(name, LEXICON_DIR), 'utf8'));
    const parsed = ConceptFileSchema.safeParse(data);
    expect(parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)).toEqual([]);
    expect(parsed.data?.id).toBe(name.replace(/\.json$/, ''));
    expect(Object.keys(parsed.data?.terms ?? {})).toEqual(expect.arrayContaining(REQUIRED_LANGUAGES));
  });

  it('are all registered in lexicon/index.ts', () => {
    expect(CONCEPT_FILES.length).toBe(FILES.length);
    expect(listConcepts().map((concept) => `${concept.id}.json`).sort()).toEqual(FILES);
  });

  it('cover the required concepts', () => {
    expect(listConcepts().map((concept) => concept.id)).toEqual(expect.arrayContaining(REQUIRED_CONCEPTS));
  });

  it('have unique ids and aliases', () => {
    const names = listConcepts().flatMap((concept) => [concept.id, ...concept.aliases]);
    expect(new Set(names).size).toBe(names.length);
  });
});

describe('the schema', () => {
  it('rejects malformed terms', () => {
    expect(termProblem('pa*s')).toMatch(/only end/);
    expect(termProblem('pa*')).toMatch(/shorter than 3/);
    expect(termProblem(' pass')).toMatch(/spaces/);
    expect(termProblem('!!')).toMatch(/no word/);
    expect(termProblem('carte d\'identité')).toBeUndefined();
  });

  it('fails loading with a message naming the file, language and term', () => {
    const broken = { id: 'broken', version: 1, aliases: [], label: 'x', scope: 'x', terms: { eng: ['ok', 'x*'] } };
    expect(() => loadConcept(broken, 'broken.json')).toThrow(BugError);
    expect(() => loadConcept(broken, 'broken.json')).toThrow(/broken\.json.*terms\.eng\.1.*"x\*"/);
    expect(() => loadConcept({ ...broken, terms: { english: ['ok'] } }, 'b.json')).toThrow(/terms\.english/);
    expect(() => loadConcept({ ...broken, extra: 1, terms: { eng: ['ok'] } }, 'b.json')).toThrow(/extra/);
  });

  it('refuses two concepts claiming one alias', () => {
    const one = { id: 'one', version: 1, aliases: ['same'], label: 'x', scope: 'x', terms: { eng: ['a'] } };
    expect(() => loadConcepts([one, { ...one, id: 'two' }])).toThrow(/"same"/);
  });
});

describe('expandConcept', () => {
  it('expands concept:passport to паспорт, pașaport, paszport and Reisepass', () => {
    const expansion = expandConcept('passport');
    expect(expansion?.id).toBe('passport-id-papers');
    const terms = expansion?.terms ?? [];
    const folded = terms.map((term) => term.term);
    for (const word of ['паспорт', 'pașaport', 'paszport', 'Reisepass']) expect(folded, word).toContain(foldText(word));
    expect(terms).toContainEqual({ lang: 'rus', term: 'паспорт', prefix: true, written: 'паспорт*' });
    expect(terms).toContainEqual({ lang: 'ron', term: 'pasaport', prefix: true, written: 'pașaport*' });
    expect(terms.find((term) => term.term === 'reisepass')).toMatchObject({ lang: 'deu', prefix: true });
    expect(terms.find((term) => term.term === 'paszport')).toMatchObject({ lang: 'pol', prefix: true });
  });

  it('folds terms like search does and keeps one term per folded form', () => {
    const romanian = expandConcept('passport-id-papers', { languages: ['ron'] })?.terms ?? [];
    expect(romanian.filter((term) => term.term === 'pasaport')).toHaveLength(1);
    expect(romanian.every((term) => term.lang === 'ron')).toBe(true);
  });

  it('is undefined for an unknown concept', () => {
    expect(expandConcept('no-such-concept')).toBeUndefined();
  });
});

describe('conceptsForWord', () => {
  it('matches stems, whole words and phrases, in any case and with or without diacritics', () => {
    expect(conceptsForWord('ПАСПОРТА')).toEqual(['passport-id-papers']);
    expect(conceptsForWord('pasaportul')).toEqual(['passport-id-papers']);
    expect(conceptsForWord('hộ chiếu')).toEqual(['passport-id-papers']);
    expect(conceptsForWord('ho chieu')).toEqual(['passport-id-papers']);
  });

  it('restricts to a language when given one', () => {
    expect(conceptsForWord('policja', 'pol')).toEqual(['police']);
    expect(conceptsForWord('policja', 'deu')).toEqual([]);
  });

  it('does not treat a stem alone as shorter words', () => {
    expect(conceptsForWord('pa')).toEqual([]);
    expect(conceptsForWord('')).toEqual([]);
  });

  it('reports a version for provenance', () => {
    expect(lexiconVersion()).toMatch(/passport-id-papers@\d+/);
  });
});
