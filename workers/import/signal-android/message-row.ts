/**
 * One row of Signal Android's `sms`, `mms` or `message` table as a ParsedMessage. The tables and
 * their columns by database version, as signalbackup-tools' SignalBackup::setColumnNames lists
 * them (bepaald/signalbackup-tools, signalbackup/setcolumnnames.cc) and Signal-Android's
 * SmsDatabase.java, MmsDatabase.java, MmsSmsColumns.java and MessageTable.kt define them:
 *
 * - `sms` (until `sms` and `mms` were merged into `message`, version 174): `date_sent`, and the
 *   time received in `date` (`date_received` from version 166); the other party in `address`
 *   (`recipient_id` from 166); `type`.
 * - `mms`: the time sent in `date` (`date_sent` from 166), `date_received`; the type in `msg_box`
 *   (`type` from 166); the other party in `address` (`recipient_id` from 166).
 * - `message` (174 on): `date_sent`, `date_received`, `type`; the party in `recipient_id` until
 *   185, then the sender in `from_recipient_id` and the addressee in `to_recipient_id`.
 *
 * Until 185 the row names the other party only: the sender of an incoming message (a group
 * member in a group), the addressee of an outgoing one, so an outgoing message's sender, the
 * owner, is not named. From 185 `from_recipient_id` names the sender of every message, the owner's
 * own recipient row for an outgoing one. Direction, events, failures and drafts are read from
 * the type (message-types.ts). The time is `date_sent` (milliseconds, the sender's clock, which
 * Signal shows), `date_received` kept in extra. `remote_deleted` marks a message its sender
 * deleted for everyone (the app empties its body). Quotes: `quote_id` is the quoted message's
 * date_sent, `quote_author` its author's recipient id, `quote_body` its text (MmsDatabase.java).
 */

import type { ParsedMessage } from '../../../shared/contracts/parsed-source.ts';
import type { ColumnRequest, Row } from '../sqlite/index.ts';
import { flagValue, integerValue, isoOrNull, nonEmptyText, putExtra, sqliteRowLocator, textValue, unixTime } from '../sqlite/index.ts';
import type { AttachmentReader } from './attachments.ts';
import { readType, typeHex } from './message-types.ts';
import type { TypeReading } from './message-types.ts';
import type { MentionReader } from './mentions.ts';
import type { ReactionReader } from './reactions.ts';
import type { RecipientBook, SignalRecipient } from './recipients.ts';
import { recipientId, recipientRef, unknownRecipient } from './recipients.ts';
import type { SignalThreads } from './threads.ts';

/** Which columns a message table of this database uses (by version: see above). */
export interface MessageTableSpec {
  table: 'sms' | 'mms' | 'message';
  dateSent: string;
  dateReceived: string;
  type: string;
  /** The party column: from_recipient_id (the sender), or recipient_id / address (the other party). */
  party: string;
  partyIsSender: boolean;
  hasAttachments: boolean;
}

/** The spec of `table` from its columns. */
export function messageTableSpec(table: 'sms' | 'mms' | 'message', columns: ReadonlySet<string>): MessageTableSpec {
  const first = (...names: string[]): string => names.find((name) => columns.has(name)) ?? names[0] ?? '';
  const party = first('from_recipient_id', 'recipient_id', 'address');
  if (table === 'sms') {
    return { table, dateSent: 'date_sent', dateReceived: first('date_received', 'date'), type: 'type', party, partyIsSender: false, hasAttachments: false };
  }
  return { table, dateSent: first('date_sent', 'date'), dateReceived: 'date_received', type: first('type', 'msg_box'), party, partyIsSender: party === 'from_recipient_id', hasAttachments: true };
}

/** The columns read by name for `spec` (the rest are kept as other columns). */
export function messageColumns(spec: MessageTableSpec): (string | ColumnRequest)[] {
  return [
    '_id',
    'thread_id',
    { name: spec.dateSent, asText: true },
    { name: spec.dateReceived, asText: true },
    { name: 'date_server', asText: true },
    { name: spec.type, asText: true },
    spec.party,
    'to_recipient_id',
    'body',
    'remote_deleted',
    'read',
    'expires_in',
    'view_once',
    { name: 'quote_id', asText: true },
    'quote_author',
    'quote_body',
    'quote_missing',
    'latest_revision_id',
    'original_message_id',
    'revision_number',
  ];
}

export interface MessageContext {
  file: string;
  spec: MessageTableSpec;
  book: RecipientBook;
  threads: SignalThreads;
  attachments: AttachmentReader;
  reactions: ReactionReader;
  mentions: MentionReader;
}

