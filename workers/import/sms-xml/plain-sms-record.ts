/**
 * The record of a plain sms line read from bytes (plain-sms-bytes.ts), made the way smsMessage
 * (records.ts) makes it from the element's attributes, but with its text and `extra` written as
 * UTF-8 straight from the line's bytes: an EncodedMessage. Only elements whose record needs no
 * note are made here (a date in milliseconds, a known type, an address, a chat already
 * announced); null hands the element to smsMessage. Tests compare the rows both make.
 */

import type { EncodedMessage, SourceLocator } from '../../../shared/contracts/parsed-source.ts';
import type { AddressKeys } from './address.ts';
import { ByteScratch, type PlainSmsLineReader } from './plain-sms-bytes.ts';
import { MIN_MILLISECONDS, SMS_TYPES } from './records.ts';
import { RecurringStrings } from './recurring-strings.ts';

/** Attributes a record reads, found once for each set of names the elements have. */
interface Slots {
  version: number;
  address: number;
  date: number;
  type: number;
  body: number;
  contactName: number;
  /** `"name":"` of each attribute, as it opens the attribute's member of the extra JSON. */
  members: Buffer[];
}

/** How every record's `extra` opens, and closes for each status. */
const EXTRA_OPENING = Buffer.from('{"element":"sms","attributes":{', 'latin1');
const EXTRA_CLOSINGS: ReadonlyMap<string, Buffer> = new Map(
  [...new Set([...SMS_TYPES.values()].map((type) => type.status))].map((status) => [status, Buffer.from(`},"status":"${status}"}`, 'latin1')]),
);
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
/** Longest `date` read (as readEpoch: sixteen digits). */
const MAX_DATE_DIGITS = 16;

export class PlainSmsRecords {
  private readonly scratch = new ByteScratch();
  private readonly recurring = new RecurringStrings();
  private slots: Slots = { version: -1, address: -1, date: -1, type: -1, body: -1, contactName: -1, members: [] };

  constructor(
    private readonly reader: PlainSmsLineReader,
    private readonly keys: AddressKeys,
  ) {}

  /** The attributes of the line read, as saxes would give them (for smsMessage). */
  attributes(): Record<string, string> {
    const attributes: Record<string, string> = {};
    const { reader } = this;
    for (let index = 0; index < reader.count; index += 1) attributes[reader.names[index] ?? ''] = reader.value(index, this.scratch);
    return attributes;
  }

  /** The line's record, or null when smsMessage must make it (see the module comment). */
  encoded(locator: SourceLocator, announcedChats: ReadonlySet<string>): EncodedMessage | null {
    const { reader } = this;
    const slots = this.slotsNow();
    const utcMs = this.milliseconds(slots.date);
    if (utcMs === null || slots.type < 0 || slots.address < 0) return null;
    const type = SMS_TYPES.get(reader.recurringValue(slots.type, this.recurring, this.scratch));
    if (type === undefined) return null;
    const address = reader.recurringValue(slots.address, this.recurring, this.scratch);
    if (address === 'null' || address.trim() === '') return null;
    const chatKey = this.keys.of(address);
    if (!announcedChats.has(chatKey)) return null;
    const incoming = type.direction === 'incoming';
    // Only an incoming message's sender is its contact's name.
    const contactName = !incoming || slots.contactName < 0 ? undefined : reader.recurringValue(slots.contactName, this.recurring, this.scratch);
    const named = contactName === undefined || contactName === 'null' || contactName === '' || contactName === '(Unknown)' ? null : contactName;
    const sender = incoming ? (named ?? address) : null;
    // The attributes a column holds as they are, left out of `extra` (smsMessage's inColumns).
    const addressInColumn = incoming ? slots.address : -1;
    const contactInColumn = sender !== null && sender === contactName ? slots.contactName : -1;

    const out = this.scratch;
    out.used = 0;
    const textStart = out.used;
    if (slots.body >= 0 && !this.isNull(slots.body)) reader.writeValue(slots.body, out, false);
    const textEnd = out.used;
    out.bytesIn(EXTRA_OPENING, 0, EXTRA_OPENING.length);
    let first = true;
    for (let index = 0; index < reader.count; index += 1) {
      if (index === slots.body || index === slots.date || index === addressInColumn || index === contactInColumn) continue;
      if (reader.valueStart[index] === reader.valueEnd[index] || this.isNull(index)) continue;
      if (!first) out.byte(0x2c);
      first = false;
      const member = slots.members[index] as Buffer;
      out.bytesIn(member, 0, member.length);
      reader.writeValue(index, out, true);
      out.byte(0x22);
    }
    const closing = EXTRA_CLOSINGS.get(type.status) as Buffer;
    out.bytesIn(closing, 0, closing.length);
    return {
      chatKey,
      sender,
      senderId: incoming ? address : null,
      direction: type.direction,
      utcMs,
      timestampText: this.dateText(slots.date, utcMs),
      locator,
      bytes: out.bytes,
      textStart,
      textEnd,
      extraStart: textEnd,
      extraEnd: out.used,
    };
  }

  /** The `date` as milliseconds when it is written as digits only and reads as milliseconds (readEpoch); null otherwise. */
  private milliseconds(index: number): number | null {
    const { reader } = this;
    if (index < 0 || reader.hasReference[index] !== 0) return null;
    const start = reader.valueStart[index] ?? 0;
    const end = reader.valueEnd[index] ?? 0;
    if (end === start || end - start > MAX_DATE_DIGITS) return null;
    let value = 0;
    for (let at = start; at < end; at += 1) {
      const code = reader.bytes[at] ?? 0;
      if (code < DIGIT_0 || code > DIGIT_9) return null;
      value = value * 10 + (code - DIGIT_0);
    }
    // Sixteen digits can pass 2^53: read as Number() reads them, as readEpoch does.
    if (!Number.isSafeInteger(value)) value = Number(reader.bytes.toString('latin1', start, end));
    return value < MIN_MILLISECONDS ? null : value;
  }

  /** The `date` as written: digits that `milliseconds` read, so a number's own digits unless they start with 0. */
  private dateText(index: number, utcMs: number): string {
    const { reader } = this;
    return reader.bytes[reader.valueStart[index] ?? 0] !== DIGIT_0 && Number.isSafeInteger(utcMs) ? String(utcMs) : reader.value(index, this.scratch);
  }

  private isNull(index: number): boolean {
    return this.reader.hasReference[index] === 0 ? this.reader.valueIs(index, 'null') : this.reader.value(index, this.scratch) === 'null';
  }

  private slotsNow(): Slots {
    const { reader } = this;
    if (this.slots.version !== reader.namesVersion) {
      this.slots = {
        version: reader.namesVersion,
        address: reader.indexOf('address'),
        date: reader.indexOf('date'),
        type: reader.indexOf('type'),
        body: reader.indexOf('body'),
        contactName: reader.indexOf('contact_name'),
        // Names are ASCII name characters: nothing in them to escape.
        members: reader.names.map((name) => Buffer.from(`"${name}":"`, 'latin1')),
      };
    }
    return this.slots;
  }
}
