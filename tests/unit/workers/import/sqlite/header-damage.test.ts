import { describe, expect, it } from 'vitest';
import { describeHeaderDamage, openBytes } from '../../../../../workers/import/sqlite/index.ts';
import { invalidPageSize, msgstoreDb, truncatedHalf } from '../../../../support/hostile-corpus/databases.ts';

describe('describeHeaderDamage', () => {
  it('says nothing about a whole database', async () => {
    expect(describeHeaderDamage(await msgstoreDb())).toBeNull();
  });

  it('says a database cut in half was cut short, with the sizes', async () => {
    const whole = await msgstoreDb();
    const pages = whole.byteLength / 4096;
    expect(describeHeaderDamage(truncatedHalf(whole))).toBe(`the header says ${pages} pages of 4096 bytes (${whole.byteLength} bytes) but the file holds ${whole.byteLength / 2}: it was cut short`);
    expect(describeHeaderDamage(whole.subarray(0, 60))).toBe('the file is 60 bytes, shorter than the 100-byte SQLite header: it was cut short');
  });

  it('names an impossible page size', async () => {
    expect(describeHeaderDamage(invalidPageSize(await msgstoreDb()))).toMatch(/^the header's page-size field says 777/u);
  });

  it('adds the damage to the error when sql.js refuses a truncated database (regression: "disk image is malformed" alone)', async () => {
    const error = await openBytes(truncatedHalf(await msgstoreDb()), 'msgstore.db').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'E_IMPORT_FORMAT', message: expect.stringMatching(/^msgstore\.db: the SQLite database cannot be read \(.+\): the header says \d+ pages of 4096 bytes .* it was cut short$/u) });
  });
});
