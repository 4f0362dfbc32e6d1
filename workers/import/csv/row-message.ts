/**
 * A data row of a CSV file as a message (or, in a call log, a call record): the mapped cells give
 * its time, sender, direction, conversation and text; every other cell is kept in extra under its
 * header name, as written.
 */

import { callChatTitle, callConversationKey, callText, timeSpanSeconds } from '../sms-xml/call-log.ts';
import type { ParsedMessage, SourceLocator } from '../../../shared/contracts/parsed-source.ts';
import { defineField, type WarningLimiter } from '../import-limits.ts';
import { directionKey } from './mapping.ts';
import type { CsvMapping, ResolvedColumns } from './mapping.ts';
import { readCsvTimestamp } from './timestamps.ts';
import { INVISIBLE_MARKS } from './invisible-marks.ts';
import { cellAttachment } from './attachment-cell.ts';

type CsvRowLocator = Extract<SourceLocator, { kind: 'csv-row' }>;

/** What reading rows counts for the import's outcome. */
export interface RowCounts {
  /** Rows whose timestamp could not be read. */
  undated: number;
  /** Rows whose timestamp had a date but no time of day (read as midnight). */
  dateOnly: number;
}

export interface RowMessage {
  message: ParsedMessage;
  /** The title of the message's conversation, should it be new. */
  title: string;
}

/**
 * The message a data row holds. `fields` has the header's number of cells; the locator names the
 * row (and the file, which is the conversation when no chat or party column is mapped).
 */
export function rowMessage(fields: readonly string[], header: readonly string[], columns: ResolvedColumns, mapping: CsvMapping, locator: CsvRowLocator, counts: RowCounts, warnings: WarningLimiter): RowMessage {
  // A cell's text is evidence and is kept as written (spaces, line ends); only lookups (the time,
  // the direction words, the chat key) read its trimmed form.
  const verbatim = (index: number | null): string | null => (index === null ? null : (fields[index] ?? ''));
  const cell = (index: number | null): string | null => verbatim(index)?.trim() ?? null;
  // A time of day in a column of its own joins the date (the text as read is kept as the time as written).
  const dateText = verbatim(columns.timestamp) ?? '';
  const timeOfDay = cell(columns.time);
  const timestampText = timeOfDay === null || timeOfDay === '' ? dateText : `${dateText.trim()} ${timeOfDay}`;
  const { time, problem } = readCsvTimestamp(timestampText, mapping.timestampFormat, mapping.timeZoneAware === true);
  if (problem === null && time !== null && isDateOnly(timestampText, mapping.timestampFormat)) counts.dateOnly += 1;
  const extra: Record<string, unknown> = {};
  if (problem !== null) {
    counts.undated += 1;
    extra['timestampProblem'] = problem;
    warnings.add('timestamp', `${locator.file}:${locator.line}`, problem);
  }
  // A duration is read into the call only in a call log; beside a text it stays in extra as written.
  const mapped = new Set([
    columns.timestamp, columns.time, columns.text, columns.text === null ? columns.duration : null, columns.sender, columns.party, columns.chat, columns.direction,
    columns.deletedDate, columns.editedDate, columns.attachment, columns.attachmentType,
  ]);
  header.forEach((name, index) => {
    if (!mapped.has(index)) defineField(extra, extraKeyOf(extra, name, index), fields[index] ?? '');
  });
  // Invisible direction marks (FORMATS.md §0.3) are no part of the word.
  const directionText = verbatim(columns.direction)?.replace(INVISIBLE_MARKS, '').trim() ?? null;
  const direction = directionText === null || directionText === '' ? null : directionOf(directionText, mapping.directionValues);
  if (directionText !== null && directionText !== '' && direction === null) extra['directionText'] = verbatim(columns.direction);
  // The sender is a participant: named by the cell's trimmed text, so a padded column ("  ana ")
  // does not make a second "ana"; the cell as written is kept beside it when it differs.
  // The other party (mapping.party) is the sender of what came in; what went out is the owner's.
  const partyValue = cell(columns.party);
  if (partyValue !== null && partyValue !== '') extra['party'] = partyValue;
  const senderCell = columns.sender !== null ? verbatim(columns.sender) : direction === 'incoming' ? verbatim(columns.party) : null;
  const sender = senderCell?.trim() ?? null;
  if (senderCell !== null && sender !== null && sender !== '' && senderCell !== sender) extra['senderAsWritten'] = senderCell;
  const chatValue = cell(columns.chat);
  const conversation = columns.chat !== null
    ? chatValue === null || chatValue === '' ? '(no chat)' : chatValue
    : columns.party !== null
      ? partyValue === null || partyValue === '' ? '(no party)' : partyValue
      : locator.file;
  // A call log (a duration mapped, no text): each row is a call, kept apart from the party's texts as other importers keep calls.
  const call = columns.text === null ? callFacts(verbatim(columns.duration), direction, extra) : null;
  const key = call !== null && columns.chat === null ? callConversationKey(conversation) : conversation;
  // A deletion or edit date marks the message so; the date stays as written (it is zone-less wall time in iMazing's export).
  const deletedDate = verbatim(columns.deletedDate);
  const deleted = deletedDate !== null && deletedDate.trim() !== '';
  if (deleted) extra['deletedDate'] = deletedDate;
  const editedDate = verbatim(columns.editedDate);
  const edited = editedDate !== null && editedDate.trim() !== '';
  if (edited) extra['editedDate'] = editedDate;
  const attachment = cellAttachment(verbatim(columns.attachment), verbatim(columns.attachmentType), extra);
  const message: ParsedMessage = {
    chatKey: key,
    kind: call === null ? 'message' : 'system',
    sender: sender === null || sender === '' ? null : sender,
    direction,
    time,
    timestampText,
    text: call ?? verbatim(columns.text) ?? '',
    attachments: attachment === null ? [] : [attachment],
    deleted,
    edited,
    locator,
    extra,
  };
  return { message, title: call !== null && columns.chat === null ? callChatTitle(null, partyValue === null || partyValue === '' ? null : partyValue) : key };
}

