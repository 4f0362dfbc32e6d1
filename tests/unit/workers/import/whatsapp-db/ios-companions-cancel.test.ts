import { describe, expect, it } from 'vitest';
import type { NearbyFile } from '../../../../../shared/contracts/parsed-source.ts';
import { AppError } from '../../../../../shared/errors.ts';
import { whatsappIosDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { CollectingSink, buildDatabase, parserInput } from '../../../../support/sqlite-parser-harness.ts';

const STORE = "CREATE TABLE ZWACHATSESSION (Z_PK INTEGER PRIMARY KEY, ZSESSIONTYPE INTEGER, ZCONTACTJID VARCHAR); CREATE TABLE ZWAMESSAGE (Z_PK INTEGER PRIMARY KEY, ZCHATSESSION INTEGER, ZISFROMME INTEGER, ZMESSAGEDATE TIMESTAMP, ZTEXT VARCHAR); INSERT INTO ZWACHATSESSION VALUES (1, 0, '4915100000001@s.whatsapp.net'); INSERT INTO ZWAMESSAGE VALUES (1, 1, 0, 741000000, 'hi');";

/**
 * Regression: the search for ContactsV2.sqlite and LID.sqlite among the files near a
 * ChatStorage.sqlite (an iTunes backup offers every file of the phone) never asked whether the
 * import was cancelled, so a cancel waited for the head of every file to be read.
 */
describe('ChatStorage: looking for its companions honours a cancel', () => {
  it('stops looking at the files near it once the import is cancelled', async () => {
    const input = parserInput(await buildDatabase(STORE), 'ChatStorage.sqlite');
    let heads = 0;
    const files = Array.from({ length: 200 }, (_item, index): NearbyFile => {
      const name = `${String(index).padStart(2, '0')}/file${index}`;
      return {
        relation: 'same-import',
        input: { ...input, path: `/elsewhere/${name}`, displayName: name, size: 4, readAll: () => Promise.resolve(new Uint8Array(4)), nearby: () => Promise.resolve([]), companion: () => Promise.resolve(null) },
        head: () => {
          heads += 1;
          return Promise.resolve(new TextEncoder().encode('junk'));
        },
      };
    });
    const sink = new CollectingSink();
    sink.throwIfCancelled = () => {
      if (heads > 0) throw new AppError('E_CANCELLED', 'cancelled by the test');
    };
    await expect(whatsappIosDbParser.parse({ ...input, nearby: () => Promise.resolve(files) }, sink, {})).rejects.toMatchObject({ code: 'E_CANCELLED' });
    expect(heads).toBeLessThanOrEqual(1);
  });
});
