import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../engine/engine.ts';
import { minimalMmssmsSql, walHoldingEveryPage } from '../support/sqlite-parser-harness.ts';
import { tempFolder, writeTemp } from '../support/temp-case.ts';
import { buildZip } from '../support/zip-writer.ts';

/** A zip of a phone's databases folder whose mmssms.db entry is 0 bytes and whose -wal holds every page. */
const engines: Engine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.dispose()));
});

describe('zip with a 0-byte database entry and its -wal', () => {
  it('imports the messages that are only in the log', async () => {
    const wal = await walHoldingEveryPage(minimalMmssmsSql('only in the log'));
    const folder = tempFolder();
    const zip = writeTemp(folder, 'phone.zip', buildZip([{ name: 'databases/mmssms.db', data: new Uint8Array(0) }, { name: 'databases/mmssms.db-wal', data: wal, deflate: true }]));
    const engine = new Engine({ mode: 'cli', actor: 'zip-wal' });
    engines.push(engine);
    await engine.openCase(join(folder, 'case'), true);
    const summary = await engine.startImport([zip], { timeZone: 'UTC' }).done;
    expect(summary.sources[0]).toMatchObject({ status: 'imported', format: 'zip', messages: 1 });
  }, 60_000);
});
