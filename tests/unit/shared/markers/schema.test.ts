import { describe, expect, it } from 'vitest';
import { compilePacks, RULE_PACKS, validatePack } from '../../../../shared/markers/index.ts';

function pack(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    marker: 'isolation',
    version: '1.0.0',
    description: 'Indicator: test pack',
    lexicon: { phone: { note: 'phones', terms: { eng: ['phone'], ron: ['telefon*'] } } },
    rules: [{ id: 'isolation/eng/phone-here', lang: 'eng', kind: 'phrase', sequence: ['@phone', ['here']], weight: 0.6, note: 'phone demanded' }],
    ...overrides,
  };
}

function problems(data: unknown): string {
  try {
    validatePack(data, 'test.json');
  } catch (error) {
    return (error as Error).message;
  }
  return '';
}

describe('rule pack schema', () => {
  it('accepts every shipped pack', () => {
    for (const data of RULE_PACKS) expect(() => validatePack(data, 'shipped')).not.toThrow();
    expect(() => compilePacks(RULE_PACKS)).not.toThrow();
  });

  it('accepts a minimal valid pack', () => {
    expect(validatePack(pack(), 'test.json').rules).toHaveLength(1);
  });

  it('names the pack, the rule and the field of a bad weight', () => {
    const message = problems(pack({ rules: [{ id: 'isolation/eng/x', lang: 'eng', kind: 'term', terms: ['phone'], weight: 1.5, note: 'n' }] }));
    expect(message).toContain('Invalid marker rule pack test.json');
    expect(message).toContain('rules[0] (isolation/eng/x).weight');
  });

  it('rejects a reference to a concept the lexicon does not define', () => {
    expect(problems(pack({ rules: [{ id: 'isolation/eng/x', lang: 'eng', kind: 'term', terms: '@nothing', weight: 0.5, note: 'n' }] }))).toContain(
      'uses @nothing, which the lexicon does not define',
    );
  });

  it('rejects rule ids that do not match the marker or the language', () => {
    expect(problems(pack({ rules: [{ id: 'debt-bondage/eng/x', lang: 'eng', kind: 'term', terms: 'phone', weight: 0.5, note: 'n' }] }))).toContain(
      'must start with "isolation/"',
    );
    expect(problems(pack({ rules: [{ id: 'isolation/ron/x', lang: 'eng', kind: 'term', terms: 'phone', weight: 0.5, note: 'n' }] }))).toContain(
      'names language "ron" but lang is "eng"',
    );
  });

  it('rejects duplicate rule ids, unknown kinds, markers and languages', () => {
    const rule = { id: 'isolation/eng/x', lang: 'eng', kind: 'term', terms: 'phone', weight: 0.5, note: 'n' };
    expect(problems(pack({ rules: [rule, rule] }))).toContain('duplicate rule id isolation/eng/x');
    expect(problems(pack({ rules: [{ ...rule, kind: 'regex' }] }))).toContain('rules[0]');
    expect(problems(pack({ marker: 'kidnapping' }))).toContain('marker');
    expect(problems(pack({ lexicon: { phone: { note: 'n', terms: { xxx: ['phone'] } } } }))).toContain('lexicon.phone.terms');
  });

  it('rejects malformed terms with the reason', () => {
    expect(problems(pack({ lexicon: { phone: { note: 'n', terms: { eng: ['ph*'] } } } }))).toContain('stem "ph*" is shorter than 3 letters');
    expect(problems(pack({ lexicon: { phone: { note: 'n', terms: { eng: ['ph*one'] } } } }))).toContain('"*" may only end a word');
    expect(problems(pack({ lexicon: { phone: { note: 'n', terms: { eng: ['!!'] } } } }))).toContain('contains no word');
  });

  it('requires a note on every rule, a window on near rules and a semantic version', () => {
    expect(problems(pack({ rules: [{ id: 'isolation/eng/x', lang: 'eng', kind: 'term', terms: 'phone', weight: 0.5 }] }))).toContain('note');
    expect(problems(pack({ rules: [{ id: 'isolation/eng/x', lang: 'eng', kind: 'near', all: ['phone', 'here'], weight: 0.5, note: 'n' }] }))).toContain('window');
    expect(problems(pack({ version: 'v1' }))).toContain('expected a version like "1.0.0"');
  });

  it('keeps suppressions that list markers to the context pack', () => {
    const suppression = { id: 'isolation/*/s', lang: '*', kind: 'term', terms: 'lol', factor: 0.2, markers: ['debt-bondage'], note: 'n' };
    expect(problems(pack({ suppress: [suppression] }))).toContain('only the context pack may list markers');
  });
});
