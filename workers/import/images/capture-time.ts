import type { ParsedTime } from '../../../shared/contracts/parsed-source.ts';
import { isValidWallTime, type WallTime } from '../../../shared/time/zoned-time.ts';

/**
 * What an image says about when it was taken, read from the metadata exifr gives (one record per
 * segment: ifd0, exif, ihdr with the PNG tEXt pairs, and XMP by namespace prefix). Only the
 * image's own statements count: file names and file-system times are not evidence of capture.
 * Every value stays the string the file holds; no Date is built in the machine's zone.
 */
export type ImageMetadata = Partial<Record<string, Record<string, unknown>>>;

export interface CaptureTime {
  time: ParsedTime;
  /** The tag's value as written, with the EXIF offset tag's value after it when one was used. */
  timestampText: string;
  /** Tag used, raw value, offset, and the image facts worth keeping (size, orientation, camera). */
  extra: Record<string, unknown>;
  /** Set when a date is there but written in a way this reader does not read. */
  problem: string | null;
}

interface TimeTag {
  segment: string;
  tag: string;
  /** How the tag is named in the case (extra.captureTimeTag). */
  label: string;
  /** The EXIF tag holding this time's UTC offset (EXIF 2.31): without it the time is wall-clock. */
  offsetTag?: string;
}

/** Tried in order; the first one present and readable decides. EXIF is the camera's own record, so it comes first. */
const TIME_TAGS: readonly TimeTag[] = [
  { segment: 'exif', tag: 'DateTimeOriginal', label: 'DateTimeOriginal', offsetTag: 'OffsetTimeOriginal' },
  { segment: 'exif', tag: 'CreateDate', label: 'CreateDate', offsetTag: 'OffsetTimeDigitized' },
  { segment: 'ifd0', tag: 'ModifyDate', label: 'ModifyDate', offsetTag: 'OffsetTime' },
  { segment: 'photoshop', tag: 'DateCreated', label: 'XMP photoshop:DateCreated' },
  { segment: 'xmp', tag: 'CreateDate', label: 'XMP xmp:CreateDate' },
  { segment: 'ihdr', tag: 'Creation Time', label: 'PNG tEXt Creation Time' },
];

/** The EXIF tags exifr is asked for, by segment (everything else in the file is left unread). */
export const PICKED_TAGS = {
  ifd0: ['Make', 'Model', 'Orientation', 'ModifyDate', 'ImageWidth', 'ImageHeight'],
  exif: ['DateTimeOriginal', 'CreateDate', 'OffsetTime', 'OffsetTimeOriginal', 'OffsetTimeDigitized', 'ExifImageWidth', 'ExifImageHeight'],
};

export function captureTimeOf(metadata: ImageMetadata): CaptureTime {
  const extra = imageFacts(metadata);
  // A date written in a way this reader does not read passes the word to the next tag that has one.
  const unreadable: { tag: TimeTag; raw: string }[] = [];
  for (const found of statedTimes(metadata)) {
    const parsed = parseStatedTime(found.raw);
    if (parsed === null) {
      unreadable.push(found);
      continue;
    }
    Object.assign(extra, { captureTimeTag: found.tag.label, captureTimeRaw: found.raw });
    if (unreadable.length > 0) extra['unreadableTimes'] = Object.fromEntries(unreadable.map(({ tag, raw }) => [tag.label, raw]));
    const capture = captureFrom(found, parsed, extra);
    if (unreadable.length === 0) return capture;
    const passedOver = `its ${describeUnreadable(unreadable)} not a date this importer reads; the capture time is taken from ${found.tag.label}`;
    return { ...capture, problem: capture.problem === null ? passedOver : `${passedOver}; ${capture.problem}` };
  }
  const first = unreadable[0];
  if (first === undefined) return { time: null, timestampText: '', extra, problem: null };
  Object.assign(extra, { captureTimeTag: first.tag.label, captureTimeRaw: first.raw });
  return { time: null, timestampText: first.raw, extra, problem: `its ${describeUnreadable(unreadable)} not a date this importer reads; the image is kept without a capture time` };
}

function describeUnreadable(unreadable: readonly { tag: TimeTag; raw: string }[]): string {
  return `${unreadable.map(({ tag, raw }) => `${tag.label} "${raw}"`).join(', ')} ${unreadable.length === 1 ? 'is' : 'are'}`;
}

/** The capture time a readable tag states, with its offset tag when it has one. */
function captureFrom(found: { tag: TimeTag; raw: string; offset: string | undefined }, parsed: StatedTime, extra: Record<string, unknown>): CaptureTime {
  const { tag, raw, offset } = found;
  if (parsed.offset !== null) return { time: absolute(parsed.wall, parsed.offsetMinutes, parsed.ms), timestampText: raw, extra: { ...extra, captureTimeOffset: parsed.offset }, problem: null };
  if (offset === undefined) return { time: { wall: parsed.wall }, timestampText: raw, extra, problem: null };
  const offsetMinutes = parseOffset(offset);
  if (offsetMinutes === null) {
    return { time: { wall: parsed.wall }, timestampText: raw, extra: { ...extra, captureTimeOffset: offset }, problem: `its ${tag.offsetTag ?? 'offset'} "${offset}" is not a UTC offset this importer reads; ${tag.label} is taken as a time in the source's zone` };
  }
  return { time: absolute(parsed.wall, offsetMinutes, parsed.ms), timestampText: `${raw} ${offset}`, extra: { ...extra, captureTimeOffset: offset }, problem: null };
}

