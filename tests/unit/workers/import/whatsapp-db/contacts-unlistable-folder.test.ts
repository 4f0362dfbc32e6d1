import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fileInput } from '../../../../../workers/import/file-input.ts';
import { whatsappAndroidDbParser } from '../../../../../workers/import/whatsapp-db/index.ts';
import { buildDatabase, CollectingSink } from '../../../../support/sqlite-parser-harness.ts';
import { tempFolder, writeTemp } from '../../../../support/temp-case.ts';
import { unlistable } from '../../../../support/unlistable-folder.ts';
import { ANNA_AND_BOSS } from '../../../../support/wa-contacts.ts';

/**
 * msgstore.db on disk in a folder whose files can be opened but that cannot be listed (execute
 * without read permission, which tests running as root cannot make): readdirSync fails for it.
 */
vi.mock('node:fs', async (importOriginal) => (await import('../../../../support/unlistable-folder.ts')).withUnlistableFolder(await importOriginal()));

const MSGSTORE = `
  CREATE TABLE messages (_id INTEGER PRIMARY KEY AUTOINCREMENT, key_remote_jid TEXT NOT NULL, key_from_me INTEGER, key_id TEXT NOT NULL, data TEXT, timestamp INTEGER);
  INSERT INTO messages (key_remote_jid, key_from_me, key_id, data, timestamp) VALUES ('4915100000001@s.whatsapp.net', 0, 'K1', 'Can you come tonight?', 1623696954096);
`;

describe('msgstore.db in a folder that cannot be listed (regression: wa.db beside it was not read, and no contact had a name)', () => {
  it('reads wa.db beside it by its name, whether or not it was imported with it, and names the folder in a warning', async () => {
    const folder = tempFolder();
    const store = writeTemp(folder, 'msgstore.db', await buildDatabase(MSGSTORE));
    writeTemp(folder, 'wa.db', await buildDatabase(ANNA_AND_BOSS));
    unlistable.folder = folder;
    for (const importedWith of [[store], [store, join(folder, 'wa.db')]]) {
      const sink = new CollectingSink();
      const outcome = await whatsappAndroidDbParser.parse(fileInput(store, statSync(store).size, importedWith), sink, {});
      expect(sink.messages.map((message) => message.sender)).toEqual(['Anna']);
      expect(outcome.details).toMatchObject({ contactsSource: 'wa.db', contactsSourceFound: 'in the same folder', contactNames: 2 });
      expect(sink.warnings).toEqual([{ place: 'msgstore.db', message: expect.stringContaining(`were not all looked at for its WhatsApp contacts database (${folder}: it could not be listed (EACCES: permission denied, scandir '${folder}')): names were read from wa.db`) }]);
    }
  });
});
