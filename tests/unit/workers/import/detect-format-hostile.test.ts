import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../workers/import/detect-format.ts';
import { entropyBitsPerByte } from '../../../../workers/import/unreadable-content.ts';
import { garbagePages, invalidPageSize, mmssmsDb, pseudoRandomBytes } from '../../../support/hostile-corpus/databases.ts';
import { utf16be, utf16le } from '../../../support/hostile-corpus/damage.ts';
import { CSV_MAPPING, whatsappText } from '../../../support/hostile-corpus/seeds.ts';
import { tempFolder, writeTemp } from '../../../support/temp-case.ts';

/** Format detection says why a file cannot be read when its bytes tell (issue #3), not just "no format". */
describe('detectFormat on files no importer can read', () => {
  const folder = tempFolder();

  it('names UTF-16 text, with or without a byte order mark, instead of "no supported format"', async () => {
    const bomLittle = await detectFormat(writeTemp(folder, 'le.txt', utf16le(whatsappText())));
    const bomBig = await detectFormat(writeTemp(folder, 'be.txt', utf16be(whatsappText())));
    const bare = await detectFormat(writeTemp(folder, 'bare.txt', Buffer.from(whatsappText(), 'utf16le')));
    expect(bomLittle).toMatchObject({ format: null, reason: expect.stringMatching(/^the file is UTF-16 text \(little-endian, byte order mark FF FE\)/u) });
    expect(bomBig.reason).toMatch(/^the file is UTF-16 text \(big-endian, byte order mark FE FF\)/u);
    expect(bare.reason).toMatch(/^the file is UTF-16 text \(little-endian, no byte order mark\)/u);
  });

  it('says that random-looking bytes look encrypted, whatever the name (.crypt14, .db, .jpg)', async () => {
    for (const name of ['msgstore.db.crypt14', 'sms.db', 'photo.jpg']) {
      const detection = await detectFormat(writeTemp(folder, name, pseudoRandomBytes(8192, name)));
      expect(detection, name).toMatchObject({ format: null, reason: expect.stringMatching(/^the content looks encrypted \(its first 8192 bytes are as random as ciphertext: 7\.\d\d bits per byte\)/u) });
    }
  });

  it('names compressed media by their signature instead of calling them encrypted (regression: a loose voice note)', async () => {
    const opus = Buffer.concat([Buffer.from('OggS\0\x02', 'latin1'), pseudoRandomBytes(8192, 'opus')]);
    const detection = await detectFormat(writeTemp(folder, 'PTT-20241202-WA0002.opus', opus));
    expect(detection.reason).toBe('the content matches no supported export format: it is Ogg audio (Opus or Vorbis: a voice note); media are read as attachments of the export that names them (import the export\'s folder or zip)');
  });

  it('keeps text, even long and varied, well below the encrypted threshold', () => {
    const text = new TextEncoder().encode(whatsappText(Array.from({ length: 200 }, (_, index) => `message ${index} în română și русский текст ${index * 7919}`)));
    expect(entropyBitsPerByte(text)).toBeLessThan(6);
    expect(entropyBitsPerByte(pseudoRandomBytes(1024, 'small'))).toBeGreaterThan(7.5);
  });

  it('still recognises a UTF-8 export and a CSV with its mapping', async () => {
    expect((await detectFormat(writeTemp(folder, 'chat.txt', whatsappText()))).format).toBe('whatsapp-txt');
    expect((await detectFormat(writeTemp(folder, 'm.csv', 'sent_at,from,body,thread\n2024-01-01T00:00:00Z,a,b,c\n'), CSV_MAPPING)).format).toBe('csv');
  });

  it('gives both reasons when a mapping is in effect and the file is neither an export nor that CSV', async () => {
    const detection = await detectFormat(writeTemp(folder, 'notes.txt', 'just some notes\nnothing more\n'), CSV_MAPPING);
    expect(detection.reason).toMatch(/^the content matches no supported export format \(supported: .*\), and it is not a CSV with the mapped columns \(missing: sent_at, from, body, thread\)$/u);
  });

  it('says a table without a mapping is CSV, with its columns and how to import it, instead of only "no supported format"', async () => {
    const table = 'id,channel,user,create_at,message\n1,town-square,ana,1600000000000,hello\n2,town-square,dan,1600000001000,"hi, there"\n';
    const detection = await detectFormat(writeTemp(folder, 'mattermost_messages.csv', table));
    expect(detection.format).toBeNull();
    expect(detection.reason).toMatch(/^the content matches no supported export format \(supported: .*\); it looks like a CSV table with the columns id, channel, user, create_at, message: CSV is imported with a mapping of its columns \(--csv-map in the command line, "CSV column mapping" in the import panel\)$/u);
    const semicolons = await detectFormat(writeTemp(folder, 'export.txt', 'Datum;Absender;Text\n01.01.2024;Ana;Hallo\n'));
    expect(semicolons.reason).toMatch(/looks like a CSV table with the columns Datum, Absender, Text:/u);
  });

  it('finds that table below a report\'s title and case lines, as the import and the mapping panel find its header', async () => {
    const report = 'Chats report\nCase: 42, Exhibit 7\n\nDatum;Absender;Nachricht\n01.01.2024 10:00;Ana;Hallo\n01.01.2024 10:01;Dan;Hi\n';
    const detection = await detectFormat(writeTemp(folder, 'report.csv', report));
    expect(detection.reason).toMatch(/looks like a CSV table with the columns Datum, Absender, Nachricht:/u);
  });

  it('does not call prose or a one-column list a CSV table', async () => {
    for (const [name, text] of [['notes.txt', 'Dear team, the meeting is at 10, room 4.\nBring the files, please.\n'], ['list.txt', 'one\ntwo\nthree\n'], ['one-line.csv', 'a,b,c']] as const) {
      const detection = await detectFormat(writeTemp(folder, name, text));
      expect(detection.reason, name).not.toMatch(/CSV table/u);
    }
    // A binary file (a keyed-archive plist) whose bytes happen to hold commas and line breaks.
    const binary = Buffer.concat([Buffer.from('bplist00\xd4\x01\x02X$version,Y$archiver\n', 'latin1'), Buffer.from([0, 1, 0x86, 0xa0]), Buffer.from(',T$top,X$objects\n_NSKeyedArchiver,\x12\x00,Troot\n', 'latin1')]);
    expect((await detectFormat(writeTemp(folder, 'URL.plist', binary))).reason).not.toMatch(/CSV table/u);
  });

  it('calls a SQLite file with an impossible page size or unreadable pages damaged, not "not a phone database"', async () => {
    const good = await mmssmsDb();
    const badPageSize = await detectFormat(writeTemp(folder, 'a.db', invalidPageSize(good)));
    const garbage = await detectFormat(writeTemp(folder, 'b.db', garbagePages(good)));
    expect(badPageSize.reason).toBe("a damaged SQLite database: the header's page-size field says 777, which SQLite never writes (a power of two from 512 to 65536): the header is damaged");
    expect(garbage.reason).toMatch(/^a damaged SQLite database: its header is intact but its schema \(page 1\) cannot be read/u);
    expect((await detectFormat(writeTemp(folder, 'c.db', good))).format).toBe('android-mmssms-db');
  });
});
