import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../../workers/import/detect-format.ts';
import { buildDatabase } from '../../../../support/sqlite-parser-harness.ts';
import { tempFolder, writeTemp } from '../../../../support/temp-case.ts';
import { NEW_SCHEMA, OLD_SCHEMA } from './signal-desktop-schemas.ts';

/** Format detection as the engine runs it, on files named as an examiner might receive them. */
describe('detecting Signal Desktop databases', () => {
  it('identifies both schemas by their tables, whatever the files are called', async () => {
    const folder = tempFolder();
    const old = writeTemp(folder, 'evidence-001', await buildDatabase(OLD_SCHEMA));
    const recent = writeTemp(folder, 'copy.db.bak', await buildDatabase(NEW_SCHEMA));
    expect(await detectFormat(old)).toMatchObject({ format: 'signal-desktop-db', reason: 'a signal-desktop database' });
    expect(await detectFormat(recent)).toMatchObject({ format: 'signal-desktop-db' });
  });

  it('says a still-encrypted db.sqlite must be decrypted first, and how', async () => {
    const encrypted = writeTemp(tempFolder(), 'db.sqlite', new Uint8Array(randomBytes(64 * 1024)));
    const detection = await detectFormat(encrypted);
    expect(detection.format).toBeNull();
    expect(detection.reason).toContain("SQLCipher database (such as Signal Desktop's sql/db.sqlite: decrypt it with sigtop export-database)");
  });
});
