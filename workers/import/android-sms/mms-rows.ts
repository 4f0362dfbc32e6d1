/**
 * One MMS (`pdu` row with its `part`s and `addr`s) as a ParsedMessage. The text is in the
 * text/plain parts; other parts are files the provider stored under `app_parts/`, referenced by
 * `_data`. Their bytes are read when the file was extracted beside the database (a companion),
 * and otherwise the attachment keeps the device path.
 */

import type { Database } from 'sql.js';
import type { MediaType, ParsedAttachment, ParsedMessage, ParsedTime, ParserInput } from '../../../shared/contracts/parsed-source.ts';
import type { ColumnRequest, Row } from '../sqlite/index.ts';
import {
  Lookup,
  columnsOf,
  flagValue,
  hasTable,
  integerValue,
  isoOrNull,
  nonEmptyText,
  putExtra,
  selectExpressions,
  sqliteRowLocator,
  storedOrder,
  textValue,
  unixTime,
} from '../sqlite/index.ts';
import { isPduNotice, MMS_NOTIFICATION_IND, pduNoticeText } from '../mms/pdu-notices.ts';
import { smilPartOrder } from '../mms/smil-order.ts';
import { bareContentType, storedMmsSubjectText } from '../mms/pdu-headers.ts';
import type { ThreadBook } from './threads.ts';

/** Columns read from `pdu` by name (only those used here: the rest are kept among the other columns). */
export const PDU_COLUMNS: readonly (string | ColumnRequest)[] = [
  '_id',
  'thread_id',
  { name: 'date', asText: true },
  { name: 'date_sent', asText: true },
  'msg_box',
  'read',
  'seen',
  'm_id',
  'sub',
  'sub_cs',
  'ct_l',
  'exp',
  'm_type',
  'm_size',
  'tr_id',
  'st',
  'read_status',
  'd_rpt',
  'rr',
  'locked',
  'creator',
  'deleted',
  // MIUI: the milliseconds of `date`, which Android keeps in seconds.
  'date_ms_part',
];

/**
 * A `date` in whole seconds with MIUI's `date_ms_part` beside it (the milliseconds Android's own
 * column has no room for) [belief: MIUI's schema; no sample]: one instant, to the millisecond. The
 * column itself stays in extra as well. A part that is no millisecond (0, 1000, negative) is not added.
 */
function withMillisecondsPart(time: ParsedTime, part: number | null): ParsedTime {
  if (time === null || !('utcMs' in time) || part === null || part <= 0 || part >= 1000 || time.utcMs % 1000 !== 0) return time;
  return { utcMs: time.utcMs + part };
}

/** X-Mms-Message-Type values (OMA MMS encapsulation); only send_req and retrieve_conf carry content. */
const MESSAGE_TYPES: Record<number, string> = {
  128: 'send_req',
  129: 'send_conf',
  130: 'notification_ind',
  131: 'notifyresp_ind',
  132: 'retrieve_conf',
  133: 'acknowledge_ind',
  134: 'delivery_ind',
  135: 'read_rec_ind',
  136: 'read_orig_ind',
};
const CONTENT_TYPES = new Set([128, 132]);
/** `addr.type` of a To address. */
const ADDRESS_TO = 151;

/** `addr.type` (PduHeaders): who an address is. */
const ADDRESS_FROM = 137;
const ADDRESS_ROLES: Record<number, string> = { 137: 'from', 151: 'to', 130: 'cc', 129: 'bcc' };
/** What the provider writes instead of the owner's own number. */
const SELF_PLACEHOLDER = 'insert-address-token';
/** Part file names that are safe to look up as companions (no separators, no "..") */
const SAFE_PART_NAME = /^[\w][\w.-]*$/u;

export const MSG_BOX: Record<number, string> = { 1: 'inbox', 2: 'sent', 3: 'draft', 4: 'outbox', 5: 'failed' };

export function mmsDirection(box: number | null): 'incoming' | 'outgoing' | null {
  if (box === 1) return 'incoming';
  if (box !== null && box >= 2 && box <= 5) return 'outgoing';
  return null;
}

export class MmsReader {
  private readonly parts: Lookup | null;
  private readonly addresses: Lookup | null;

  constructor(
    db: Database,
    private readonly input: ParserInput,
  ) {
    this.parts = hasTable(db, 'part')
      ? new Lookup(db, `SELECT ${selectExpressions(columnsOf(db, 'part'), 't', ['_id', 'seq', 'ct', 'name', 'fn', 'cl', 'cid', '_data', 'text']).join(', ')} FROM part AS t WHERE t.mid = ? ORDER BY t.seq, t._id`, [{ table: 'part', columns: ['mid'] }])
      : null;
    this.addresses = hasTable(db, 'addr')
      ? new Lookup(db, `SELECT ${selectExpressions(columnsOf(db, 'addr'), 't', ['address', 'type']).join(', ')} FROM addr AS t WHERE t.msg_id = ? ORDER BY ${storedOrder(db, 'addr', 't')}`, [{ table: 'addr', columns: ['msg_id'] }])
      : null;
  }

