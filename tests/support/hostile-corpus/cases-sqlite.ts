import { INVALID_UTF8, LONE_SURROGATE_UTF8 } from './damage.ts';
import { crypt14Like, garbagePages, invalidPageSize, iosSmsDb, mmssmsDb, msgstoreDb, pseudoRandomBytes, sqlcipherLike, sqlRawText, sqlText, truncatedHalf } from './databases.ts';
import { SEED_WORD } from './seeds.ts';
import type { HostileCase } from './types.ts';

/** Phone databases: damaged pages, cut files, impossible headers, encrypted look-alikes, hostile text. */
export function sqliteCases(): HostileCase[] {
  const kinds = [
    { tag: 'mmssms', file: 'mmssms.db', format: 'android-mmssms-db', build: mmssmsDb },
    { tag: 'ios-sms', file: 'sms.db', format: 'ios-sms-db', build: iosSmsDb },
    { tag: 'msgstore', file: 'msgstore.db', format: 'whatsapp-android-db', build: msgstoreDb },
  ];
  const hostileBodies = [
    sqlRawText(Buffer.concat([Buffer.from('bad '), INVALID_UTF8, Buffer.from(' brokenword')])),
    sqlRawText(Buffer.concat([Buffer.from('half '), LONE_SURROGATE_UTF8, Buffer.from(' surrogateword')])),
    `'before' || char(0) || 'nulword after'`,
    sqlText('last good lastword'),
  ];
  const cases: HostileCase[] = [];
  for (const { tag, file, format, build } of kinds) {
    cases.push(
      {
        id: `${tag}-garbage-pages`,
        format,
        attack: 'a valid 100-byte header, every page after it garbage',
        entry: file,
        files: [{ name: file, bytes: async () => garbagePages(await build()) }],
        expect: { status: 'failed', code: 'E_IMPORT_FORMAT', says: /a damaged SQLite database: its header is intact but its schema \(page 1\) cannot be read/u },
      },
      {
        id: `${tag}-truncated-half`,
        format,
        attack: 'the database cut in half',
        entry: file,
        files: [{ name: file, bytes: async () => truncatedHalf(await build()) }],
        expect: { status: 'failed', code: 'E_IMPORT_FORMAT', says: /cannot be read \(database disk image is malformed\): the header says \d+ pages of \d+ bytes \(\d+ bytes\) but the file holds \d+: it was cut short/u },
      },
      {
        id: `${tag}-bad-page-size`,
        format,
        attack: 'the page-size field set to 777',
        entry: file,
        files: [{ name: file, bytes: async () => invalidPageSize(await build()) }],
        expect: { status: 'failed', code: 'E_IMPORT_FORMAT', says: /a damaged SQLite database: the header's page-size field says 777/u },
      },
      {
        id: `${tag}-hostile-text`,
        format,
        attack: 'invalid UTF-8, a lone surrogate and a NUL inside message bodies',
        entry: file,
        files: [{ name: file, bytes: () => build(hostileBodies) }],
        expect: { status: 'imported', format, finds: [SEED_WORD, 'brokenword', 'surrogateword', 'nulword', 'lastword'] },
      },
    );
  }
  cases.push(
    {
      id: 'msgstore-crypt14',
      format: 'whatsapp-android-db',
      attack: 'an encrypted WhatsApp backup (msgstore.db.crypt14)',
      entry: 'msgstore.db.crypt14',
      files: [{ name: 'msgstore.db.crypt14', bytes: crypt14Like }],
      expect: { status: 'failed', code: 'E_IMPORT_FORMAT', says: /the content looks encrypted \(its first \d+ bytes are as random as ciphertext/u },
    },
    {
      id: 'sms-sqlcipher',
      format: 'ios-sms-db',
      attack: 'a SQLCipher-encrypted database named sms.db',
      entry: 'sms.db',
      files: [{ name: 'sms.db', bytes: sqlcipherLike }],
      expect: { status: 'failed', code: 'E_IMPORT_FORMAT', says: /the content looks encrypted \(its first \d+ bytes are as random as ciphertext/u },
    },
    {
      id: 'random-named-db',
      format: 'android-mmssms-db',
      attack: 'random bytes named mmssms.db',
      entry: 'mmssms.db',
      files: [{ name: 'mmssms.db', bytes: () => pseudoRandomBytes(200 * 1024, 'random-db') }],
      expect: { status: 'failed', code: 'E_IMPORT_FORMAT', says: /the content looks encrypted \(its first \d+ bytes are as random as ciphertext/u },
    },
  );
  return cases;
}