export interface RowResult {
  message: ParsedMessage;
  reading: TypeReading | null;
  /** Why the type column could not be read as a type (NULL, negative, not an integer), or null. */
  typeProblem: string | null;
  attachmentsUnreadable: string | null;
}

export function messageRowToMessage(row: Row, context: MessageContext): RowResult {
  const { spec, book } = context;
  const threadId = integerValue(row['thread_id']);
  const chatKey = context.threads.chatKeyFor(threadId);
  const extra: Record<string, unknown> = { table: spec.table };

  const typeText = textValue(row[`${spec.type}__text`]);
  const typeValue = typeText !== null && /^\d+$/u.test(typeText) ? Number(typeText) : null;
  const typeProblem = typeValue === null || !Number.isSafeInteger(typeValue) ? `its ${spec.type} is ${typeText === null ? 'NULL' : `"${typeText}"`}, not a type Signal writes (a non-negative integer)` : null;
  const reading = typeProblem === null && typeValue !== null ? readType(typeValue) : null;
  putExtra(extra, 'typeValue', typeText);
  if (reading !== null && typeValue !== null) {
    extra['typeHex'] = typeHex(typeValue);
    putExtra(extra, 'baseType', reading.baseName ?? `undefined (${reading.baseType})`);
    putExtra(extra, 'specialType', reading.specialName);
    if (reading.flags.length > 0) extra['typeFlags'] = reading.flags;
    putExtra(extra, 'typeUnknown', reading.unknown);
    if (reading.failed) extra['failed'] = true;
    if (reading.draft) extra['draft'] = true;
    if (reading.notYetSent) extra['notYetSent'] = true;
  } else extra['typeUnknown'] = typeProblem;
  const direction = reading?.direction ?? null;

  // The party: the sender (from_recipient_id), or the other party of an older row.
  const reference = recipientRef(row[spec.party]);
  const partyId = reference.id;
  // Before recipient ids the column held the address itself: a party known by its number only.
  const party = partyId !== null ? (book.recipients.get(partyId) ?? unknownRecipient(partyId)) : reference.address === null ? null : { ...unknownRecipient(-1), phone: reference.address };
  putExtra(extra, 'partyAddress', reference.address);
  putExtra(extra, spec.partyIsSender ? 'fromRecipientId' : 'partyRecipientId', partyId);
  if (partyId !== null && !book.recipients.has(partyId)) extra['partyNotInRecipients'] = true;
  const toId = integerValue(row['to_recipient_id']);
  putExtra(extra, 'toRecipientId', toId);
  let sender: SignalRecipient | null = null;
  if (spec.partyIsSender) sender = party;
  else if (direction === 'outgoing') {
    // The row names the addressee; the owner who sent it is not named in this version.
    if (party !== null) extra['to'] = describe(party, book);
  } else sender = party;
  if (sender !== null && direction === 'outgoing') extra['senderIsOwner'] = true;

  const sent = unixTime(row[spec.dateSent], row[`${spec.dateSent}__text`]);
  const received = unixTime(row[spec.dateReceived], row[`${spec.dateReceived}__text`]);
  const time = sent.time ?? received.time;
  extra['timeColumn'] = sent.time === null && received.time !== null ? spec.dateReceived : spec.dateSent;
  if (received.time !== null) {
    extra['receivedAt'] = isoOrNull(received);
    extra['dateReceivedText'] = received.timestampText;
  }
  putExtra(extra, 'serverAt', isoOrNull(unixTime(row['date_server'], row['date_server__text'])));
  putExtra(extra, 'threadId', threadId);
  putExtra(extra, 'read', row['read'] === null || row['read'] === undefined ? null : flagValue(row['read']));
  putExtra(extra, 'expiresInMs', positive(integerValue(row['expires_in'])));
  if (flagValue(row['view_once'])) extra['viewOnce'] = true;
  putExtra(extra, 'quote', quoteOf(row, book));

  const messageId = integerValue(row['_id']);
  let attachmentsUnreadable: string | null = null;
  let attachments: ParsedMessage['attachments'] = [];
  if (spec.hasAttachments) {
    const content = context.attachments.read(messageId);
    attachments = content.attachments;
    if (content.facts.length > 0) extra['attachmentRows'] = content.facts;
    if (content.quoteThumbnails.length > 0) extra['quoteThumbnails'] = content.quoteThumbnails;
    if (content.cut) extra['attachmentsCut'] = true;
    if (content.unreadable !== undefined) {
      attachmentsUnreadable = content.unreadable;
      extra['attachmentsUnreadable'] = content.unreadable;
    }
  }
  try {
    const reactions = context.reactions.read(spec.table, messageId);
    if (reactions.length > 0) extra['reactions'] = reactions;
  } catch (error) {
    extra['reactionsUnreadable'] = error instanceof Error ? error.message : String(error);
  }

  // Edits (MessageTable.kt): a newer revision is a row of its own naming the first in
  // original_message_id; each older one names the latest in latest_revision_id.
  const original = positive(integerValue(row['original_message_id']));
  putExtra(extra, 'originalMessageId', original);
  putExtra(extra, 'revisionNumber', positive(integerValue(row['revision_number'])));
  const latest = positive(integerValue(row['latest_revision_id']));
  if (latest !== null) {
    extra['supersededByRevision'] = latest;
    extra['olderRevision'] = true;
  }
  const deleted = flagValue(row['remote_deleted']);
  if (deleted) extra['remoteDeleted'] = true;
  const body = textValue(row['body']) ?? '';
  const event = reading?.event ?? null;
  let text = body;
  if (event === null && spec.hasAttachments && body !== '') {
    // Mentions are kept for mms and message rows (signalbackup-tools reads them for those only).
    try {
      const mentioned = context.mentions.read(messageId, body);
      if (mentioned !== null) {
        extra['mentions'] = mentioned.mentions;
        if (mentioned.notApplied !== null) extra['mentionsNotWrittenIn'] = mentioned.notApplied;
        if (mentioned.text !== body) {
          text = mentioned.text;
          extra['bodyAsStored'] = body;
        }
      }
    } catch (error) {
      extra['mentionsUnreadable'] = error instanceof Error ? error.message : String(error);
    }
  }
  if (event !== null) {
    // Signal composes an event's words when it shows it; the body, when any, is kept as stored
    // (a group update's body is the encoded change, not words).
    text = event;
    extra['textGenerated'] = true;
    if (body !== '') extra['bodyAsStored'] = body;
    extra['systemReason'] = `the type says a Signal event (${reading?.baseName ?? ''}${reading?.flags.length === 0 ? '' : ` ${reading?.flags.join(' ') ?? ''}`}), not a message a person wrote`;
  }

  return {
    message: {
      chatKey,
      kind: event === null ? 'message' : 'system',
      sender: sender?.name ?? (sender === null ? null : recipientId(sender)),
      senderId: sender === null ? null : recipientId(sender),
      direction,
      time,
      timestampText: sent.time === null && received.time !== null ? received.timestampText : sent.timestampText,
      text,
      attachments,
      deleted,
      edited: original !== null,
      locator: sqliteRowLocator(context.file, spec.table, row),
      extra,
    },
    reading,
    typeProblem,
    attachmentsUnreadable,
  };
}

