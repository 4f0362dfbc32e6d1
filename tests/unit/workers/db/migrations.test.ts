import { describe, expect, it } from 'vitest';
import { loadSqlJs } from '../../../../workers/db/case-database.ts';
import { migrate, readSchemaVersion } from '../../../../workers/db/migrate.ts';
import { migration0010 } from '../../../../workers/db/migrations/0010-initial.ts';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../../../workers/db/migrations/index.ts';

describe('migrations', () => {
  it('are numbered strictly upwards', () => {
    const versions = MIGRATIONS.map((migration) => migration.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('0010-initial creates strict evidence tables and sets user_version', async () => {
    const SQL = await loadSqlJs();
    const db = new SQL.Database();
    expect(migrate(db, [migration0010])).toEqual({ from: 0, to: 10 });
    const tables = db.exec("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")[0]?.values ?? [];
    expect(tables.map((row) => row[0])).toEqual(['attachments', 'case_meta', 'chat_sources', 'chats', 'import_issues', 'messages', 'provenance', 'sources']);
    for (const row of tables) expect(String(row[1])).toMatch(/\bSTRICT\b/);
    // STRICT means a wrong type is refused rather than silently stored.
    expect(() => db.run("INSERT INTO case_meta (key, value) VALUES ('k', x'00')")).toThrow();
    db.close();
  });

  it('is idempotent and leaves a migrated database alone', async () => {
    const SQL = await loadSqlJs();
    const db = new SQL.Database();
    migrate(db);
    expect(migrate(db)).toEqual({ from: LATEST_SCHEMA_VERSION, to: LATEST_SCHEMA_VERSION });
    db.close();
  });

  it('refuses a database written by a newer version', async () => {
    const SQL = await loadSqlJs();
    const db = new SQL.Database();
    db.exec(`PRAGMA user_version = ${LATEST_SCHEMA_VERSION + 10}`);
    expect(() => migrate(db)).toThrow(expect.objectContaining({ code: 'E_CASE_NEWER_VERSION' }));
    expect(readSchemaVersion(db)).toBe(LATEST_SCHEMA_VERSION + 10);
    db.close();
  });
});
