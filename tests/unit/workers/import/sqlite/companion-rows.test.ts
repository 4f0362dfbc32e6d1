import { describe, expect, it } from 'vitest';

import { ROWID, ROW_KEY, companionRowPlace, openBytes, scanCompanionRows } from '../../../../../workers/import/sqlite/index.ts';
import type { Row } from '../../../../../workers/import/sqlite/index.ts';
import { buildDatabase } from '../../../../support/sqlite-parser-harness.ts';

/** Rows big enough that the table spans many pages, so one can be damaged and others still read. */
const PEOPLE = Array.from({ length: 40 }, (_, index) => `('p${String(index).padStart(2, '0')}', '${'x'.repeat(600)}')`).join(', ');

async function scan(bytes: Uint8Array, table: string): Promise<{ rows: Row[]; errors: string[] }> {
  const db = await openBytes(bytes, 'companion.db');
  try {
    const errors: string[] = [];
    const rows = [...scanCompanionRows(db, { table, select: ['t.name AS name'] }, (message) => errors.push(message))];
    return { rows, errors };
  } finally {
    db.close();
  }
}

describe('scanCompanionRows: a companion table with or without rowids', () => {
  it('reads a table without rowids in its primary key order, each row placed by its key', async () => {
    const bytes = await buildDatabase(`CREATE TABLE people (jid TEXT, device INTEGER, name TEXT, PRIMARY KEY (jid, device)) WITHOUT ROWID;
      INSERT INTO people VALUES ('b''s@s.whatsapp.net', 2, 'B two'), ('a@s.whatsapp.net', 1, 'A');`);
    const { rows, errors } = await scan(bytes, 'people');
    expect(errors).toEqual([]);
    expect(rows.map((row) => [row['name'], companionRowPlace(row)])).toEqual([['A', "(jid='a@s.whatsapp.net', device=1)"], ['B two', "(jid='b''s@s.whatsapp.net', device=2)"]]);
  });

  it('reads a rowid table as scanRows does, each row placed by its rowid', async () => {
    const { rows } = await scan(await buildDatabase("CREATE TABLE people (name TEXT); INSERT INTO people VALUES ('A'), ('B');"), 'people');
    expect(rows.map((row) => [row[ROWID], companionRowPlace(row)])).toEqual([[1, '#1'], [2, '#2']]);
  });

  it('stops at a damaged page of a table without rowids and says after which row', async () => {
    const bytes = await buildDatabase(`CREATE TABLE people (key TEXT PRIMARY KEY, name TEXT) WITHOUT ROWID; INSERT INTO people VALUES ${PEOPLE};`);
    const pageSize = new DataView(bytes.buffer, bytes.byteOffset).getUint16(16);
    const pages = bytes.byteLength / pageSize;
    // The last page holds the last rows: made garbage, the scan fails on reaching it.
    const damaged = Uint8Array.from(bytes);
    damaged.fill(0xff, (pages - 1) * pageSize, pages * pageSize);
    const { rows, errors } = await scan(damaged, 'people');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(40);
    expect(errors).toEqual([expect.stringContaining(`the rows after the row ${String(rows.at(-1)?.[ROW_KEY])} in its primary key's order were not read`)]);
  });
});
