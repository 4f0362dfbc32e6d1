/**
 * `<sms>` and `<mms>` elements of an SMS Backup & Restore file → ParsedMessages (FORMATS.md §4.1).
 * The literal string "null" means the field is absent. Every attribute the phone recorded is
 * kept: in a column when one holds it verbatim (an sms's body, its `date` as the timestamp text,
 * an incoming sms's `address` as the sender id and its `contact_name` as the sender), otherwise
 * in `extra.attributes` (base64 data excepted, being the attachment's bytes, unless it cannot
 * be decoded; empty values say nothing and are left out). A row repeats nothing: at a million
 * messages each repeated attribute costs tens of megabytes.
 */

import type { MediaType, ParsedAttachment, ParsedMessage, ParsedTime, SourceLocator } from '../../../shared/contracts/parsed-source.ts';
import { defineField, RAW_TEXT_LIMIT } from '../import-limits.ts';
import { isPduNotice, pduNoticeText } from '../mms/pdu-notices.ts';
import { smilPartOrder, type PartNames } from '../mms/smil-order.ts';
import { bareContentType, mmsSubjectText } from '../mms/pdu-headers.ts';
import { decodeMmsText } from '../mms/text-charsets.ts';
import { isRcsGroupAddress, splitAddress, type AddressKeys } from './address.ts';

export interface MmsPart {
  attributes: Record<string, string>;
}

export interface RecordResult {
  message: ParsedMessage;
  notes: string[];
}

interface Box {
  direction: 'incoming' | 'outgoing';
  status: string;
}

/*
 * Maps, not object literals: a value is any text a file holds, and an object literal answers to
 * "constructor" or "toString" with a member every object has.
 */
/** sms `type` (Telephony.TextBasedSmsColumns). */
export const SMS_TYPES: ReadonlyMap<string, Box> = new Map([
  ['1', { direction: 'incoming', status: 'inbox' }],
  ['2', { direction: 'outgoing', status: 'sent' }],
  ['3', { direction: 'outgoing', status: 'draft' }],
  ['4', { direction: 'outgoing', status: 'outbox' }],
  ['5', { direction: 'outgoing', status: 'failed' }],
  ['6', { direction: 'outgoing', status: 'queued' }],
]);
/** mms `msg_box` (Telephony.BaseMmsColumns): the same boxes as an sms's types 1–5, no "queued". */
const MMS_BOXES: ReadonlyMap<string, Box> = new Map([...SMS_TYPES].filter(([code]) => code !== '6'));
/** PduHeaders address types. */
const ADDRESS_ROLES: ReadonlyMap<string, string> = new Map([
  ['137', 'from'],
  ['151', 'to'],
  ['130', 'cc'],
  ['129', 'bcc'],
]);
/** Below this a `date` is in seconds, not milliseconds (about 1973-03 in ms, year 5138 in s). */
export const MIN_MILLISECONDS = 100_000_000_000;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/u;
/**
 * What a Python converter writes for a column it read as None (signal-message-exporter before its
 * fix wrote `name="None"`, `cl="None"` and, on a media part, `text="None"`): no value. Read so only
 * in a part's names and a media part's caption; everywhere else "None" may be someone's words.
 */
const PYTHON_NONE = 'None';

/** Placeholder some phones write as the owner's own address in sent MMS. */
const OWNER_TOKEN = 'insert-address-token';

/** An attribute value, with SMS Backup & Restore's literal "null" read as absent. */
export function present(attributes: Record<string, string>, name: string): string | null {
  const value = attributes[name];
  return value === undefined || value === 'null' ? null : value;
}

/**
 * The address of a message, or null when there is none: a blank one (`address=""`, written for
 * emergency and carrier broadcasts) names nobody, as the literal "null" does.
 */
export function messageAddress(attributes: Record<string, string>): string | null {
  const address = present(attributes, 'address');
  return address === null || address.trim() === '' ? null : address;
}

export function contactName(attributes: Record<string, string>): string | null {
  const name = present(attributes, 'contact_name');
  return name === null || name === '' || name === '(Unknown)' ? null : name;
}

/**
 * An element's time: `date` is the instant. When it is missing or unreadable, `readable_date` (the
 * app's display of the time, in the phone's language and zone: "Feb 4, 2016 17:40:43") is still
 * the time as written, kept as the record's timestamp text so the message is not timeless to the
 * analyst; it is not converted (its form follows the phone's language), and the note says so.
 */
