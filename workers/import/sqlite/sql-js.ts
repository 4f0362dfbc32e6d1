import initSqlJs from 'sql.js';
import type { SqlJsStatic } from 'sql.js';

let sqlJs: Promise<SqlJsStatic> | null = null;

/**
 * Loads the sql.js WebAssembly module once per worker, from node_modules (never the network).
 * Evidence databases are read with sql.js rather than a native driver because sql.js can only
 * open bytes in memory: nothing it does can create a -wal, -shm or -journal file beside the
 * evidence or checkpoint into it.
 */
export function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= initSqlJs();
  return sqlJs;
}
