/**
 * Names for lids from msgstore.db itself: `lid_display_name(lid_row_id → jid._id, display_name,
 * username)` [real msgstore.db schema dump, 2025: the table sits beside jid_map]. A group member
 * known only by a lid (no jid_map row, no wa.db name) was shown as an opaque "1234…@lid"; WhatsApp
 * shows such people by the name they gave themselves, which is what this table holds. It ranks
 * after wa.db (a name from the owner's address book, when there is one, is what they knew the
 * person as), and the jid keeps being shown beside it as the sender's id.
 */

import type { Database } from 'sql.js';
import { columnsOf, hasTable, integerValue, nonEmptyText, scanRows, selectExpressions } from '../sqlite/index.ts';
import type { ContactBook } from './contacts.ts';
import type { JidBook } from './jids.ts';

/** Adds each lid's display name (else its username) to `contacts` where no name is known; returns how many were added. */
export function readLidDisplayNames(db: Database, jids: JidBook, contacts: ContactBook, onError: (message: string) => void): number {
  if (!hasTable(db, 'lid_display_name')) return 0;
  const columns = columnsOf(db, 'lid_display_name');
  if (!columns.has('lid_row_id')) return 0;
  const select = selectExpressions(columns, 't', ['lid_row_id', 'display_name', 'username']);
  let added = 0;
  for (const row of scanRows(db, { table: 'lid_display_name', select }, (message) => onError(`lid_display_name: ${message}`))) {
    const lid = jids.rawOf(integerValue(row['lid_row_id']));
    const name = nonEmptyText(row['display_name']) ?? nonEmptyText(row['username']);
    if (lid === null || name === null || contacts.nameOf(lid) !== null) continue;
    contacts.set(lid, { displayName: null, waName: name });
    added += 1;
  }
  return added;
}
