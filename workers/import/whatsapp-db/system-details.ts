/**
 * What a system row's `message_system_*` side tables say beyond its action code: the old value of
 * a group name or description, the group icon, a block or unblock, a disappearing-messages
 * setting, a device change, a business notice. Each table is one row per message, keyed by
 * `message_row_id`; it is joined only when it and that column exist, and a version without a
 * column reads it as NULL (the row is still known to be there by its key).
 *
 * Which tables exist and their columns are [verified] on the IPED sample (user_version 1), whose
 * triggers also key them, like `message_system` itself, on the legacy `messages._id`; no sample
 * holds a row of any of them, so what the values mean is [belief] (README, "System messages").
 * Every value read is kept raw in `extra`; the text only says what the value shows.
 */

import type { Database, SqlValue } from 'sql.js';
import type { ColumnRequest, Row } from '../sqlite/index.ts';
import { blobValue, columnsOf, hasTable, integerValue, nonEmptyText, quoteIdentifier, selectExpressions } from '../sqlite/index.ts';

/** A group icon thumbnail is a few KB; a larger blob is not read, only its length recorded. */
const MAX_PHOTO_BYTES = 2 * 1024 * 1024;

interface DetailTable {
  table: string;
  /** Prefix of the columns read (`<prefix>_<column>`) and alias of the join. */
  prefix: string;
  columns: readonly (string | ColumnRequest)[];
}

const DETAIL_TABLES: readonly DetailTable[] = [
  { table: 'message_system_value_change', prefix: 'svc', columns: ['old_data'] },
  { table: 'message_system_photo_change', prefix: 'spc', columns: ['new_photo_id', { name: 'old_photo', maxBytes: MAX_PHOTO_BYTES }, { name: 'new_photo', maxBytes: MAX_PHOTO_BYTES }] },
  { table: 'message_system_block_contact', prefix: 'sbc', columns: ['is_blocked'] },
  { table: 'message_ephemeral_setting', prefix: 'ses', columns: ['setting_duration'] },
  { table: 'message_system_ephemeral_setting_not_applied', prefix: 'sna', columns: ['setting_duration'] },
  { table: 'message_system_device_change', prefix: 'sdc', columns: ['device_added_count', 'device_removed_count'] },
  { table: 'message_system_business_state', prefix: 'sbs', columns: ['privacy_message_type', 'business_name'] },
  { table: 'message_system_initial_privacy_provider', prefix: 'spp', columns: ['privacy_provider', 'verified_biz_name'] },
  { table: 'message_system_group', prefix: 'sgr', columns: ['is_me_joined'] },
  { table: 'message_system_payment_invite_setup', prefix: 'spi', columns: ['service', 'invite_used'] },
];

/** A photo blob as read: its bytes when small enough, its length always. */
export interface PhotoBlob {
  bytes: Uint8Array | null;
  length: number | null;
}

/** The side-table rows found for one message; a key is present only when its table had a row. */
export interface WaSystemDetails {
  /** message_system_value_change.old_data (the new value is the row's text). */
  valueChange?: { old: SqlValue };
  photoChange?: { newPhotoId: SqlValue; oldPhoto: PhotoBlob; newPhoto: PhotoBlob };
  block?: { isBlocked: SqlValue };
  /** The disappearing-messages duration, from the table that recorded it. */
  ephemeral?: { table: 'message_ephemeral_setting' | 'message_system_ephemeral_setting_not_applied'; duration: SqlValue };
  deviceChange?: { added: SqlValue; removed: SqlValue };
  businessState?: { privacyMessageType: SqlValue; businessName: SqlValue };
  privacyProvider?: { provider: SqlValue; verifiedBusinessName: SqlValue };
  group?: { isMeJoined: SqlValue };
  paymentInviteSetup?: { service: SqlValue; inviteUsed: SqlValue };
}

/** The columns and LEFT JOINs that read every detail table present, keyed on the scanned table's rowid. */
export function systemDetailJoins(db: Database): { select: string[]; joins: string[] } {
  const select: string[] = [];
  const joins: string[] = [];
  for (const detail of DETAIL_TABLES) {
    const columns = hasTable(db, detail.table) ? columnsOf(db, detail.table) : new Set<string>();
    const keyed = columns.has('message_row_id');
    select.push(...selectExpressions(keyed ? columns : new Set<string>(), detail.prefix, detail.columns, `${detail.prefix}_`));
    select.push(keyed ? `${detail.prefix}.message_row_id AS ${detail.prefix}__row` : `NULL AS ${detail.prefix}__row`);
    if (keyed) joins.push(`LEFT JOIN ${quoteIdentifier(detail.table)} AS ${detail.prefix} ON ${detail.prefix}.message_row_id = t.rowid`);
  }
  return { select, joins };
}

/** The details a scanned row carries, or null when no detail table had a row for it. */
export function systemDetailsOf(row: Row): WaSystemDetails | null {
  const has = (prefix: string): boolean => row[`${prefix}__row`] !== null && row[`${prefix}__row`] !== undefined;
  const value = (prefix: string, column: string): SqlValue => row[`${prefix}_${column}`] ?? null;
  const details: WaSystemDetails = {};
  if (has('svc')) details.valueChange = { old: value('svc', 'old_data') };
  if (has('spc')) {
    details.photoChange = { newPhotoId: value('spc', 'new_photo_id'), oldPhoto: photoOf(row, 'spc_old_photo'), newPhoto: photoOf(row, 'spc_new_photo') };
  }
  if (has('sbc')) details.block = { isBlocked: value('sbc', 'is_blocked') };
  if (has('ses')) details.ephemeral = { table: 'message_ephemeral_setting', duration: value('ses', 'setting_duration') };
  else if (has('sna')) details.ephemeral = { table: 'message_system_ephemeral_setting_not_applied', duration: value('sna', 'setting_duration') };
  if (has('sdc')) details.deviceChange = { added: value('sdc', 'device_added_count'), removed: value('sdc', 'device_removed_count') };
  if (has('sbs')) details.businessState = { privacyMessageType: value('sbs', 'privacy_message_type'), businessName: value('sbs', 'business_name') };
  if (has('spp')) details.privacyProvider = { provider: value('spp', 'privacy_provider'), verifiedBusinessName: value('spp', 'verified_biz_name') };
  if (has('sgr')) details.group = { isMeJoined: value('sgr', 'is_me_joined') };
  if (has('spi')) details.paymentInviteSetup = { service: value('spi', 'service'), inviteUsed: value('spi', 'invite_used') };
  return Object.keys(details).length === 0 ? null : details;
}

function photoOf(row: Row, key: string): PhotoBlob {
  const bytes = blobValue(row[key]);
  // A photo stored as text (or a number) is not an image: its length is kept, not its bytes.
  return { bytes: bytes !== null && bytes.byteLength > 0 ? bytes : null, length: integerValue(row[`${key}__length`]) };
}

/** A value for `extra` as the database held it: numbers and text as they are, blobs by size. */
export function rawFact(value: SqlValue | undefined): number | string | { bytes: number } | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Uint8Array) return { bytes: value.byteLength };
  return value;
}

/** Text of a detail value (blobs are decoded as UTF-8), or null. */
export function detailText(value: SqlValue): string | null {
  return nonEmptyText(value);
}
