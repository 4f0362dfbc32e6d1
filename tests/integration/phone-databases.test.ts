import { copyFileSync, existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSession } from '../../engine/case/case-session.ts';
import { Engine } from '../../engine/engine.ts';
import { searchCase } from '../../engine/search/search-case.ts';
import type { ImportSummary } from '../../shared/domain/import.ts';
import { SAMPLES, tempFolder } from '../support/temp-case.ts';

/**
 * Phone databases through the whole engine: identified by their tables (not their names),
 * read from bytes with sql.js, never opened for writing, every row kept with a table#rowid locator.
 */
const DATABASES = [
  ['android-mmssms-db/dfrws2021/dec_mmssms.db', 'android-mmssms-db', 32],
  ['ios-sms-db/magnet-ctf-2020/sms.db', 'ios-sms-db', 105],
  ['whatsapp-db/dllsystem/msgstore.db', 'whatsapp-android-db', 9],
] as const;

const present = DATABASES.filter(([file]) => existsSync(join(SAMPLES, file)));

describe.skipIf(present.length === 0)('phone databases', () => {
  let engine: Engine;
  let session: CaseSession;
  let summary: ImportSummary;
  const before = new Map<string, { bytes: Buffer; mtimeMs: number }>();
  let whatsappFolder: string;

  beforeAll(async () => {
    for (const [file] of present) before.set(file, { bytes: readFileSync(join(SAMPLES, file)), mtimeMs: statSync(join(SAMPLES, file)).mtimeMs });
    // msgstore.db with its wa.db beside it, as they come off a phone, under new names.
    whatsappFolder = tempFolder();
    copyFileSync(join(SAMPLES, 'whatsapp-db/iped/test_whatsAppMsgStore.db'), join(whatsappFolder, 'msgstore.db'));
    copyFileSync(join(SAMPLES, 'whatsapp-db/iped/test_whatsApp.db'), join(whatsappFolder, 'wa.db'));
    engine = new Engine({ mode: 'cli', actor: 'phone-db' });
    session = await engine.openCase(join(tempFolder(), 'case'), true);
    summary = await engine.startImport([...present.map(([file]) => join(SAMPLES, file)), whatsappFolder], { timeZone: 'UTC' }).done;
  }, 180_000);

  afterAll(async () => {
    await engine.dispose();
  });

  it.each(present)('%s imports as %s with every message', (file, format, messages) => {
    const result = summary.sources.find((source) => source.path === join(SAMPLES, file));
    expect(result, JSON.stringify(summary.sources.map((source) => [source.path, source.status, source.error]))).toMatchObject({ status: 'imported', format, messages, unparsed: 0 });
  });

  it('reads msgstore.db with its wa.db companion and skips the companion as a source', () => {
    const msgstore = summary.sources.find((source) => source.path === join(whatsappFolder, 'msgstore.db'));
    const contacts = summary.sources.find((source) => source.path === join(whatsappFolder, 'wa.db'));
    expect(msgstore).toMatchObject({ status: 'imported', format: 'whatsapp-android-db', messages: 74 });
    expect(contacts).toMatchObject({ status: 'skipped', format: 'companion' });
  });

  it('leaves every evidence database byte-for-byte unchanged, with no -wal or -shm created', () => {
    for (const [file] of present) {
      const path = join(SAMPLES, file);
      expect(readFileSync(path).equals(before.get(file)?.bytes ?? Buffer.alloc(0)), file).toBe(true);
      expect(statSync(path).mtimeMs).toBe(before.get(file)?.mtimeMs);
      expect(existsSync(`${path}-wal`) || existsSync(`${path}-shm`)).toBe(false);
    }
  });

  it('finds messages with sqlite-row locators', async () => {
    const result = await searchCase(session, 'after:2000-01-01', 5, 0, { sort: 'oldest' });
    expect(result.total).toBeGreaterThan(100);
    expect(result.hits.every((hit) => hit.locator.kind === 'sqlite-row')).toBe(true);
  });
});
