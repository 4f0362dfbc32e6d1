/**
 * The column mapping the examiner gives for a CSV file (CSV has no fixed layout, so it is only
 * imported with one). It crosses a process boundary from the UI, so it is checked with a schema
 * here at the edge, and its columns are resolved against the file's header row.
 */

import { z } from 'zod';
import { AppError } from '../../../shared/errors.ts';

/** A header name (matched exactly, then ignoring case and surrounding spaces) or a 0-based index. */
export type CsvColumn = string | number;

/**
 * "excel": Excel's serial dates (days since 1899-12-30, the time a fraction of a day), as a sheet
 * saved as CSV writes a date cell in the "General" format; "excel-1904": a Mac workbook's 1904
 * system (days since 1904-01-01). Both are wall clock: Excel stores no zone.
 */
export type CsvTimestampFormat = 'iso' | 'unix-ms' | 'unix-s' | 'dmy' | 'mdy' | 'ymd' | 'excel' | 'excel-1904';

export interface CsvMapping {
  timestamp: CsvColumn;
  /**
   * A column holding the time of day when the timestamp column holds only the date (an export
   * writing "13/11/24" and "6:00 pm" apart): read as one, the date, a space, the time.
   */
  time?: CsvColumn;
  sender?: CsvColumn;
  /**
   * The column naming the other party of each message, whichever way it went (an SMS dump's
   * `address`, a `from_to`, a `Counterparty`): the sender of an incoming message; an outgoing
   * one is the owner's, so it has no sender; and, when no chat column is mapped, the conversation.
   * Mapping such a column as `sender` would make the other party the author of the owner's texts.
   */
  party?: CsvColumn;
  /** The message text; a call log has none, and maps `duration` instead. */
  text?: CsvColumn;
  /**
   * A call's length (seconds, or `h:mm:ss`/`mm:ss`). Mapped without `text`, it says the file is a
   * call log: each row becomes a call record (its sentence "Incoming call, 1 min 0 s", the facts in
   * extra) instead of a message; a call log exported by a phone tool has no text column to map.
   */
  duration?: CsvColumn;
  chat?: CsvColumn;
  direction?: CsvColumn;
  /**
   * When the message was deleted, in a column written only for deleted messages (iMazing's
   * "Deleted Date"): a row with a value there is marked deleted, the value kept as written in
   * extra.deletedDate.
   */
  deletedDate?: CsvColumn;
  /** When the message was edited (iMazing's "Edited Date"): likewise marks it edited, extra.editedDate. */
  editedDate?: CsvColumn;
  /**
   * The name of a file sent with the message (iMazing's "Attachment"): the message's attachment,
   * by that name alone; the CSV does not say where its bytes are.
   */
  attachment?: CsvColumn;
  /**
   * The attachment's type (iMazing's "Attachment type"): a MIME type becomes the attachment's;
   * anything else is kept as written in extra.attachmentType. Only with `attachment`.
   */
  attachmentType?: CsvColumn;
  /** false: the file has no header row, and every column is mapped by its 0-based index. */
  header?: boolean;
  /** How the timestamp column is written; without it, numbers are read as Unix time by size and text as ISO 8601. */
  timestampFormat?: CsvTimestampFormat;
  /**
   * true: zone-less times in the file are UTC instants (the export says so); false or absent:
   * they are wall-clock times of the device, converted later with the case's recorded zone.
   * Unix times and times that state their offset ("…Z", "…+02:00", "…(UTC+2)") are instants either way.
   */
  timeZoneAware?: boolean;
  /** Field delimiter; ',' unless given (sniffCsvLayout suggests one). */
  delimiter?: string;
  /**
   * The file's text encoding when it is not UTF-8: a legacy code page (Excel's plain "CSV" on
   * Windows writes the machine's, e.g. windows-1252). A byte order mark, when there is one, wins.
   */
  encoding?: CsvDeclaredEncoding;
  /**
   * The values of the direction column that mean each direction (case and surrounding spaces
   * ignored). Without it, words ("incoming", "sent"…) and Android's SMS type (1 received, 2 sent)
   * are read; a flag where 1 means sent (iOS is_from_me) needs `{"incoming":["0"],"outgoing":["1"]}`.
   */
  directionValues?: { incoming: string[]; outgoing: string[] };
}

