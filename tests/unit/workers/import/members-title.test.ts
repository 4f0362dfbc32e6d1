import { describe, expect, it } from 'vitest';
import { membersTitle } from '../../../../workers/import/members-title.ts';

describe('membersTitle', () => {
  const members = (count: number): string[] => Array.from({ length: count }, (_, index) => `+4071200000${index}`);

  it('names every member of a group of up to six (naming five and "1 others" would say less in more words)', () => {
    expect(membersTitle(members(1))).toBe('+40712000000');
    expect(membersTitle(members(6))).toBe(members(6).join(', '));
  });

  it('names the first five of a larger group and counts the others', () => {
    expect(membersTitle(members(7))).toBe(`${members(5).join(', ')} and 2 others`);
  });
});
