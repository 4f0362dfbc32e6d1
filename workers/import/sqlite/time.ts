/**
 * Timestamps in phone databases: one number, several possible units, two epochs. The unit is
 * decided per value from its magnitude (FORMATS.md §0.2): the same iOS row can hold nanoseconds in
 * `date` and seconds in `date_read`, and one file can change unit across an OS upgrade.
 */

import type { SqlValue } from 'sql.js';
import type { ParsedTime } from '../../../shared/contracts/parsed-source.ts';

export type EpochUnit = 's' | 'ms' | 'us' | 'ns';

/** Seconds between 1970-01-01 and 2001-01-01 (the Apple / Core Data reference date). */
export const APPLE_EPOCH_OFFSET_SECONDS = 978_307_200;

/*
 * Magnitude bands. A plausible phone timestamp (1990..2100) is ~6.3e8..4.1e9 s since 1970 or
 * ~-3.5e8..3.1e9 s since 2001; scaled by 1e3 per unit the bands never overlap. The limits sit
 * between the bands: below 1e11 is seconds (until year 5138), below 1e14 milliseconds, below 1e17
 * microseconds, above that nanoseconds.
 */
const SECONDS_LIMIT = 1e11;
const MILLISECONDS_LIMIT = 1e14;
const MICROSECONDS_LIMIT = 1e17;
/** JavaScript dates end at ±8.64e15 ms. */
const MAX_DATE_MS = 8.64e15;

export interface DecodedTime {
  time: ParsedTime;
  /** The raw value as SQLite prints it (exact for 64-bit integers when CAST AS TEXT was read). */
  timestampText: string;
  unit: EpochUnit | null;
}

export function unitByMagnitude(value: number): EpochUnit {
  const magnitude = Math.abs(value);
  if (magnitude < SECONDS_LIMIT) return 's';
  if (magnitude < MILLISECONDS_LIMIT) return 'ms';
  if (magnitude < MICROSECONDS_LIMIT) return 'us';
  return 'ns';
}

const PER_MILLISECOND: Record<EpochUnit, bigint> = { s: 1n, ms: 1n, us: 1_000n, ns: 1_000_000n };
const MILLISECONDS_PER: Record<EpochUnit, number> = { s: 1000, ms: 1, us: 1e-3, ns: 1e-6 };

/** Unix-epoch time (s, ms, µs or ns by magnitude). 0 and NULL mean "not set". */
export function unixTime(value: SqlValue | undefined, exactText?: SqlValue): DecodedTime {
  return decode(value, exactText, 0);
}

/** Apple-epoch time (seconds since 2001, or ns since 2001 from iOS 11 on; by magnitude). */
export function appleTime(value: SqlValue | undefined, exactText?: SqlValue): DecodedTime {
  return decode(value, exactText, APPLE_EPOCH_OFFSET_SECONDS * 1000);
}

function decode(value: SqlValue | undefined, exactText: SqlValue | undefined, offsetMs: number): DecodedTime {
  const text = typeof exactText === 'string' ? exactText : value === null || value === undefined ? '' : String(value);
  const number = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  if (!Number.isFinite(number) || number === 0) return { time: null, timestampText: text, unit: null };
  const unit = unitByMagnitude(number);
  let milliseconds: number;
  if (/^-?\d+$/u.test(text) && (unit === 'us' || unit === 'ns')) {
    // 64-bit nanosecond counts exceed 2^53: divide exactly, from the digits.
    milliseconds = Number(BigInt(text) / PER_MILLISECOND[unit]);
  } else {
    milliseconds = Math.floor(number * MILLISECONDS_PER[unit]);
  }
  const utcMs = milliseconds + offsetMs;
  if (!Number.isFinite(utcMs) || Math.abs(utcMs) > MAX_DATE_MS) return { time: null, timestampText: text, unit };
  return { time: { utcMs }, timestampText: text, unit };
}

/** ISO text of a decoded time, or null (for extra fields such as "read at"). */
export function isoOrNull(decoded: DecodedTime): string | null {
  return decoded.time !== null && 'utcMs' in decoded.time ? new Date(decoded.time.utcMs).toISOString() : null;
}