/** Encodings a mapping may name: UTF-8 and the legacy code pages exports are met in. */
export const CSV_DECLARED_ENCODINGS = [
  'utf-8', 'windows-1250', 'windows-1251', 'windows-1252', 'windows-1253', 'windows-1254', 'windows-1255', 'windows-1256', 'windows-1257',
  'iso-8859-1', 'iso-8859-2', 'iso-8859-5', 'iso-8859-7', 'iso-8859-9', 'koi8-r', 'koi8-u', 'shift_jis', 'euc-jp', 'gb18030', 'big5', 'euc-kr',
] as const;
export type CsvDeclaredEncoding = (typeof CSV_DECLARED_ENCODINGS)[number];

/** The mapping's keys that name a column. */
export const MAPPED_ROLES = ['timestamp', 'time', 'sender', 'party', 'text', 'duration', 'chat', 'direction', 'deletedDate', 'editedDate', 'attachment', 'attachmentType'] as const;

const column = z.union([z.string().min(1), z.number().int().nonnegative()]);
export const csvMappingSchema = z.strictObject({
  timestamp: column,
  time: column.optional(),
  sender: column.optional(),
  party: column.optional(),
  text: column.optional(),
  duration: column.optional(),
  chat: column.optional(),
  direction: column.optional(),
  deletedDate: column.optional(),
  editedDate: column.optional(),
  attachment: column.optional(),
  attachmentType: column.optional(),
  header: z.boolean().optional(),
  timestampFormat: z.enum(['iso', 'unix-ms', 'unix-s', 'dmy', 'mdy', 'ymd', 'excel', 'excel-1904']).optional(),
  timeZoneAware: z.boolean().optional(),
  delimiter: z.string().length(1).optional(),
  encoding: z.enum(CSV_DECLARED_ENCODINGS).optional(),
  directionValues: z
    .strictObject({ incoming: z.array(z.string()).min(1), outgoing: z.array(z.string()).min(1) })
    .refine(({ incoming, outgoing }) => !incoming.some((value) => outgoing.map(directionKey).includes(directionKey(value))), { message: 'a value is named for both directions' })
    .optional(),
}).refine((mapping) => mapping.text !== undefined || mapping.duration !== undefined, {
  message: 'map the text column, or for a call log (no text) its duration column',
  path: ['text'],
}).refine((mapping) => mapping.attachmentType === undefined || mapping.attachment !== undefined, {
  message: 'an attachment type needs the attachment column it describes: map that too',
  path: ['attachmentType'],
}).refine((mapping) => mapping.header !== false || MAPPED_ROLES.every((role) => typeof mapping[role] !== 'string'), {
  message: 'a file without a header row ("header": false) has no column names: map every column by its 0-based index',
});

/** A direction value as compared: trimmed, case folded. */
export function directionKey(value: string): string {
  return value.trim().toLowerCase();
}

