import { describe, expect, it } from 'vitest';
import { defineField } from '../../../../workers/import/import-limits.ts';

describe('defineField (field names taken from evidence)', () => {
  it('stores "__proto__" as a field of its own and leaves the prototype alone', () => {
    const target: Record<string, unknown> = {};
    defineField(target, '__proto__', { polluted: true });
    expect(Object.getPrototypeOf(target)).toBe(Object.prototype);
    expect(Object.keys(target)).toEqual(['__proto__']);
    expect(JSON.stringify(target)).toBe('{"__proto__":{"polluted":true}}');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('stores other names, prototype method names included, as plain enumerable fields in order', () => {
    const target: Record<string, unknown> = {};
    for (const name of ['body', 'constructor', 'toString', 'hasOwnProperty', '']) defineField(target, name, name.length);
    expect(JSON.stringify(target)).toBe('{"body":4,"constructor":11,"toString":8,"hasOwnProperty":14,"":0}');
  });
});
