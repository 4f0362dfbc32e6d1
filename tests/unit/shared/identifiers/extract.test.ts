import { describe, expect, it } from 'vitest';
import { extractIdentifiers, ibanChecksumValid, luhnValid } from '../../../../shared/identifiers/extract.ts';

const kinds = (text: string) => extractIdentifiers(text).map(({ kind, value }) => `${kind}:${value}`);

describe('extractIdentifiers', () => {
  it('normalises phone numbers so formatting does not matter', () => {
    expect(kinds('call +40 721 000 111 or 0721-000-111')).toEqual(['phone:721000111', 'phone:721000111']);
  });

  it('finds e-mails, URLs and handles', () => {
    expect(kinds('write to Ana.Pop@Example.com, see https://www.jobs-abroad.example/apply/ or @maria_job and t.me/recruiter_eu')).toEqual([
      'email:ana.pop@example.com',
      'url:jobs-abroad.example/apply',
      'handle:maria_job',
      'handle:recruiter_eu',
    ]);
  });

  it('accepts only IBANs and card numbers whose checksums hold', () => {
    expect(ibanChecksumValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanChecksumValid('GB82WEST12345698765433')).toBe(false);
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
    expect(kinds('pay to GB82 WEST 1234 5698 7654 32 with card 4111 1111 1111 1111')).toEqual(['iban:GB82WEST12345698765432', 'card:4111111111111111']);
    expect(kinds('order 4111 1111 1111 1112 shipped')).toEqual([]);
  });
});
