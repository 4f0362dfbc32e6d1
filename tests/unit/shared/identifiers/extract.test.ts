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

describe('e-mail addresses in hostile text', () => {
  it('stays fast on a megabyte-long word and still finds the address after it', () => {
    const word = 'a'.repeat(1_048_576);
    const started = performance.now();
    const found = extractIdentifiers(`${word} write to Ana.Pop+job@example.co.uk now ${word}@ nothing`);
    // The old single regex took over an hour here; linear work is well under a second even on a loaded machine.
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(found.filter((item) => item.kind === 'email').map((item) => item.value)).toEqual(['ana.pop+job@example.co.uk']);
  });

  it('keeps the usual cases', () => {
    const emails = (text: string) => extractIdentifiers(text).filter((item) => item.kind === 'email').map((item) => item.raw);
    expect(emails('mail: ion.popescu@yahoo.ro, or x@y.z, or a@b.com.')).toEqual(['ion.popescu@yahoo.ro', 'a@b.com']);
    expect(emails('две почты: олег@почта.рф и test@mail.ru')).toEqual(['олег@почта.рф', 'test@mail.ru']);
    expect(emails('@handle and user@ and @domain.com')).toEqual([]);
  });
});
