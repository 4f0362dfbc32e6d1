import { describe, expect, it } from 'vitest';
import { androidSmsDbParser } from '../../../../../workers/import/android-sms/index.ts';
import { detectFormat } from '../../../../../workers/import/detect-format.ts';
import { PARSERS } from '../../../../../workers/import/parsers.ts';
import { ZipArchive } from '../../../../../workers/import/zip/zip-archive.ts';
import { surveyZip } from '../../../../../workers/import/zip/zip-source.ts';
import { minimalMmssmsSql, walHoldingEveryPage } from '../../../../support/sqlite-parser-harness.ts';
import { tempFolder, writeTemp } from '../../../../support/temp-case.ts';
import { buildZip } from '../../../../support/zip-writer.ts';

/**
 * A database copied while its app ran may be a 0-byte main file with every page still in its
 * -wal. Beside it on disk it is read from the replayed log (detect-format.ts); inside a zip the
 * same entry must be too, not passed over as "too small to be an export".
 */
async function walOnly(): Promise<Uint8Array> {
  return walHoldingEveryPage(minimalMmssmsSql('only in the log'));
}

const FOLDER = 'data/com.android.providers.telephony/databases';

describe('a zip whose database entry is 0 bytes and whose -wal entry holds every page', () => {
  it('is recognised from the replayed log, as the same files on disk are', async () => {
    const wal = await walOnly();
    const folder = tempFolder();
    writeTemp(folder, 'mmssms.db', new Uint8Array(0));
    writeTemp(folder, 'mmssms.db-wal', wal);
    expect((await detectFormat(`${folder}/mmssms.db`)).format).toBe(androidSmsDbParser.format);

    const zip = writeTemp(folder, 'phone.zip', buildZip([{ name: `${FOLDER}/mmssms.db`, data: new Uint8Array(0) }, { name: `${FOLDER}/mmssms.db-wal`, data: wal }]));
    const archive = await ZipArchive.open(zip);
    try {
      const survey = await surveyZip(archive, PARSERS);
      expect(survey.recognised.map((item) => [item.entry.name, item.parser.format])).toEqual([[`${FOLDER}/mmssms.db`, androidSmsDbParser.format]]);
    } finally {
      archive.close();
    }
    expect(await detectFormat(zip)).toEqual({ format: 'zip', reason: `a zip holding ${androidSmsDbParser.format}` });
  });

  it('is refused by name, with the reason, when the log cannot be replayed', async () => {
    const wal = await walOnly();
    wal[24] = (wal[24] ?? 0) ^ 1; // the header checksum no longer matches
    const zip = writeTemp(tempFolder(), 'torn.zip', buildZip([{ name: `${FOLDER}/mmssms.db`, data: new Uint8Array(0) }, { name: `${FOLDER}/mmssms.db-wal`, data: wal }]));
    const detection = await detectFormat(zip);
    expect(detection.format).toBeNull();
    expect(detection.reason).toContain(`${FOLDER}/mmssms.db cannot be read: ${FOLDER}/mmssms.db is 0 bytes and its write-ahead log ${FOLDER}/mmssms.db-wal, replayed in memory, does not make it a database`);
  });
});
