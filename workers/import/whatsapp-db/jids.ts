/**
 * WhatsApp identities. A jid is "user@server": `4915123456789@s.whatsapp.net` (a phone number
 * without "+"), `<creator>-<time>@g.us` or `1203…@g.us` (a group), `status@broadcast`,
 * `<id>@broadcast` (a broadcast list), `<id>@newsletter` (a channel), `<opaque>@lid` (a "linked
 * identity" hiding the phone number, 2023+; mapped back through `jid_map` when the phone knew it).
 */

import type { Database } from 'sql.js';
import type { ParsedChat } from '../../../shared/contracts/parsed-source.ts';
import { columnsOf, hasTable, integerValue, nonEmptyText, rowidOf, scanRows, selectExpressions } from '../sqlite/index.ts';

/** The phone number of a personal jid ("+4915123456789"), or null for groups, lids and others. */
export function phoneFromJid(jid: string | null): string | null {
  if (jid === null) return null;
  const match = /^(\d{5,20})(?::\d+)?@(?:s\.whatsapp\.net|c\.us)$/u.exec(jid);
  return match === null ? null : `+${match[1] ?? ''}`;
}

export function chatKindOfJid(jid: string | null): NonNullable<ParsedChat['kind']> {
  if (jid === null) return 'unknown';
  if (jid.endsWith('@g.us')) return 'group';
  if (jid.endsWith('@newsletter')) return 'channel';
  if (jid.endsWith('@s.whatsapp.net') || jid.endsWith('@lid') || jid.endsWith('@c.us')) return 'private';
  return 'unknown';
}

export function isGroupJid(jid: string | null): boolean {
  return jid !== null && jid.endsWith('@g.us');
}

/** status@broadcast (status updates) or `<id>@broadcast` (a broadcast list). */
export function isBroadcastJid(jid: string | null): boolean {
  return jid !== null && jid.endsWith('@broadcast');
}

export interface ResolvedJid {
  /** The jid to show and key on: the phone jid when a lid could be mapped. */
  jid: string;
  /** The original lid, when the jid was a lid. */
  lid?: string;
}

/** The `jid` table of the new schema (row id -> jid), with lids mapped to phone jids via `jid_map`. */
export class JidBook {
  private readonly raw = new Map<number, string>();
  private readonly lidToJid = new Map<number, number>();
  readonly lidMappings: number;

  constructor(db: Database, onError: (message: string) => void) {
    if (hasTable(db, 'jid')) {
      const select = selectExpressions(columnsOf(db, 'jid'), 't', ['user', 'server', 'raw_string']);
      for (const row of scanRows(db, { table: 'jid', select }, (message) => onError(`jid: ${message}`))) {
        const raw = nonEmptyText(row['raw_string']) ?? joinJid(nonEmptyText(row['user']), nonEmptyText(row['server']));
        if (raw !== null) this.raw.set(rowidOf(row), raw);
      }
    }
    if (hasTable(db, 'jid_map')) {
      const columns = columnsOf(db, 'jid_map');
      if (columns.has('lid_row_id') && columns.has('jid_row_id')) {
        const select = selectExpressions(columns, 't', ['lid_row_id', 'jid_row_id']);
        for (const row of scanRows(db, { table: 'jid_map', select }, (message) => onError(`jid_map: ${message}`))) {
          const lid = integerValue(row['lid_row_id']);
          const jid = integerValue(row['jid_row_id']);
          if (lid !== null && jid !== null) this.lidToJid.set(lid, jid);
        }
      }
    }
    this.lidMappings = this.lidToJid.size;
  }

  rawOf(rowId: number | null): string | null {
    return rowId === null ? null : this.raw.get(rowId) ?? null;
  }

  resolve(rowId: number | null): ResolvedJid | null {
    const raw = this.rawOf(rowId);
    if (raw === null || rowId === null) return null;
    if (!raw.endsWith('@lid')) return { jid: raw };
    const mapped = this.rawOf(this.lidToJid.get(rowId) ?? null);
    return mapped === null ? { jid: raw, lid: raw } : { jid: mapped, lid: raw };
  }
}

function joinJid(user: string | null, server: string | null): string | null {
  if (user === null) return null;
  return server === null ? user : `${user}@${server}`;
}