export function writtenTime(attributes: Record<string, string>): { time: ParsedTime; unit: 'ms' | 's' | null; timestampText: string; note: string | null } {
  const rawDate = attributes['date'];
  const { time, unit } = readEpoch(present(attributes, 'date'));
  if (time !== null) return { time, unit, timestampText: rawDate ?? '', note: null };
  const problem = rawDate === undefined ? 'the element has no date attribute' : `the date "${rawDate}" could not be read`;
  const readable = present(attributes, 'readable_date');
  if (readable === null || readable.trim() === '') return { time, unit, timestampText: rawDate ?? '', note: problem };
  return { time, unit, timestampText: readable, note: `${problem}; its readable_date "${readable}" is kept as the time as written (the phone's display, not converted to UTC)` };
}

export function readEpoch(raw: string | null): { time: ParsedTime; unit: 'ms' | 's' | null } {
  if (raw === null || !/^-?\d{1,16}$/u.test(raw.trim())) return { time: null, unit: null };
  const value = Number(raw.trim());
  if (value === 0) return { time: null, unit: null };
  return Math.abs(value) < MIN_MILLISECONDS ? { time: { utcMs: value * 1000 }, unit: 's' } : { time: { utcMs: value }, unit: 'ms' };
}

/** A whole-number attribute (PduHeaders values, sizes, seconds), or null when absent or not a number. */
function integerAttribute(attributes: Record<string, string>, name: string): number | null {
  const value = present(attributes, name)?.trim() ?? '';
  return /^-?\d{1,15}$/u.test(value) ? Number(value) : null;
}

function keptAttributes(attributes: Record<string, string>, leaveOut: readonly string[], dropEmpty = false): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of Object.keys(attributes)) {
    const value = attributes[name] ?? '';
    if (value !== 'null' && !(dropEmpty && value === '') && !leaveOut.includes(name)) defineField(kept, name, value);
  }
  return kept;
}

export function smsMessage(attributes: Record<string, string>, locator: SourceLocator, keys: AddressKeys): RecordResult {
  const notes: string[] = [];
  const address = messageAddress(attributes);
  const { time, unit, timestampText, note } = writtenTime(attributes);
  if (note !== null) notes.push(note);
  const type = SMS_TYPES.get(attributes['type'] ?? '');
  if (type === undefined) notes.push(`unknown sms type "${attributes['type'] ?? ''}"`);
  const incoming = type?.direction === 'incoming';
  const sender = incoming ? (contactName(attributes) ?? address) : null;
  const senderId = incoming ? address : null;
  // Attributes a column holds verbatim are not repeated (see the module comment).
  const inColumns = ['body', 'date'];
  if (senderId !== null) inColumns.push('address');
  if (sender !== null && sender === attributes['contact_name']) inColumns.push('contact_name');
  const extra: Record<string, unknown> = { element: 'sms', attributes: keptAttributes(attributes, inColumns, true) };
  if (type !== undefined) extra['status'] = type.status;
  if (unit === 's') extra['dateUnit'] = 'seconds';
  return {
    message: {
      chatKey: keys.of(address),
      kind: 'message',
      sender,
      senderId,
      direction: type?.direction ?? null,
      time,
      timestampText,
      text: present(attributes, 'body') ?? '',
      attachments: [],
      deleted: false,
      edited: false,
      locator,
      extra,
    },
    notes,
  };
}

/**
 * The conversation of an MMS written without an `address` attribute (a converter that writes only
 * its addrs): the addrs name the owner too, so all of them joined made a chat apart from the SMS
 * chat with the same person. One from and one to is one-to-one: the other party is the from of a
 * received message and the to of a sent one. Anything else stays every addr, as the members.
 */
function addressFromAddrs(roles: readonly { address: string; role: string }[], direction: 'incoming' | 'outgoing' | null): string | null {
  if (roles.length === 0) return null;
  const named = roles.filter((entry) => entry.address.trim() !== '');
  const from = named.filter((entry) => entry.role === 'from');
  const to = named.filter((entry) => entry.role === 'to');
  if (direction !== null && named.length === 2 && from.length === 1 && to.length === 1) {
    return (direction === 'incoming' ? from[0] : to[0])?.address ?? null;
  }
  return roles.map((entry) => entry.address).join('~');
}

