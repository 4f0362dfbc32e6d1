import { basename } from 'node:path';
import type { CollectedFile } from './collected-file.ts';
import { readFileHead } from './file-head.ts';

/** "SQLite format 3" and a NUL: the first bytes of every SQLite database (as workers/import/sqlite/sniff-sqlite.ts checks). */
const SQLITE_MAGIC = new TextEncoder().encode('SQLite format 3\0');

/** The name Telegram Desktop's JSON writer gives its export (export_output_json.cpp). */
const TELEGRAM_JSON_NAME = 'result.json';

/**
 * The files of an import that a parser or detection may look for among the files imported with
 * its source: SQLite databases by content (a WhatsApp contacts database for a msgstore.db, and the
 * msgstore.db a contacts database belongs to), and files named result.json (the JSON copy of a
 * Telegram "HTML and JSON" export, whose HTML pages are its companions only when it is imported
 * too; its content is checked where it is used). Only these travel with each job, so an import of
 * thousands of media files does not send every path with every file. Read-only, 16 bytes per file.
 */
export function companionCandidates(files: readonly CollectedFile[]): string[] {
  return files.filter((file) => basename(file.path).toLowerCase() === TELEGRAM_JSON_NAME || (file.size >= SQLITE_MAGIC.byteLength && startsWithSqliteMagic(file.path))).map((file) => file.path);
}

function startsWithSqliteMagic(path: string): boolean {
  // Not readable now: hashing it will say so.
  const head = readFileHead(path, SQLITE_MAGIC.byteLength);
  return head !== null && head.byteLength === SQLITE_MAGIC.byteLength && head.every((byte, index) => byte === SQLITE_MAGIC[index]);
}
