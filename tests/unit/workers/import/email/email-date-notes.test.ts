import { describe, expect, it } from 'vitest';
import { emailParser } from '../../../../../workers/import/email/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

describe('e-mail Date variants in the record', () => {
  it('keeps a Date whose zone is only an undefined abbreviation as a wall-clock time, and says which zone was not used', async () => {
    const result = await runParser(emailParser, inputFromText('From: a@b.example\nSubject: s\nDate: Sat, 2 Mar 2024 10:00:00 CET\n\nhi\n', { displayName: 'cet.eml' }));
    const [message] = result.messages;
    expect(message?.time).toEqual({ wall: { year: 2024, month: 3, day: 2, hour: 10, minute: 0, second: 0 } });
    expect(message?.timestampText).toBe('Sat, 2 Mar 2024 10:00:00 CET');
    expect(message?.extra).toMatchObject({ dateUnknownZone: 'CET' });
    expect(result.warnings).toEqual([{ place: 'cet.eml:1', message: expect.stringContaining('"CET"') as unknown as string }]);
    expect(result.warnings[0]?.message).toContain("read in the import's time zone");
  });

  it('reads an ISO 8601 Date with its offset, without a warning', async () => {
    const result = await runParser(emailParser, inputFromText('From: a@b.example\nSubject: s\nDate: 2024-03-02T11:14:05+02:00\n\nhi\n', { displayName: 'iso.eml' }));
    expect(result.messages[0]?.time).toEqual({ utcMs: Date.UTC(2024, 2, 2, 9, 14, 5) });
    expect(result.messages[0]?.extra).toMatchObject({ dateOffset: '+0200' });
    expect(result.warnings).toEqual([]);
  });
});