export function mmsMessage(attributes: Record<string, string>, parts: readonly MmsPart[], addrs: readonly Record<string, string>[], locator: SourceLocator, keys: AddressKeys): RecordResult {
  const notes: string[] = [];
  const { time, unit, timestampText, note } = writtenTime(attributes);
  if (note !== null) notes.push(note);
  if (MMS_BOXES.get(attributes['msg_box'] ?? '') === undefined) notes.push(`unknown mms msg_box "${attributes['msg_box'] ?? ''}"`);
  const roles = addrs.map((addr) => ({ address: present(addr, 'address') ?? '', role: ADDRESS_ROLES.get(addr['type'] ?? '') ?? `type ${addr['type'] ?? '?'}` }));
  // A from addr the phone did not fill in ("null", empty) names nobody: it is no from address.
  const fromAddress = roles.find((entry) => entry.role === 'from' && entry.address.trim() !== '')?.address ?? null;
  const stated = messageAddress(attributes);
  const box = MMS_BOXES.get(attributes['msg_box'] ?? '');
  const address = stated ?? addressFromAddrs(roles, box?.direction ?? null);
  const isGroup = address !== null && (splitAddress(address).length > 1 || isRcsGroupAddress(address));

  const texts: string[] = [];
  const attachments: ParsedAttachment[] = [];
  const smil: string[] = [];
  const partProblems: string[] = [];
  const undecoded = new Set<number>();
  const captionParts: number[] = [];
  // Texts and attachments follow the SMIL's layout; `index` stays the part's place in the file.
  const partOrder = smilPartOrder(smilText(parts), parts.map((part) => partNames(part.attributes)));
  if (partOrder.note !== null) notes.push(partOrder.note);
  partOrder.order.forEach((index) => {
    const part = parts[index];
    if (part === undefined) return;
    const contentType = (present(part.attributes, 'ct') ?? '').toLowerCase();
    const bareType = bareContentType(contentType);
    const text = present(part.attributes, 'text');
    // `data=""` (a real backup writes it for an image it kept no bytes of) holds no file: as a
    // zero-byte attachment it would pass for the picture, with the hash of nothing.
    const writtenData = present(part.attributes, 'data');
    const emptyData = writtenData !== null && writtenData.trim() === '';
    const data = emptyData ? null : writtenData;
    if (bareType === 'application/smil') {
      if (text !== null) smil.push(text);
      // A SMIL written as data (kept in a file by the provider) is kept as an attachment, or its
      // bytes would be lost: decoded data is left out of extra.parts.
      if (text !== null || data === null) return;
    }
    if (bareType === 'text/plain') {
      // An empty part (a slide with no words) adds no line to the joined text.
      if (text !== null && text !== '') texts.push(text);
      if (data === null) return;
      // A text part the provider kept in a file comes as base64 data: its words are the message's.
      const decoded = text === null ? textFromData(data, present(part.attributes, 'chset')) : null;
      if (decoded !== null) {
        if (decoded !== '') texts.push(decoded);
        return;
      }
    }
    // A media part's own text is its caption where a converter writes one there (a Signal
    // export's caption); Python's None written as "None" is no caption (the part keeps it in extra).
    if (bareType !== 'text/plain' && !bareType.startsWith('text/') && text !== null && text.trim() !== '' && text !== PYTHON_NONE) {
      texts.push(text);
      captionParts.push(index + 1);
    }
    const attachment = partAttachment(part.attributes, contentType, text, data, emptyData);
    if (attachment.problem !== null) {
      undecoded.add(index);
      partProblems.push(`part ${index + 1} (${contentType || 'no content type'}): ${attachment.problem}`);
      notes.push(`part ${index + 1} (${contentType || 'no content type'}) ${attachment.problem}`);
    }
    attachments.push(attachment.attachment);
  });

  const extra: Record<string, unknown> = {
    element: 'mms',
    attributes: keptAttributes(attributes, []),
    addresses: roles,
    parts: parts.map((part, index) => keptPart(part.attributes, undecoded.has(index))),
  };
  if (box !== undefined) extra['status'] = box.status;
  if (stated === null && address !== null) extra['conversationFrom'] = 'the addrs (the mms has no address attribute)';
  if (unit === 's') extra['dateUnit'] = 'seconds';
  if (smil.length > 0) extra['smil'] = smil;
  if (partOrder.note !== null) extra['partOrderNote'] = partOrder.note;
  if (partProblems.length > 0) extra['partProblems'] = partProblems;
  if (captionParts.length > 0) extra['captionFromParts'] = captionParts;
  const subject = present(attributes, 'sub');
  if (subject !== null && subject !== '') {
    const charset = present(attributes, 'sub_cs');
    const decoded = mmsSubjectText(subject, charset === null || !/^\s*\d+\s*$/u.test(charset) ? null : Number(charset));
    extra['subject'] = decoded;
    // The text as written stays in extra.attributes.sub.
    if (decoded !== subject) notes.push(`the subject "${subject}" (sub_cs 106) is UTF-8 bytes read as Latin-1; read as "${decoded}"`);
  }

  const incoming = box?.direction === 'incoming';
  // In a group the address names every member: without a 137 (from) addr nobody is the sender,
  // so the message stays unattributed rather than attributed to "a~b~c".
  const incomingFrom = fromAddress ?? (isGroup ? null : address);
  const senderId = incoming ? incomingFrom : fromAddress === OWNER_TOKEN ? null : fromAddress;
  // A download notice or a delivery/read report is no message from a person: it says what it is.
  const messageType = integerAttribute(attributes, 'm_type');
  const notice = isPduNotice(messageType)
    ? pduNoticeText({
        messageType,
        from: fromAddress ?? (incoming ? incomingFrom : null),
        to: roles.find((entry) => entry.role === 'to' && entry.address.trim() !== '')?.address ?? (incoming ? null : address),
        size: integerAttribute(attributes, 'm_size'),
        expiry: integerAttribute(attributes, 'exp'),
        messageId: present(attributes, 'm_id'),
        status: integerAttribute(attributes, 'st'),
        readStatus: integerAttribute(attributes, 'read_status'),
      })
    : null;
  return {
    message: {
      chatKey: keys.of(address),
      kind: notice === null ? 'message' : 'system',
      sender: incoming ? ((isGroup ? null : contactName(attributes)) ?? incomingFrom) : null,
      senderId,
      direction: box?.direction ?? null,
      time,
      timestampText,
      text: notice ?? texts.join('\n'),
      attachments,
      deleted: false,
      edited: false,
      locator,
      extra,
    },
    notes,
  };
}