/** Size, orientation and camera as EXIF states them: they tell a screenshot from a camera photo. */
function imageFacts(metadata: ImageMetadata): Record<string, unknown> {
  const ifd0 = metadata['ifd0'] ?? {};
  const exif = metadata['exif'] ?? {};
  const facts: Record<string, unknown> = {
    imageWidth: numberOrUndefined(exif['ExifImageWidth']) ?? numberOrUndefined(ifd0['ImageWidth']),
    imageHeight: numberOrUndefined(exif['ExifImageHeight']) ?? numberOrUndefined(ifd0['ImageHeight']),
    orientation: numberOrUndefined(ifd0['Orientation']),
    cameraMake: stringOrUndefined(ifd0['Make']),
    cameraModel: stringOrUndefined(ifd0['Model']),
  };
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined));
}

/** The times the image states, in TIME_TAGS order (blank or zero "unknown" dates left out). */
function statedTimes(metadata: ImageMetadata): { tag: TimeTag; raw: string; offset: string | undefined }[] {
  return TIME_TAGS.flatMap((tag) => {
    const raw = stringOrUndefined(metadata[tag.segment]?.[tag.tag]);
    if (raw === undefined || isUnknownDate(raw)) return [];
    const offset = tag.offsetTag === undefined ? undefined : stringOrUndefined(metadata['exif']?.[tag.offsetTag]);
    return [{ tag, raw, offset: offset === undefined || offset.trim() === '' ? undefined : offset }];
  });
}

/** EXIF writes an unknown date as blanks or zeros ("    :  :     :  :  ", "0000:00:00 00:00:00"). */
function isUnknownDate(raw: string): boolean {
  return /^[\s:0\u0000-]*$/u.test(raw);
}

interface StatedTime {
  wall: WallTime;
  ms: number;
  /** The offset written inside the value itself (XMP, PNG text), as written; null when none. */
  offset: string | null;
  offsetMinutes: number;
}

/** EXIF "2023:01:15 08:05:27", ISO 8601 / XMP "2023-01-15T08:05:27.5+02:00" (seconds optional). */
const EXIF_OR_ISO = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?$/u;
/** RFC 1123, which the PNG specification recommends for "Creation Time": "Sun, 15 Jan 2023 08:05:27 +0100". */
const RFC_1123 = /^(?:[A-Za-z]{3}, )?(\d{1,2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2})(?::(\d{2}))? (GMT|UTC|UT|Z|[+-]\d{4})$/u;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function parseStatedTime(raw: string): StatedTime | null {
  // EXIF ASCII values end in NUL and some writers pad with spaces; the raw value keeps them.
  const text = raw.replace(/[\s\u0000]+$/u, '').trim();
  const iso = EXIF_OR_ISO.exec(text);
  if (iso !== null) {
    const [, year, month, day, hour, minute, second, fraction, zone] = iso;
    return statedTime([year, month, day, hour, minute, second ?? '0'].map(Number) as WallParts, fraction === undefined ? 0 : Math.floor(Number(`0.${fraction}`) * 1000), zone ?? null);
  }
  const rfc = RFC_1123.exec(text);
  if (rfc !== null) {
    const [, day, monthName, year, hour, minute, second, zone] = rfc;
    const month = MONTHS.indexOf((monthName ?? '').toLowerCase()) + 1;
    if (month === 0) return null;
    return statedTime([Number(year), month, Number(day), Number(hour), Number(minute), Number(second ?? '0')], 0, zone === 'GMT' || zone === 'UTC' || zone === 'UT' ? 'Z' : (zone ?? null));
  }
  return null;
}

type WallParts = [number, number, number, number, number, number];

function statedTime([year, month, day, hour, minute, second]: WallParts, ms: number, zone: string | null): StatedTime | null {
  // No camera or phone wrote a year before 100, nor a leap second: such a value is not read as a date.
  if (year < 100 || second > 59 || !isValidWallTime({ year, month, day, hour, minute, second })) return null;
  const offsetMinutes = zone === null ? 0 : parseOffset(zone);
  if (offsetMinutes === null) return null;
  return { wall: { year, month, day, hour, minute, second }, ms, offset: zone, offsetMinutes };
}

/** "+02:00", "-0530", "Z" → minutes east of UTC; null when it is no offset. */
function parseOffset(offset: string): number | null {
  const text = offset.replace(/[\s\u0000]+$/u, '').trim();
  if (text === 'Z') return 0;
  const match = /^([+-])(\d{2}):?(\d{2})$/u.exec(text);
  if (match === null) return null;
  const [, sign, hours, minutes] = match;
  if (Number(hours) > 14 || Number(minutes) > 59) return null;
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes));
}

/** The instant of a wall time at a stated offset, by arithmetic only (Date.UTC never consults the machine's zone). */
function absolute(wall: WallTime, offsetMinutes: number, ms: number): ParsedTime {
  return { utcMs: Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, ms) - offsetMinutes * 60_000 };
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function numberOrUndefined(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
