/**
 * Tapbacks (reactions) of an iOS sms.db. A tapback is a row of `message` of its own, with
 * associated_message_type 2000+n (tapback n added) or 3000+n (removed), associated_message_guid
 * naming the message it reacts to ("p:0/GUID": part 0 of it; "bp:GUID") and a text iOS wrote for
 * old devices ("Loved “see you at 8”"). Read as a message it looks like a chat line someone typed,
 * so it is shown on the message it reacts to instead: who, which reaction, when, its own rowid and
 * guid, and whether a later removal withdrew it. A tapback stays a record of its own when its
 * message is not in the database (it says so) and when it carries a file (a sticker tapback), so
 * nothing it holds is lost.
 */

import type { Database } from 'sql.js';
import type { Row } from '../sqlite/index.ts';
import { Lookup, appleTime, columnsOf, flagValue, hasRowid, hasTable, integerValue, isoOrNull, nonEmptyText, putExtra, rowidOf, scanRows, selectExpressions } from '../sqlite/index.ts';

export const TAPBACKS = ['loved', 'liked', 'disliked', 'laughed', 'emphasized', 'questioned', 'emoji', 'sticker'];
/** associated_message_type: 2000+n adds tapback n, 3000+n removes it. */
const TAPBACK_ADD = 2000;
const TAPBACK_REMOVE = 3000;

/** Which tapback an associated_message_type is, or null for other associated rows (app updates, stickers placed on a bubble). */
export function tapbackOf(type: number | null): { reaction: string; removed: boolean } | null {
  if (type === null) return null;
  for (const [base, removed] of [[TAPBACK_ADD, false], [TAPBACK_REMOVE, true]] as const) {
    const reaction = TAPBACKS[type - base];
    if (reaction !== undefined) return { reaction, removed };
  }
  return null;
}

/** The message an associated_message_guid names: "p:0/GUID" (part 0 of GUID), "bp:GUID" or a bare GUID. */
export function targetOf(associatedGuid: string | null): { guid: string; part: number | null } | null {
  if (associatedGuid === null) return null;
  const match = /^(?:p:(\d+)\/|bp:)?(.+)$/su.exec(associatedGuid);
  if (match === null || match[2] === undefined) return null;
  return { guid: match[2], part: match[1] === undefined ? null : Number(match[1]) };
}

/** What becomes of a tapback row. */
export type TapbackPlace = 'on-its-message' | 'own-record' | 'message-missing' | 'message-unread';

interface Entry {
  rowid: number;
  target: string;
  fact: Record<string, unknown>;
}

export class IosTapbacks {
  private readonly places = new Map<number, TapbackPlace>();
  private readonly byTarget = new Map<string, Entry[]>();
  private readonly claimed = new Set<string>();

  constructor(db: Database, handles: ReadonlyMap<number, string>, onError: (message: string) => void) {
    const columns = columnsOf(db, 'message');
    if (!columns.has('associated_message_type') || !columns.has('associated_message_guid')) return;
    // A message table WITHOUT ROWID has no rowid to place a tapback by; its scan says it was not read.
    if (!hasRowid(db, 'message')) return;
    const select = selectExpressions(columns, 't', ['guid', 'text', 'handle_id', 'is_from_me', { name: 'date', asText: true }, 'associated_message_guid', 'associated_message_type', 'associated_message_emoji']);
    const last = TAPBACKS.length - 1;
    const where = `t.associated_message_type BETWEEN ${TAPBACK_ADD} AND ${TAPBACK_ADD + last} OR t.associated_message_type BETWEEN ${TAPBACK_REMOVE} AND ${TAPBACK_REMOVE + last}`;
    const messageByGuid = new Lookup(db, 'SELECT rowid FROM message WHERE guid = ? COLLATE BINARY ORDER BY rowid', [{ table: 'message', columns: ['guid'] }]);
    const files = hasTable(db, 'message_attachment_join') ? new Lookup(db, 'SELECT 1 FROM message_attachment_join WHERE message_id = ?', [{ table: 'message_attachment_join', columns: ['message_id'] }]) : null;
    try {
      for (const row of scanRows(db, { table: 'message', select, where }, (message) => onError(`message (tapbacks): ${message}`))) {
        this.add(row, handles, messageByGuid, files);
      }
    } finally {
      messageByGuid.free();
      files?.free();
    }
    for (const entries of this.byTarget.values()) markWithdrawn(entries);
  }

