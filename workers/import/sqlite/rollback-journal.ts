/**
 * Inspects a rollback `-journal` companion without applying it.
 *
 * A hot journal holds the ORIGINAL content of pages an interrupted transaction was changing: SQLite
 * would copy them back over the main file on the next open. Doing that to evidence would rewrite
 * it, and doing it to a copy would hide what the phone last wrote; either way an examiner should
 * decide. So the journal is only described, and a warning says the main file may hold a partly
 * written transaction.
 */

/** The 8 bytes a live journal header starts with (zeroed by journal_mode=PERSIST after a commit). */
const JOURNAL_MAGIC = [0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7] as const;
const JOURNAL_HEADER_BYTES = 28;

export interface JournalFacts {
  journalBytes: number;
  /** True when the header is live: SQLite would roll the main file back from it. */
  hot: boolean;
  /** Page records the header announces (-1: "until the end of the file", used by synchronous=OFF). */
  declaredRecords?: number;
  /** Database size in pages before the interrupted transaction started. */
  originalPageCount?: number;
  sectorSize?: number;
  pageSize?: number;
}

export function inspectRollbackJournal(journal: Uint8Array): JournalFacts {
  const facts: JournalFacts = { journalBytes: journal.byteLength, hot: false };
  if (journal.byteLength < JOURNAL_HEADER_BYTES) return facts;
  facts.hot = JOURNAL_MAGIC.every((byte, index) => journal[index] === byte);
  if (!facts.hot) return facts;
  const view = new DataView(journal.buffer, journal.byteOffset, JOURNAL_HEADER_BYTES);
  facts.declaredRecords = view.getInt32(8);
  facts.originalPageCount = view.getUint32(16);
  facts.sectorSize = view.getUint32(20);
  facts.pageSize = view.getUint32(24);
  return facts;
}