/** The text of the first SMIL part, which lays the message out, or null when there is none. */
function smilText(parts: readonly MmsPart[]): string | null {
  const smil = parts.find((part) => bareContentType(present(part.attributes, 'ct') ?? '') === 'application/smil' && present(part.attributes, 'text') !== null);
  return smil === undefined ? null : present(smil.attributes, 'text');
}

function partNames(attributes: Record<string, string>): PartNames {
  return { cl: present(attributes, 'cl'), name: present(attributes, 'name'), fn: present(attributes, 'fn'), cid: present(attributes, 'cid') };
}

/**
 * A part's attributes for `extra.parts`. Its base64 data is left out, being the attachment's
 * bytes, except data that could not be decoded: that is kept as written (its first
 * RAW_TEXT_LIMIT characters, with `dataChars` giving the whole length), or it would be lost.
 */
function keptPart(attributes: Record<string, string>, undecoded: boolean): Record<string, string> {
  const kept = keptAttributes(attributes, ['data']);
  const data = present(attributes, 'data');
  if (!undecoded || data === null) return kept;
  defineField(kept, 'data', data.slice(0, RAW_TEXT_LIMIT));
  if (data.length > RAW_TEXT_LIMIT) defineField(kept, 'dataChars', String(data.length));
  return kept;
}

/**
 * The text of a text/plain part's base64 data, or null when it cannot be read exactly (not
 * base64, bytes not valid in the charset, a charset not read here): the part then stays an
 * attachment with its bytes.
 */
function textFromData(data: string, chset: string | null): string | null {
  const clean = data.replace(/\s+/gu, '');
  if (clean.length % 4 !== 0 || !BASE64.test(clean)) return null;
  return decodeMmsText(Buffer.from(clean, 'base64'), chset);
}

/** `emptyData`: the part was written `data=""`, which holds no bytes (`data` is then null). */
function partAttachment(attributes: Record<string, string>, contentType: string, text: string | null, data: string | null, emptyData: boolean): { attachment: ParsedAttachment; problem: string | null } {
  const attachment: ParsedAttachment = { kind: 'attached', mediaType: mediaTypeOf(contentType) };
  if (contentType !== '') attachment.mimeType = contentType;
  const fileName = [present(attributes, 'cl'), present(attributes, 'name'), present(attributes, 'fn')].find((name) => name !== null && name !== PYTHON_NONE) ?? null;
  if (fileName !== null && fileName !== '') attachment.fileName = fileName;
  if (data !== null) {
    const clean = data.replace(/\s+/gu, '');
    if (clean.length % 4 !== 0 || !BASE64.test(clean)) {
      return { attachment, problem: `has data that is not valid base64 (${clean.length} characters); the bytes were not decoded` };
    }
    attachment.bytes = new Uint8Array(Buffer.from(clean, 'base64'));
    attachment.size = attachment.bytes.length;
    return { attachment, problem: null };
  }
  if (text !== null && contentType.startsWith('text/')) {
    // A vCard or similar text part stored inline.
    attachment.bytes = new TextEncoder().encode(text);
    attachment.size = attachment.bytes.length;
    return { attachment, problem: null };
  }
  attachment.kind = 'omitted';
  return { attachment, problem: emptyData ? 'has an empty data attribute: the backup holds none of its bytes' : null };
}

function mediaTypeOf(contentType: string): MediaType {
  if (contentType === 'image/gif') return 'gif';
  if (contentType.startsWith('image/')) return 'image';
  if (contentType.startsWith('video/')) return 'video';
  if (contentType.startsWith('audio/')) return 'audio';
  if (contentType.includes('vcard')) return 'contact';
  if (contentType.startsWith('application/') || contentType.startsWith('text/')) return 'document';
  return 'unknown';
}