  /** Where a row of `message` goes when it is a tapback; undefined for any other row. */
  placeOf(rowid: number): TapbackPlace | undefined {
    return this.places.get(rowid);
  }

  /** The tapbacks on the message with this guid, in row order, or null when it has none. */
  claim(guid: string | null): Record<string, unknown>[] | null {
    if (guid === null) return null;
    const entries = this.byTarget.get(guid);
    if (entries === undefined) return null;
    this.claimed.add(guid);
    return entries.map((entry) => entry.fact);
  }

  /**
   * Tapback rows left out for their message whose message row was then not read (damaged pages):
   * they must become records of their own after all. Their place is changed to say so.
   */
  takeUnclaimed(): number[] {
    const rowids: number[] = [];
    for (const [target, entries] of this.byTarget) {
      if (this.claimed.has(target)) continue;
      for (const entry of entries) {
        if (this.places.get(entry.rowid) !== 'on-its-message') continue;
        this.places.set(entry.rowid, 'message-unread');
        rowids.push(entry.rowid);
      }
    }
    return rowids.sort((a, b) => a - b);
  }

  private add(row: Row, handles: ReadonlyMap<number, string>, messageByGuid: Lookup, files: Lookup | null): void {
    const rowid = rowidOf(row);
    const tapback = tapbackOf(integerValue(row['associated_message_type']));
    const target = targetOf(nonEmptyText(row['associated_message_guid']));
    if (tapback === null) return;
    if (target === null || messageByGuid.one(target.guid) === null) {
      this.places.set(rowid, 'message-missing');
      return;
    }
    const ownRecord = files !== null && files.one(rowid) !== null;
    this.places.set(rowid, ownRecord ? 'own-record' : 'on-its-message');
    const fromMe = flagValue(row['is_from_me']);
    const handleId = integerValue(row['handle_id']);
    const date = appleTime(row['date'], row['date__text']);
    const fact: Record<string, unknown> = { reaction: tapback.reaction };
    putExtra(fact, 'emoji', nonEmptyText(row['associated_message_emoji']));
    fact['removed'] = tapback.removed;
    fact['fromMe'] = fromMe;
    // As message-row.ts names a sender: by handle, by its number when the handle row is gone.
    fact['sender'] = fromMe || handleId === null || handleId === 0 ? null : handles.get(handleId) ?? `handle ${handleId}`;
    fact['at'] = isoOrNull(date);
    fact['timestampText'] = date.timestampText;
    putExtra(fact, 'part', target.part);
    putExtra(fact, 'guid', nonEmptyText(row['guid']));
    fact['rowid'] = rowid;
    putExtra(fact, 'text', nonEmptyText(row['text']));
    if (ownRecord) fact['ownRecord'] = true;
    const entries = this.byTarget.get(target.guid);
    if (entries === undefined) this.byTarget.set(target.guid, [{ rowid, target: target.guid, fact }]);
    else entries.push({ rowid, target: target.guid, fact });
  }
}

/** A removal withdraws the same person's latest earlier tapback of the same kind on the message. */
function markWithdrawn(entries: Entry[]): void {
  entries.forEach((removal, index) => {
    if (removal.fact['removed'] !== true) return;
    for (let earlier = index - 1; earlier >= 0; earlier -= 1) {
      const added = entries[earlier]?.fact;
      if (added === undefined || added['removed'] === true || added['withdrawn'] === true) continue;
      if (!sameTapback(added, removal.fact)) continue;
      added['withdrawn'] = true;
      return;
    }
  });
}

function sameTapback(added: Record<string, unknown>, removal: Record<string, unknown>): boolean {
  return added['reaction'] === removal['reaction'] && added['fromMe'] === removal['fromMe'] && added['sender'] === removal['sender'] && added['part'] === removal['part'] && (removal['emoji'] === undefined || added['emoji'] === removal['emoji']);
}
