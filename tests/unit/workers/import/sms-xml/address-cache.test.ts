import { describe, expect, it } from 'vitest';
import { AddressKeys } from '../../../../../workers/import/sms-xml/address.ts';

describe('conversation keys of addresses seen before (cached)', () => {
  it('are the same on every sighting, before and after the cache of recent addresses fills and empties', () => {
    const keys = new AddressKeys();
    const conversationKey = (address: string): string => keys.of(address);
    const addresses = Array.from({ length: 10_000 }, (_unused, index) => (index % 3 === 0 ? `+40 721-${String(index).padStart(6, '0')}` : index % 3 === 1 ? `Group_${index}@RCS.example` : `+1555${index}~+1666${index}`));
    const first = addresses.map((address) => conversationKey(address));
    expect(first[0]).toBe('+40721000000');
    expect(first[1]).toBe('group_1@rcs.example');
    expect(first[2]).toBe('+15552~+16662');
    // Again in the reverse order: every key comes from the cache or is worked out anew, the same either way.
    expect([...addresses].reverse().map((address) => conversationKey(address))).toEqual([...first].reverse());
    expect(conversationKey('+16662 ~ +15552')).toBe('+15552~+16662');
  });
});