const INCOMING = /^(?:in|incoming|inbound|received|receive|recv|inbox|rx|1)$/iu;
const OUTGOING = /^(?:out|outgoing|outbound|sent|send|outbox|tx|2)$/iu;

/** The direction a cell names: by the mapping's values when it gives them, else by the usual words. */
function directionOf(text: string, values: CsvMapping['directionValues']): 'incoming' | 'outgoing' | null {
  if (values !== undefined) {
    const key = directionKey(text);
    if (values.incoming.some((value) => directionKey(value) === key)) return 'incoming';
    return values.outgoing.some((value) => directionKey(value) === key) ? 'outgoing' : null;
  }
  return INCOMING.test(text) ? 'incoming' : OUTGOING.test(text) ? 'outgoing' : null;
}

/**
 * A call-log row's sentence ("Outgoing call, 2 min 0 s"), its facts put in `extra` (recordType
 * 'call', the length in seconds and as written). What became of the call (missed, rejected) is
 * only in the export's own columns, which stay in extra as written: nothing is guessed from them.
 */
function callFacts(durationText: string | null, direction: 'incoming' | 'outgoing' | null, extra: Record<string, unknown>): string {
  const seconds = durationText === null || durationText.trim() === '' ? null : timeSpanSeconds(durationText);
  extra['recordType'] = 'call';
  extra['durationSeconds'] = seconds;
  if (durationText !== null && String(seconds) !== durationText) extra['durationAsWritten'] = durationText;
  return callText({ direction, outcome: 'unknown', durationSeconds: seconds, video: null, app: null });
}

/**
 * The key an unmapped cell is kept under: its header name, or its column number when the name is
 * empty or already taken (a header may repeat a name; the second cell must not overwrite the first).
 */
function extraKeyOf(extra: Record<string, unknown>, name: string, index: number): string {
  const trimmed = name.trim();
  if (trimmed === '') return `column ${index + 1}`;
  return Object.hasOwn(extra, trimmed) ? `${trimmed} (column ${index + 1})` : trimmed;
}

/** Formats read as a date with an optional time; a value of them with no ':' has no time of day. */
const DATE_FORMATS: ReadonlySet<string | undefined> = new Set(['iso', 'dmy', 'mdy', 'ymd', undefined]);

/** A clock after the date: "18:00", "6.12", "T09:30" (the date readers take ':' or '.' between hour and minute). */
const CLOCK_AFTER_DATE = /[ T,]\d{1,2}[:.]\d{2}(?!\d)/u;

function isDateOnly(value: string, format: CsvMapping['timestampFormat']): boolean {
  const trimmed = value.trim();
  return DATE_FORMATS.has(format) && !CLOCK_AFTER_DATE.test(trimmed) && !/^-?\d+(?:[.,]\d+)?$/u.test(trimmed);
}
