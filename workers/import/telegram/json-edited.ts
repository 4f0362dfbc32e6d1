/**
 * Whether a Telegram JSON message was edited. Telegram Desktop's first exports (2018–2020) wrote
 * `"edited"` on every message, its value the edit time 0 (never edited) shown as the exporting
 * computer's wall clock: "1970-01-01T01:00:00" in Central Europe, "1969-12-31T19:00:00" in New
 * York. Such a date is no edit; later versions write `edited` only for an edited message.
 */

import type { JsonValue } from './json-walker.ts';
import { fromIsoDate, fromUnixSeconds } from './telegram-time.ts';

/** The farthest any zone's wall clock is from UTC (Kiribati, +14:00). */
const MAX_ZONE_OFFSET_MS = 14 * 60 * 60 * 1000;

export interface EditedReading {
  edited: boolean;
  /** True when the edit date written is the Unix epoch: the "never edited" of old exports. */
  epochEditDate: boolean;
}

export function readEdited(edited: JsonValue | undefined, editedUnixtime: JsonValue | undefined): EditedReading {
  if (edited === undefined && editedUnixtime === undefined) return { edited: false, epochEditDate: false };
  const epoch = editedUnixtime !== undefined ? isEpochUnixtime(editedUnixtime) : isEpochLocalDate(edited);
  return { edited: !epoch, epochEditDate: epoch };
}

function isEpochUnixtime(value: JsonValue): boolean {
  if (typeof value !== 'string' && typeof value !== 'number') return false;
  const time = fromUnixSeconds(String(value));
  return time !== null && 'utcMs' in time && time.utcMs === 0;
}

function isEpochLocalDate(value: JsonValue | undefined): boolean {
  if (typeof value !== 'string') return false;
  const time = fromIsoDate(value);
  if (time === null) return false;
  if ('utcMs' in time) return time.utcMs === 0;
  const { year, month, day, hour, minute, second } = time.wall;
  // Read as if at UTC: a zone-less epoch lies within one zone offset of 1970-01-01T00:00:00.
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  return Math.abs(asUtc) <= MAX_ZONE_OFFSET_MS;
}
