/**
 * Who took part in a group call, each with their own result (`call_log_participant_v2`:
 * call_log_row_id, jid_row_id, call_result; a real schema dump holds it and WhatsApp's own queries
 * read it). The call_log row names one person beside the group; a call with Nadia, Ion and Vlad,
 * one of whom never answered, is only told by this table.
 */

import type { Database } from 'sql.js';
import { columnsOf, hasTable, integerValue, Lookup, storedOrder } from '../sqlite/index.ts';
import type { JidBook, ResolvedJid } from './jids.ts';

/** Participants listed per call; a larger call's are cut here. */
const MAX_PARTICIPANTS = 64;

export interface WaCallParticipant {
  party: ResolvedJid | null;
  /** call_log_participant_v2.call_result as stored (call-facts.ts names the known codes). */
  result: number | null;
}

export class CallParticipants {
  private constructor(
    private readonly lookup: Lookup,
    private readonly jids: JidBook,
  ) {}

  static open(db: Database, jids: JidBook): CallParticipants | null {
    if (!hasTable(db, 'call_log_participant_v2')) return null;
    const columns = columnsOf(db, 'call_log_participant_v2');
    if (!['call_log_row_id', 'jid_row_id'].every((column) => columns.has(column))) return null;
    const result = columns.has('call_result') ? 'call_result' : 'NULL AS call_result';
    return new CallParticipants(new Lookup(db, `SELECT jid_row_id, ${result} FROM call_log_participant_v2 AS t WHERE t.call_log_row_id = ? ORDER BY ${storedOrder(db, 'call_log_participant_v2', 't')}`, [{ table: 'call_log_participant_v2', columns: ['call_log_row_id'] }]), jids);
  }

  of(callLogRowId: number | null): WaCallParticipant[] {
    if (callLogRowId === null) return [];
    return this.lookup.all(callLogRowId, MAX_PARTICIPANTS).map((row) => ({ party: this.jids.resolve(integerValue(row['jid_row_id'])), result: integerValue(row['call_result']) }));
  }
}