/** Checks a mapping from outside; throws AppError('E_INVALID_REQUEST') saying what is wrong. */
export function validateCsvMapping(mapping: unknown): CsvMapping {
  const result = csvMappingSchema.safeParse(mapping);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'mapping'}: ${issue.message}`).join('; ');
    throw new AppError('E_INVALID_REQUEST', `the CSV column mapping is not valid: ${problems}`);
  }
  // Rebuilt field by field so absent options stay absent (exactOptionalPropertyTypes).
  const data = result.data;
  const valid: CsvMapping = { timestamp: data.timestamp };
  if (data.text !== undefined) valid.text = data.text;
  if (data.duration !== undefined) valid.duration = data.duration;
  if (data.time !== undefined) valid.time = data.time;
  if (data.sender !== undefined) valid.sender = data.sender;
  if (data.party !== undefined) valid.party = data.party;
  if (data.header !== undefined) valid.header = data.header;
  if (data.chat !== undefined) valid.chat = data.chat;
  if (data.direction !== undefined) valid.direction = data.direction;
  if (data.deletedDate !== undefined) valid.deletedDate = data.deletedDate;
  if (data.editedDate !== undefined) valid.editedDate = data.editedDate;
  if (data.attachment !== undefined) valid.attachment = data.attachment;
  if (data.attachmentType !== undefined) valid.attachmentType = data.attachmentType;
  if (data.timestampFormat !== undefined) valid.timestampFormat = data.timestampFormat;
  if (data.timeZoneAware !== undefined) valid.timeZoneAware = data.timeZoneAware;
  if (data.delimiter !== undefined) valid.delimiter = data.delimiter;
  if (data.encoding !== undefined) valid.encoding = data.encoding;
  if (data.directionValues !== undefined) valid.directionValues = data.directionValues;
  return valid;
}

/**
 * Rows with content above the header looked through for it (a report's title and case lines);
 * past them the first row's error stands. The import and the mapping UI look as far.
 */
export const TITLE_ROWS_LOOKED_AT = 20;

/**
 * Whether a row can be the mapping's header: it holds every mapped column, as resolveColumns
 * finds them. The rule by which the import takes its header row, and the mapping UI shows it.
 */
export function holdsMappedColumns(header: readonly string[], mapping: CsvMapping): boolean {
  try {
    resolveColumns(header, mapping, '');
    return true;
  } catch {
    return false;
  }
}

export interface ResolvedColumns {
  timestamp: number;
  /** Null in a call log, which maps a duration instead. */
  text: number | null;
  duration: number | null;
  time: number | null;
  sender: number | null;
  party: number | null;
  chat: number | null;
  direction: number | null;
  deletedDate: number | null;
  editedDate: number | null;
  attachment: number | null;
  attachmentType: number | null;
}

/**
 * Column indexes for the mapping; throws AppError('E_IMPORT_FORMAT') naming a column the header
 * lacks. `place`: the header row's file and line ("calls.csv:3"), for the error.
 */
export function resolveColumns(header: readonly string[], mapping: CsvMapping, place: string): ResolvedColumns {
  const find = (role: string, wanted: CsvColumn | undefined): number | null => {
    if (wanted === undefined) return null;
    if (typeof wanted === 'number') {
      if (wanted < header.length) return wanted;
      throw new AppError('E_IMPORT_FORMAT', `${place}: the ${role} column is mapped to index ${wanted}, but the header has ${header.length} columns`);
    }
    const exact = header.indexOf(wanted);
    if (exact !== -1) return exact;
    const loose = header.findIndex((name) => name.trim().toLowerCase() === wanted.trim().toLowerCase());
    if (loose !== -1) return loose;
    throw new AppError('E_IMPORT_FORMAT', `${place}: the ${role} column "${wanted}" is not in the header (columns: ${header.map((name) => JSON.stringify(name.trim())).join(', ')})`);
  };
  return {
    timestamp: find('timestamp', mapping.timestamp) ?? 0,
    text: find('text', mapping.text),
    duration: find('duration', mapping.duration),
    time: find('time', mapping.time),
    sender: find('sender', mapping.sender),
    party: find('party', mapping.party),
    chat: find('chat', mapping.chat),
    direction: find('direction', mapping.direction),
    deletedDate: find('deletedDate', mapping.deletedDate),
    editedDate: find('editedDate', mapping.editedDate),
    attachment: find('attachment', mapping.attachment),
    attachmentType: find('attachmentType', mapping.attachmentType),
  };
}