  async toMessage(row: Row, file: string, threads: ThreadBook): Promise<ParsedMessage> {
    const id = integerValue(row['_id']);
    const box = integerValue(row['msg_box']);
    const messageType = integerValue(row['m_type']);
    const direction = mmsDirection(box);
    const addresses = this.addresses === null || id === null ? [] : this.addresses.all(id);
    const from = addresses.find((address) => integerValue(address['type']) === ADDRESS_FROM);
    const fromAddress = nonEmptyText(from?.['address']);
    const sender = direction === 'incoming' && fromAddress !== SELF_PLACEHOLDER ? fromAddress : null;
    const chatKey = threads.chatKeyFor(integerValue(row['thread_id']), otherParties(sender, addresses));

    const texts: string[] = [];
    const attachments: ParsedAttachment[] = [];
    let smilParts = 0;
    const parts = this.parts === null || id === null ? [] : this.parts.all(id);
    // Texts and attachments follow the SMIL's layout, not the order the rows were written in.
    const partOrder = smilPartOrder(smilText(parts), parts.map((part) => ({ cl: nonEmptyText(part['cl']), name: nonEmptyText(part['name']), fn: nonEmptyText(part['fn']), cid: nonEmptyText(part['cid']) })));
    for (const index of partOrder.order) {
      const part = parts[index];
      if (part === undefined) continue;
      const contentType = (nonEmptyText(part['ct']) ?? '').toLowerCase();
      if (bareContentType(contentType) === 'application/smil') {
        smilParts += 1;
        // A SMIL in `text` only lays the parts out; one kept in a file is named like any part file.
        if (part['text'] === null && nonEmptyText(part['_data']) !== null) attachments.push(await this.attachment(part, contentType));
      } else if (isInlineText(part, contentType)) {
        const text = textValue(part['text']);
        // An empty part (a slide with no words) adds no line to the joined text.
        if (text !== null && text !== '') texts.push(text);
        // Text that also has a file: the file is named too, or its path would be lost.
        if (nonEmptyText(part['_data']) !== null) attachments.push(await this.attachment(part, contentType));
      } else attachments.push(await this.attachment(part, contentType));
    }

    const date = unixTime(row['date'], row['date__text']);
    const time = withMillisecondsPart(date.time, integerValue(row['date_ms_part']));
    const extra: Record<string, unknown> = { transport: 'mms' };
    putExtra(extra, 'dateMillisecondsPart', integerValue(row['date_ms_part']));
    putExtra(extra, 'box', box === null ? null : MSG_BOX[box] ?? `unknown (${box})`);
    putExtra(extra, 'mmsType', messageType === null ? null : MESSAGE_TYPES[messageType] ?? `unknown (${messageType})`);
    const subject = nonEmptyText(row['sub']);
    const decodedSubject = subject === null ? null : storedMmsSubjectText(subject, integerValue(row['sub_cs']));
    putExtra(extra, 'subject', decodedSubject);
    if (decodedSubject !== subject) putExtra(extra, 'subjectAsStored', subject);
    putExtra(extra, 'dateSent', isoOrNull(unixTime(row['date_sent'], row['date_sent__text'])));
    putExtra(extra, 'read', row['read'] === null ? null : flagValue(row['read']));
    putExtra(extra, 'seen', row['seen'] === null ? null : flagValue(row['seen']));
    putExtra(extra, 'messageId', nonEmptyText(row['m_id']));
    putExtra(extra, 'transactionId', nonEmptyText(row['tr_id']));
    putExtra(extra, 'contentLocation', nonEmptyText(row['ct_l']));
    putExtra(extra, 'creator', nonEmptyText(row['creator']));
    if (smilParts > 0) extra['smilParts'] = smilParts;
    putExtra(extra, 'partOrderNote', partOrder.note);
    const recipients = addresses
      .filter((address) => integerValue(address['type']) !== ADDRESS_FROM)
      .map((address) => {
        const role = ADDRESS_ROLES[integerValue(address['type']) ?? 0] ?? `type ${String(address['type'])}`;
        const text = textValue(address['address']);
        return text === SELF_PLACEHOLDER ? { role, address: null, self: true } : { role, address: text };
      });
    if (recipients.length > 0) extra['recipients'] = recipients;
    // For a notification (never downloaded) these are all the phone knows of the message.
    putExtra(extra, 'size', integerValue(row['m_size']));
    putExtra(extra, 'expiry', integerValue(row['exp']));
    putExtra(extra, 'mmsStatus', integerValue(row['st']));
    putExtra(extra, 'readStatus', integerValue(row['read_status']));
    // Whether the sender asked for a delivery / read report (PduHeaders: 128 yes, 129 no).
    putExtra(extra, 'deliveryReport', integerValue(row['d_rpt']));
    putExtra(extra, 'readReport', integerValue(row['rr']));
    if (messageType === MMS_NOTIFICATION_IND) extra['notDownloaded'] = true;
    if (flagValue(row['locked'])) extra['locked'] = true;

    const isContent = messageType === null || CONTENT_TYPES.has(messageType);
    const to = addresses.find((address) => integerValue(address['type']) === ADDRESS_TO);
    const toAddress = nonEmptyText(to?.['address']);
    const notice = isPduNotice(messageType)
      ? pduNoticeText({
          messageType,
          from: fromAddress === SELF_PLACEHOLDER ? null : fromAddress,
          to: toAddress === SELF_PLACEHOLDER ? null : toAddress,
          size: integerValue(row['m_size']),
          expiry: integerValue(row['exp']),
          messageId: nonEmptyText(row['m_id']),
          status: integerValue(row['st']),
          readStatus: integerValue(row['read_status']),
        })
      : null;
    return {
      chatKey,
      kind: isContent ? 'message' : 'system',
      sender,
      senderId: sender,
      direction,
      time,
      timestampText: date.timestampText,
      text: isContent ? texts.join('\n') : notice ?? `MMS ${MESSAGE_TYPES[messageType ?? 0] ?? `type ${messageType}`}`,
      attachments,
      deleted: flagValue(row['deleted']),
      edited: false,
      locator: sqliteRowLocator(file, 'pdu', row),
      extra,
    };
  }