function describe(recipient: SignalRecipient, book: RecipientBook): Record<string, unknown> {
  const facts: Record<string, unknown> = {};
  // A party known by its address only (before recipient ids) has no recipient row.
  if (recipient.id >= 0) facts['recipientId'] = recipient.id;
  // An outgoing group message names the group's recipient row, which has no name of its own.
  putExtra(facts, 'name', recipient.name ?? book.groupsByRecipient.get(recipient.id)?.title ?? null);
  putExtra(facts, 'groupId', recipient.groupId);
  putExtra(facts, 'id', recipientId(recipient));
  return facts;
}

function quoteOf(row: Row, book: RecipientBook): Record<string, unknown> | null {
  const quoteSent = unixTime(row['quote_id'], row['quote_id__text']);
  if (quoteSent.time === null) return null;
  const quote: Record<string, unknown> = { quotedSentAt: isoOrNull(quoteSent), quoteIdText: quoteSent.timestampText };
  const authorId = integerValue(row['quote_author']);
  if (authorId !== null && authorId !== 0) {
    const author = book.recipients.get(authorId);
    quote['authorRecipientId'] = authorId;
    putExtra(quote, 'author', author?.name ?? null);
    putExtra(quote, 'authorId', author === undefined ? null : recipientId(author));
  }
  putExtra(quote, 'body', nonEmptyText(row['quote_body']));
  if (flagValue(row['quote_missing'])) quote['quotedMessageMissing'] = true;
  return quote;
}

function positive(value: number | null): number | null {
  return value !== null && value > 0 ? value : null;
}
