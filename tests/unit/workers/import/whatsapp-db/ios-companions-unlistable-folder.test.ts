import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { NearbyFile } from '../../../../../shared/contracts/parsed-source.ts';
import { fileInput } from '../../../../../workers/import/file-input.ts';
import { whatsappIosDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, CollectingSink, parserInput } from '../../../../support/sqlite-parser-harness.ts';
import { tempFolder, writeTemp } from '../../../../support/temp-case.ts';
import { unlistable } from '../../../../support/unlistable-folder.ts';
import { CHAT_STORAGE_TABLES } from '../../../../support/ios-chat-storage.ts';

/**
 * ChatStorage.sqlite in a folder whose files can be opened but that cannot be listed (execute
 * without read permission, which tests running as root cannot make): readdirSync fails for it,
 * and ParserInput.nearbyUnlisted() names it. Its companions, ContactsV2.sqlite and LID.sqlite in
 * the same app group folder, were then not read at all, as wa.db beside msgstore.db was before
 * 7ff1069. Now, as on the Android side, they are reached by their names (and the files of the
 * import beside it are looked at), the only one found for each role is read, and a warning names
 * the folder; none is taken from elsewhere in the import, since an unseen one beside it comes first.
 */
vi.mock('node:fs', async (importOriginal) => (await import('../../../../support/unlistable-folder.ts')).withUnlistableFolder(await importOriginal()));

const STORE = `
${CHAT_STORAGE_TABLES}
  INSERT INTO ZWACHATSESSION VALUES (1, 0, '4915100000001@s.whatsapp.net', NULL, NULL), (2, 1, '120363000000000009@g.us', NULL, 'Crew');
  INSERT INTO ZWAGROUPMEMBER VALUES (1, 2, '900000000004@lid', NULL, NULL);
  INSERT INTO ZWAMESSAGE VALUES
    (1, 1, NULL, 0, 0, 741000000, 'A1', '4915100000001@s.whatsapp.net', NULL, 'where are you'),
    (2, 2, 1, 0, 0, 741000060, 'A2', '120363000000000009@g.us', NULL, 'at the port');
`;

function addressBook(name: string): Promise<Uint8Array> {
  return buildDatabase(`CREATE TABLE ZWAADDRESSBOOKCONTACT (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, ZFULLNAME VARCHAR, ZGIVENNAME VARCHAR,
    ZLASTNAME VARCHAR, ZBUSINESSNAME VARCHAR, ZPHONENUMBER VARCHAR, ZWHATSAPPID VARCHAR, ZLID VARCHAR, ZABOUTTEXT VARCHAR);
    INSERT INTO ZWAADDRESSBOOKCONTACT (Z_PK, ZFULLNAME, ZWHATSAPPID) VALUES (1, '${name}', '4915100000001@s.whatsapp.net');`);
}

function lidTable(phone: string): Promise<Uint8Array> {
  return buildDatabase(`CREATE TABLE ZWAZACCOUNT (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, ZIDENTIFIER VARCHAR, ZPHONENUMBER VARCHAR, ZCREATEDAT TIMESTAMP);
    INSERT INTO ZWAZACCOUNT (Z_PK, ZIDENTIFIER, ZPHONENUMBER) VALUES (1, '900000000004@lid', '${phone}');`);
}

function senders(sink: CollectingSink): [string | null | undefined, string | null | undefined] {
  const byText = new Map(sink.messages.map((message) => [message.text, message]));
  return [byText.get('where are you')?.sender, byText.get('at the port')?.senderId];
}

