import { describe, expect, it } from 'vitest';
import { mapStrings, Pseudonymiser } from '../../../../engine/package/pseudonymise.ts';

describe('Pseudonymiser', () => {
  const pseudonymiser = new Pseudonymiser([
    { original: 'Ana', pseudonym: 'Person A' },
    { original: 'Ana Maria', pseudonym: 'Person B' },
    { original: '+40 722 123 456', pseudonym: 'Phone 1' },
  ]);

  it('replaces whole names, ignoring case, longest first', () => {
    expect(pseudonymiser.replace('ana and Ana Maria called +40 722 123 456, not Banana or Anastasia')).toBe('Person A and Person B called Phone 1, not Banana or Anastasia');
  });

  it('moves offsets with the text so marker spans still cover the same words', () => {
    const text = 'Ana: pașaportul e la Ana Maria';
    const tracked = pseudonymiser.track(text);
    const [start, end] = [text.indexOf('pașaportul'), text.indexOf('pașaportul') + 'pașaportul'.length];
    expect(tracked.text.slice(tracked.mapOffset(start, 'start'), tracked.mapOffset(end, 'end'))).toBe('pașaportul');
    // A span over a replaced name grows or shrinks to the pseudonym.
    const name = text.lastIndexOf('Ana Maria');
    expect(tracked.text.slice(tracked.mapOffset(name + 1, 'start'), tracked.mapOffset(name + 3, 'end'))).toBe('Person B');
  });

  it('rewrites nested strings but never ids, hashes or functions', () => {
    const readFile = (): string => '/x';
    const value = mapStrings({ id: 'Ana', sha256: 'Ana', text: 'Ana', nested: [{ note: 'Ana' }], readFile }, (text) => pseudonymiser.replace(text));
    expect(value).toEqual({ id: 'Ana', sha256: 'Ana', text: 'Person A', nested: [{ note: 'Person A' }], readFile });
  });

  it('refuses an empty original', () => {
    expect(() => new Pseudonymiser([{ original: ' ', pseudonym: 'x' }])).toThrow(/empty/);
  });
});
