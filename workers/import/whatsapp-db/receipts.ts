/**
 * Per-recipient receipts of the owner's messages (`receipt_user`: when each recipient's phone
 * received the message, when they read it, when they played its voice note). In a group they say
 * who saw a threat, and when; WhatsApp keeps them per message row (message._id, or messages._id in
 * a transitional database, where its triggers key them so) [real schema dump; Whatsapp-Chat-Exporter
 * reads the table]. Read for the owner's messages only: nobody else's receipts are on this phone.
 */

import type { Database, SqlValue } from 'sql.js';
import { columnsOf, hasTable, integerValue, Lookup, storedOrder } from '../sqlite/index.ts';
import type { JidBook, ResolvedJid } from './jids.ts';

/** Recipients listed per message; a larger group's are cut here, and the message says so. */
const MAX_RECEIPTS = 256;

export interface WaReceipt {
  recipient: ResolvedJid | null;
  receivedAt: SqlValue;
  readAt: SqlValue;
  playedAt: SqlValue;
}

export class ReceiptBook {
  private constructor(
    private readonly lookup: Lookup,
    private readonly jids: JidBook,
  ) {}

  static open(db: Database, jids: JidBook): ReceiptBook | null {
    if (!hasTable(db, 'receipt_user')) return null;
    const columns = columnsOf(db, 'receipt_user');
    if (!['message_row_id', 'receipt_user_jid_row_id'].every((column) => columns.has(column))) return null;
    const time = (column: string): string => (columns.has(column) ? column : `NULL AS ${column}`);
    return new ReceiptBook(
      new Lookup(db, `SELECT receipt_user_jid_row_id, ${time('receipt_timestamp')}, ${time('read_timestamp')}, ${time('played_timestamp')} FROM receipt_user AS t WHERE t.message_row_id = ? ORDER BY ${storedOrder(db, 'receipt_user', 't')}`, [
        { table: 'receipt_user', columns: ['message_row_id'] },
      ]),
      jids,
    );
  }

  of(messageRowId: number): { receipts: WaReceipt[]; total: number } {
    const rows = this.lookup.all(messageRowId, MAX_RECEIPTS + 1);
    const receipts = rows.slice(0, MAX_RECEIPTS).map((row) => ({
      recipient: this.jids.resolve(integerValue(row['receipt_user_jid_row_id'])),
      receivedAt: row['receipt_timestamp'] ?? null,
      readAt: row['read_timestamp'] ?? null,
      playedAt: row['played_timestamp'] ?? null,
    }));
    return { receipts, total: rows.length };
  }
}
