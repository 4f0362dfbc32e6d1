import type { ParsedTime, SourceLocator } from '../../shared/contracts/parsed-source.ts';
import { utcIso } from '../../shared/time/utc-iso.ts';
import { isValidWallTime, standardOffsetMinutes, wallAsUtcMs, wallTimeToUtc, type WallTime } from '../../shared/time/zoned-time.ts';

/**
 * A source's times made UTC ISO text in the zone recorded on the source (RecordWriter): a wall
 * time in that zone, an instant, or a wall time written with a standard offset. What cannot be
 * given a UTC time, and a time read one of two ways (a daylight-saving gap or overlap), is said
 * through `warn` at the record's place.
 */
export class RecordTimes {
  /** The last wall time converted without a warning, and its UTC ISO text (see toUtc). */
  private lastWall: { wall: WallTime; iso: string } | null = null;
  /** Whether the examiner was told that times written with a standard offset were converted with it as written. */
  private standardOffsetTold = false;

  constructor(
    private readonly timeZone: string,
    private readonly warn: (locator: SourceLocator, message: string) => void,
  ) {}

  toUtc(time: ParsedTime, timestampText: string, locator: SourceLocator): string | null {
    if (time === null) return null;
    if ('standardOffsetMinutes' in time) return this.withStandardOffsetToUtc(time.wall, time.standardOffsetMinutes, timestampText, locator);
    if ('utcMs' in time) {
      const iso = utcIso(time.utcMs);
      if (iso === null && Number.isFinite(time.utcMs)) this.warn(locator, `"${timestampText}" is past any date a time can be given for; the message has no UTC time`);
      return iso;
    }
    const { wall } = time;
    // Messages come in runs of one minute (exports write minutes): a run's time is converted once.
    const last = this.lastWall;
    if (last !== null && sameWallTime(wall, last.wall)) return last.iso;
    const { timeZone } = this;
    if (wall.year === 0) {
      this.warn(locator, `the export gives no year ("${timestampText}"); the message has no UTC time`);
      return null;
    }
    if (!isValidWallTime(wall)) {
      this.warn(locator, `"${timestampText}" is not a valid date`);
      return null;
    }
    const conversion = wallTimeToUtc(wall, timeZone);
    const iso = utcIso(conversion.utcMs);
    if (iso === null) {
      this.warn(locator, `"${timestampText}" is past any date a time can be given for; the message has no UTC time`);
      return null;
    }
    // A time in a daylight-saving gap or overlap is warned about at every message that has it.
    if (conversion.ambiguity !== 'none') this.warn(locator, `"${timestampText}" falls in a daylight-saving ${conversion.ambiguity} in ${timeZone}; read as ${iso}`);
    else this.lastWall = { wall: { ...wall }, iso };
    return iso;
  }

  /**
   * A wall time written with the standard offset of the zone it was read in (ParsedTime): in the
   * source's zone when that zone has this standard offset, so its daylight saving applies; with
   * the offset as written otherwise, which the examiner is told once (summer times of a zone with
   * daylight saving would then be an hour late).
   */
  private withStandardOffsetToUtc(wall: WallTime, offsetMinutes: number, timestampText: string, locator: SourceLocator): string | null {
    const { timeZone } = this;
    // Telegram Desktop writes the standard offset of the zone's current rules (Qt names the most
    // recent ones), so a zone whose standard offset has changed since a message still matches.
    const hasThisStandardOffset = standardOffsetMinutes(timeZone, new Date().getUTCFullYear()) === offsetMinutes || standardOffsetMinutes(timeZone, wall.year) === offsetMinutes;
    if (isValidWallTime(wall) && hasThisStandardOffset) return this.toUtc({ wall }, timestampText, locator);
    if (!this.standardOffsetTold) {
      this.standardOffsetTold = true;
      this.warn(
        locator,
        `the times are written with the standard UTC offset of the computer that exported them, also in summer (as in "${timestampText}"), and the source's time zone ${timeZone} does not have that standard offset: they were converted with the offset as written, so a time in that computer's daylight-saving period is an hour late. Declare the exporting computer's time zone to have them converted with its daylight-saving rules`,
      );
    }
    return utcIso(wallAsUtcMs(wall) - offsetMinutes * 60_000);
  }
}

function sameWallTime(a: WallTime, b: WallTime): boolean {
  return a.minute === b.minute && a.hour === b.hour && a.day === b.day && a.month === b.month && a.year === b.year && a.second === b.second && (a.millisecond ?? 0) === (b.millisecond ?? 0);
}
