/**
 * WhatsApp calls on Android: `call_log` (one row per call: the other party's jid, direction, video
 * or voice, duration in seconds, a result code). Older new-layout databases keep calls only there;
 * newer ones also write a message row and link the two through `message_call_log`. Each call is
 * reported once: a linked one through its message row (which gets the call's facts), the others
 * from call_log itself.
 */

import type { Database } from 'sql.js';
import type { ColumnRequest, Row, TableScan } from '../sqlite/index.ts';
import { columnsOf, flagValue, hasRowid, hasTable, integerValue, rowCount, rowidOf, selectExpressions } from '../sqlite/index.ts';
import type { WaFields } from './android-fields.ts';
import { callOf } from './call-facts.ts';
import { CallParticipants } from './call-participants.ts';
import type { JidBook } from './jids.ts';

const CALL_COLUMNS: readonly (string | ColumnRequest)[] = [
  'jid_row_id', 'group_jid_row_id', 'from_me', 'call_id', { name: 'timestamp', asText: true }, 'video_call', 'duration', 'call_result',
];

/** True when message_call_log can link message rows to call_log rows. */
export function hasCallLink(db: Database): boolean {
  if (!hasTable(db, 'call_log') || !hasTable(db, 'message_call_log')) return false;
  const link = columnsOf(db, 'message_call_log');
  return link.has('message_row_id') && link.has('call_log_row_id') && columnsOf(db, 'call_log').has('_id');
}

/** Reads the call_log rows no message row stands for. */
export class CallLogReader {
  private readonly linked: boolean;
  /** A group call's participants (call-participants.ts). */
  private readonly participants: CallParticipants | null;

  constructor(
    private readonly db: Database,
    private readonly jids: JidBook,
  ) {
    this.linked = hasCallLink(db);
    this.participants = CallParticipants.open(db, jids);
  }

  static present(db: Database): boolean {
    return hasTable(db, 'call_log');
  }

  scan(): TableScan {
    const select = selectExpressions(columnsOf(this.db, 'call_log'), 't', CALL_COLUMNS);
    return this.linked
      ? { table: 'call_log', select, where: 'NOT EXISTS (SELECT 1 FROM message_call_log AS l WHERE l.call_log_row_id = t.rowid)' }
      : { table: 'call_log', select };
  }

  /** Rows reported from call_log, and those left to the message row linked to them. */
  counts(): { rows: number | null; withMessage: number } {
    const total = rowCount(this.db, 'call_log');
    // A call_log WITHOUT ROWID has no rowid to link by (its scan says it was not read), so none is counted as linked.
    if (!this.linked || total === null || !hasRowid(this.db, 'call_log')) return { rows: total, withMessage: 0 };
    const linked = this.db.exec('SELECT count(*) FROM call_log AS t WHERE EXISTS (SELECT 1 FROM message_call_log AS l WHERE l.call_log_row_id = t.rowid)')[0]?.values[0]?.[0];
    const withMessage = typeof linked === 'number' ? linked : 0;
    return { rows: total - withMessage, withMessage };
  }

  isPlaceholder(): boolean {
    return false;
  }

  fields(row: Row): WaFields {
    const groupRowId = integerValue(row['group_jid_row_id']);
    const group = groupRowId !== null && groupRowId > 0 ? this.jids.resolve(groupRowId) : null;
    // A group call's chat is the group; who else took part is not in this row, so no author is named.
    const peer = this.jids.resolve(integerValue(row['jid_row_id']));
    const chat = group ?? peer;
    // The person the row names beside a group is still kept: otherwise nothing says who the call was with.
    const party = group !== null && peer !== null && peer.jid !== group.jid ? peer : null;
    return {
      chatJid: chat?.jid ?? null,
      ...(party === null ? {} : { callParty: party }),
      chatSubject: null,
      fromMe: flagValue(row['from_me']),
      keyId: null,
      groupSender: null,
      typeCode: null,
      legacySystem: false,
      groupEvent: null,
      systemAction: null,
      text: null,
      caption: null,
      status: null,
      timestamp: row['timestamp'] ?? null,
      timestampText: row['timestamp__text'] ?? null,
      receivedTimestamp: null,
      media: null,
      location: null,
      vcards: [],
      revokedKeyId: null,
      editedAt: null,
      editedAtText: null,
      quotedKeyId: null,
      quotedText: null,
      reactions: [],
      call: callOf(row, ''),
      callParticipants: this.participants?.of(rowidOf(row)) ?? [],
      starred: false,
      forwarded: false,
    };
  }
}