  private async attachment(part: Row, contentType: string): Promise<ParsedAttachment> {
    const devicePath = nonEmptyText(part['_data']);
    const attachment: ParsedAttachment = { kind: 'attached', mediaType: mediaTypeOf(contentType) };
    const fileName = nonEmptyText(part['name']) ?? nonEmptyText(part['fn']) ?? nonEmptyText(part['cl']) ?? nonEmptyText(part['cid']);
    if (fileName !== null) attachment.fileName = fileName;
    if (contentType !== '') attachment.mimeType = contentType;
    if (devicePath !== null) {
      attachment.path = devicePath;
      const bytes = await this.companionPart(devicePath);
      if (bytes !== null) {
        attachment.bytes = bytes;
        attachment.size = bytes.byteLength;
      }
    } else {
      // Small parts (vCards, calendar entries) are sometimes kept inline in part.text.
      const inline = textValue(part['text']);
      if (inline !== null) {
        attachment.bytes = new TextEncoder().encode(inline);
        attachment.size = attachment.bytes.byteLength;
      }
    }
    return attachment;
  }

  /** The part file, when it was extracted beside the database (as app_parts/PART_… or PART_…). */
  private async companionPart(devicePath: string): Promise<Uint8Array | null> {
    const name = devicePath.split('/').pop() ?? '';
    if (!SAFE_PART_NAME.test(name)) return null;
    for (const candidate of [`app_parts/${name}`, name]) {
      try {
        const bytes = await this.input.companion(candidate);
        if (bytes !== null) return bytes;
      } catch {
        // A companion that cannot be read is the same as one that is absent.
      }
    }
    return null;
  }

  free(): void {
    this.parts?.free();
    this.addresses?.free();
  }
}

/** The text of the first SMIL part (AOSP keeps it in `part.text`), or null when there is none. */
function smilText(parts: readonly Row[]): string | null {
  const smil = parts.find((part) => bareContentType(nonEmptyText(part['ct']) ?? '') === 'application/smil' && textValue(part['text']) !== null);
  return smil === undefined ? null : textValue(smil['text']);
}

/**
 * A text/plain part whose text is in `part.text` (as AOSP stores it). One with NULL text and a
 * `_data` file is a stored file: it is kept as an attachment, so the file is named, not lost.
 */
function isInlineText(part: Row, contentType: string): boolean {
  return contentType.startsWith('text/plain') && (part['text'] !== null || nonEmptyText(part['_data']) === null);
}

/**
 * Everyone the MMS names but the owner, its sender first: the people of its conversation (a
 * group MMS thread is everyone on from/to/cc/bcc).
 */
function otherParties(sender: string | null, addresses: Row[]): string[] {
  const parties = new Set<string>(sender === null ? [] : [sender]);
  for (const address of addresses) {
    const text = nonEmptyText(address['address']);
    if (text !== null && text !== SELF_PLACEHOLDER) parties.add(text);
  }
  return [...parties];
}

export function mediaTypeOf(contentType: string): MediaType {
  if (contentType === 'image/gif') return 'gif';
  if (contentType.startsWith('image/')) return 'image';
  if (contentType.startsWith('video/')) return 'video';
  if (contentType.startsWith('audio/')) return 'audio';
  if (contentType.includes('vcard')) return 'contact';
  if (contentType.startsWith('application/') || contentType.startsWith('text/')) return 'document';
  return 'unknown';
}
