/**
 * Where a live location ended: `message_location.live_location_*` [source: the app's CREATE TABLE
 * message_location and GET_LOCATION_MESSAGE_BY_ROW_ID_SQL]. The new layout keys the table on
 * `message._id`; a transitional database keys it on the legacy `messages._id` [verified schema on
 * the IPED sample: trigger messages_bd_for_message_location_trigger], so both readers join it.
 */

import type { Database } from 'sql.js';
import type { ColumnRequest, Row } from '../sqlite/index.ts';
import { columnsOf, hasTable, integerValue, numberValue, selectExpressions } from '../sqlite/index.ts';
import type { WaLiveLocation } from './android-fields.ts';

export const LIVE_LOCATION_COLUMNS: readonly (string | ColumnRequest)[] = [
  'live_location_share_duration', 'live_location_sequence_number', 'live_location_final_latitude', 'live_location_final_longitude',
  { name: 'live_location_final_timestamp', asText: true },
];

/**
 * The place itself as message_location keeps it. A legacy row has no column for a venue's address
 * (only latitude, longitude, media_name, media_url): in a transitional database it is only here.
 */
export const PLACE_COLUMNS = ['latitude', 'longitude', 'place_name', 'place_address', 'url'];

/**
 * The select and join that read a legacy row's message_location (prefix `ml_`): the place and where
 * a live location ended, or nothing when the table is not there.
 */
export function legacyLocationJoin(db: Database): { select: string[]; joins: string[] } {
  const columns = hasTable(db, 'message_location') ? columnsOf(db, 'message_location') : new Set<string>();
  const select = selectExpressions(columns, 'ml', [...PLACE_COLUMNS, ...LIVE_LOCATION_COLUMNS], 'ml_');
  return { select, joins: columns.has('message_row_id') ? ['LEFT JOIN message_location AS ml ON ml.message_row_id = t._id'] : [] };
}

/**
 * What a row's message_location says beyond the start (columns prefixed `ml_`): null when it says
 * nothing. (The app itself reads a final position only when latitude, longitude or time is not 0.)
 */
export function liveLocationOf(row: Row): WaLiveLocation | null {
  const live: WaLiveLocation = {
    shareDuration: integerValue(row['ml_live_location_share_duration']),
    sequenceNumber: integerValue(row['ml_live_location_sequence_number']),
    finalLatitude: numberValue(row['ml_live_location_final_latitude']),
    finalLongitude: numberValue(row['ml_live_location_final_longitude']),
    finalAt: row['ml_live_location_final_timestamp'] ?? null,
    finalAtText: row['ml_live_location_final_timestamp__text'] ?? null,
  };
  const said = [live.shareDuration, live.sequenceNumber, live.finalLatitude, live.finalLongitude, live.finalAt].some((value) => value !== null && value !== 0);
  return said ? live : null;
}