describe('ChatStorage.sqlite in a folder that cannot be listed (regression: ContactsV2.sqlite and LID.sqlite beside it were not read)', () => {
  it('reads both by their names, whether or not they were imported with it, and names the folder in a warning', async () => {
    const folder = tempFolder();
    const store = writeTemp(folder, 'ChatStorage.sqlite', await buildDatabase(STORE));
    writeTemp(folder, 'ContactsV2.sqlite', await addressBook('Anna Address'));
    writeTemp(folder, 'LID.sqlite', await lidTable('+4915100000004'));
    unlistable.folder = folder;
    for (const importedWith of [[store], [store, join(folder, 'ContactsV2.sqlite'), join(folder, 'LID.sqlite')]]) {
      const sink = new CollectingSink();
      const outcome = await whatsappIosDbParser.parse(fileInput(store, statSync(store).size, importedWith), sink, {});
      expect(senders(sink)).toEqual(['Anna Address', '+4915100000004']);
      expect(outcome.details['companions']).toMatchObject({ addressBook: { file: 'ContactsV2.sqlite', found: 'in the same folder' }, lidTable: { file: 'LID.sqlite', found: 'in the same folder' } });
      const gap = `(${folder}: it could not be listed (EACCES: permission denied, scandir '${folder}'))`;
      expect(sink.warnings).toEqual([
        { place: 'ChatStorage.sqlite', message: `the files beside it were not all looked at for its WhatsApp address book ${gap}: it was read from ContactsV2.sqlite, the only one found beside it, but another one may be among the files not looked at` },
        { place: 'ChatStorage.sqlite', message: `the files beside it were not all looked at for its WhatsApp lid table ${gap}: it was read from LID.sqlite, the only one found beside it, but another one may be among the files not looked at` },
      ]);
    }
  });
});

describe('ChatStorage.sqlite whose folder was not looked at whole (nearbyUnlisted names it)', () => {
  const CUT = { relation: 'same-folder' as const, folder: '/evidence', reason: 'it holds 5004 other files, more than the 5000 offered: only the first 5000 by name were looked at' };

  async function withGap(companions: Record<string, Uint8Array>, elsewhere: Record<string, Uint8Array>, offered: (files: NearbyFile[]) => NearbyFile[]) {
    const input = parserInput(await buildDatabase(STORE), 'ChatStorage.sqlite', companions, elsewhere);
    const listed = await input.nearby();
    input.nearby = () => Promise.resolve(offered(listed));
    input.nearbyUnlisted = () => Promise.resolve([CUT]);
    const sink = new CollectingSink();
    const outcome = await whatsappIosDbParser.parse(input, sink, {});
    return { senders: senders(sink), companions: outcome.details['companions'], warnings: sink.warnings.map((warning) => warning.message) };
  }
  const onlyElsewhere = (files: NearbyFile[]): NearbyFile[] => files.filter((file) => file.relation === 'same-import');

  it('reads one offered beside it under any name, and one reached by its usual name', async () => {
    const found = await withGap({ '5a4935c78a5255723f707230a451d79c540d2741': await addressBook('Anna listed'), 'LID.sqlite': await lidTable('+4915100000004') }, {}, (files) => files.filter((file) => file.input.displayName !== 'LID.sqlite'));
    expect(found.senders).toEqual(['Anna listed', '+4915100000004']);
    expect(found.companions).toMatchObject({ addressBook: { file: '5a4935c78a5255723f707230a451d79c540d2741' }, lidTable: { file: 'LID.sqlite' } });
  });

  it('reads none elsewhere in the import when none is found beside it: an unseen one beside it comes first', async () => {
    const found = await withGap({}, { 'ContactsV2.sqlite': await addressBook('Anna elsewhere'), 'LID.sqlite': await lidTable('+4915100000004') }, onlyElsewhere);
    expect(found.senders).toEqual(['+4915100000001', '900000000004@lid']);
    expect(found.companions).toMatchObject({ addressBook: null, lidTable: null });
    expect(found.warnings).toEqual([
      expect.stringContaining('and no WhatsApp address book was found among those that were, nor as ContactsV2.sqlite: one not looked at may be it, so none elsewhere in the import was used and it was not read'),
      expect.stringContaining('and no WhatsApp lid table was found among those that were, nor as LID.sqlite: one not looked at may be it'),
    ]);
  });
});
