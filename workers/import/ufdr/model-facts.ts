/**
 * Facts every record model carries in the same way: its time stamp, whether the report calls it
 * deleted, and its parties with their roles. SMS, MMS and Call models list their parties in one
 * `Parties` field, each Party naming its Role (From, To, CC, BCC); Email and InstantMessage use
 * `From` and `To`/`Cc`/`Bcc` fields. Both spellings are read.
 */

import type { ParsedTime } from '../../../shared/contracts/parsed-source.ts';
import type { WallTime } from '../../../shared/time/zoned-time.ts';
import { ownCopy } from '../../../shared/text/own-copy.ts';
import { isDeletedState } from './deleted-state.ts';
import { PhoneSpellings } from '../phone-spellings.ts';
import { identifierKey, matchKey } from './file-index.ts';
import { fieldModels, fieldNode, fieldText, partyOf } from './model-tree.ts';
import { isNoTimeStamp } from './ufdr-time.ts';
import type { Party, XmlNode } from './model-tree.ts';
import type { StampReader } from './date-order.ts';

export interface Stamp {
  time: ParsedTime;
  text: string;
  /** `TimeStampKnown`, `TimeStampUnknown`... when the report says. */
  format: string | null;
}

/** A TimeStamp-typed field: the value as written, read as an instant (or wall time without a zone). */
export function stampOf(model: XmlNode, name: string, notes: string[], stamps: StampReader): Stamp {
  const value = fieldNode(model, name)?.children.find((child) => child.name === 'value');
  const { time, text } = readStampValue(value, notes, stamps);
  if (time === null && text !== '' && !isNoTimeStamp(text)) notes.push(`timestamp "${text.slice(0, 80)}" is in no known form; the record has no time`);
  const format = value?.attrs['format'] ?? null;
  if (format === 'TimeStampUnknown') notes.push('the report marks this timestamp as unreliable (TimeStampUnknown)');
  return { time, text, format };
}

/**
 * The time of a TimeStamp `<value>`: its text, else its formattedTimestamp. A text without a zone
 * (`28/09/2024 14:59:35`) is only a wall-clock time, while a formattedTimestamp beside it may
 * state the instant (`2024-09-28T14:59:35+02:00`): the report's own offset then wins over the
 * zone the examiner would otherwise have to assume.
 */
export function readStampValue(value: XmlNode | undefined, notes: string[], stamps: StampReader): { time: ParsedTime; text: string } {
  const text = value?.text.trim() ?? '';
  const formatted = value?.attrs['formattedTimestamp'];
  const time = text === '' ? null : stamps.read(text, notes);
  if (formatted === undefined || (time !== null && 'utcMs' in time)) return { time, text };
  const stated = stamps.read(formatted, notes);
  if (time !== null && 'wall' in time && stated !== null && 'utcMs' in stated) return { time: { utcMs: stated.utcMs + sameSecondMilliseconds(text, formatted, time.wall.millisecond) }, text };
  return { time: time === null || (stated !== null && 'utcMs' in stated) ? stated : time, text };
}

/**
 * Physical Analyzer 10 writes a `DateTimeOnly` value with milliseconds and no zone
 * (`2024-10-29T17:17:48.838`) beside a formattedTimestamp with the zone and no fraction
 * (`2024-10-29T17:17:48+00:00`), as a public description of real PA 10.7 reports shows. When both
 * name the same second, the value's milliseconds belong to the stated instant: without them,
 * messages within one second lost their order.
 */
function sameSecondMilliseconds(text: string, formatted: string, milliseconds: number | undefined): number {
  const second = (stamp: string): string => stamp.trim().replace(' ', 'T').slice(0, 19);
  const formattedHasFraction = /T\d{2}:\d{2}:\d{2}[.,]\d/u.test(formatted.trim().replace(' ', 'T'));
  return milliseconds !== undefined && !formattedHasFraction && second(text) === second(formatted) ? milliseconds : 0;
}

/**
 * A time the report gives beside a record's own TimeStamp (DateRead, DateDelivered, a Chat's
 * StartTime, a file's CreationTime…): the text as written, its UTC reading (null when it has no
 * zone, is in no known form or is year 0001, "no time"), and a wall-clock reading when it has no
 * zone, for the examiner to place.
 */
export interface SideTime {
  text: string;
  utc: string | null;
  wall?: string;
  format?: string;
}

/**
 * Every TimeStamp field of a model but those named in `skip` (the record's own time), by field
 * name, or null when there is none. When a victim read or played a threat is evidence, and these
 * times were read nowhere. The first field of a name wins, as for the model's other fields.
 */
export function sideTimesOf(model: XmlNode, notes: string[], stamps: StampReader, skip: readonly string[] = ['TimeStamp']): Record<string, SideTime> | null {
  const times: Record<string, SideTime> = {};
  for (const child of model.children) {
    const name = child.attrs['name'];
    const value = child.children.find((node) => node.name === 'value');
    if (child.name !== 'field' || name === undefined || skip.includes(name) || name in times || value === undefined) continue;
    if (child.attrs['type'] !== 'TimeStamp' && value.attrs['type'] !== 'TimeStamp') continue;
    const read = readStampValue(value, notes, stamps);
    if (read.text === '') continue;
    times[name] = sideTime(read.text, read.time, name, notes, stamps, value.attrs['format'] ?? null);
  }
  return Object.keys(times).length === 0 ? null : times;
}

/** One side time, read: year 0001 is counted (StampReader.sideNoTimes) for the one year-0001 warning. */
export function sideTime(text: string, time: ParsedTime, name: string, notes: string[], stamps: StampReader, format: string | null): SideTime {
  if (time === null && isNoTimeStamp(text)) stamps.sideNoTimes += 1;
  else if (time === null) notes.push(`the ${name} time "${text.slice(0, 80)}" is in no known form; it is kept as written, without a UTC reading`);
  const read: SideTime = { text, utc: time !== null && 'utcMs' in time ? new Date(time.utcMs).toISOString() : null };
  if (time !== null && 'wall' in time) read.wall = wallText(time.wall);
  if (format !== null) read.format = format;
  return read;
}

function wallText(wall: WallTime): string {
  const two = (value: number): string => String(value).padStart(2, '0');
  return `${String(wall.year).padStart(4, '0')}-${two(wall.month)}-${two(wall.day)} ${two(wall.hour)}:${two(wall.minute)}:${two(wall.second)}`;
}

/** `deleted_state="Deleted"` (Physical Analyzer) or `DeletedState` (some exports). */
export function deletedStateOf(model: XmlNode): string | null {
  return model.attrs['deleted_state'] ?? model.attrs['DeletedState'] ?? null;
}

/**
 * The extraction the model was decoded from (`extractionId`, an id of sourceExtractions), as an
 * `extra` entry, or none when the report names none; one Chat can hold messages of several
 * extractions (a logical and a file-system one), so it is read per record. And whether the model
 * was carved (`iscarved="True"`: recovered by carving, not read from a live database), which the
 * analyst must see; whether it was deleted is the report's deleted_state, read apart.
 */
export function extractionOf(model: XmlNode): { extractionId?: string; carved?: true } {
  const id = model.attrs['extractionId'];
  const carved = (model.attrs['iscarved'] ?? '').toLowerCase() === 'true';
  return { ...(id === undefined ? {} : { extractionId: id }), ...(carved ? { carved: true as const } : {}) };
}

export function isDeleted(model: XmlNode): boolean {
  return isDeletedState(deletedStateOf(model));
}

export interface RoledParty extends Party {
  role: string | null;
  /** The Party model itself, for the times written on it (DateRead, DateDelivered…). */
  model: XmlNode;
}

export interface Parties {
  from: RoledParty | null;
  /** Recipients (To, CC, BCC) and parties without a role. */
  others: RoledParty[];
  all: RoledParty[];
}

export function partiesOf(model: XmlNode): Parties {
  const all: RoledParty[] = [];
  for (const party of fieldModels(model, 'Parties')) all.push({ ...partyOf(party), role: fieldText(party, 'Role'), model: party });
  for (const role of ['From', 'To', 'Cc', 'Bcc']) {
    for (const party of fieldModels(model, role)) all.push({ ...partyOf(party), role, model: party });
  }
  const from = all.find((party) => (party.role ?? '').toLowerCase() === 'from') ?? null;
  return { from, others: all.filter((party) => party !== from), all };
}

const RECIPIENT_ROLE = /^(?:to|cc|bcc)$/iu;

/**
 * The direction a record's IsPhoneOwner flags give when its Folder, Type and Status give none: a
 * recipient (To, CC, BCC) flagged as the owner, with a From not flagged so, means the owner
 * received it from the From party. A party without a role says nothing of who sent what.
 */
export function ownerRecipientDirection(parties: Parties): 'incoming' | null {
  if (parties.from === null || parties.from.owner === true) return null;
  return parties.others.some((party) => party.owner === true && RECIPIENT_ROLE.test(party.role ?? '')) ? 'incoming' : null;
}

/**
 * Identifiers known to be the phone owner's: parties flagged IsPhoneOwner, senders of outgoing
 * records, the sole recipient of incoming ones. Used to tell the other side of a conversation.
 */
export class OwnerIdentifiers {
  private readonly keys = new Set<string>();
  private static readonly MAX = 1000;

  add(id: string | null): void {
    if (id === null || this.keys.size >= OwnerIdentifiers.MAX) return;
    const key = matchKey(id);
    if (key !== '' && !this.keys.has(key)) this.keys.add(ownCopy(key));
  }

  has(party: Party): boolean {
    return party.owner === true || (party.id !== null && this.keys.has(matchKey(party.id)));
  }

  learn(parties: Parties, direction: 'incoming' | 'outgoing' | null): void {
    for (const party of parties.all) if (party.owner === true) this.add(party.id);
    if (direction === 'outgoing') this.add(parties.from?.id ?? null);
    if (direction === 'incoming' && parties.others.length === 1) this.add(parties.others[0]?.id ?? null);
  }
}

/** The other side of a record: everyone but the owner; the sender of an incoming record first. */
export function counterpartsOf(parties: Parties, direction: 'incoming' | 'outgoing' | null, owner: OwnerIdentifiers): RoledParty[] {
  const candidates = direction === 'incoming' && parties.others.length <= 1 ? (parties.from === null ? parties.others : [parties.from]) : parties.all;
  const others = candidates.filter((party) => !owner.has(party) && !(direction === 'outgoing' && party === parties.from));
  const seen = new Set<string>();
  return others.filter((party) => {
    const key = party.id === null ? (party.name ?? '') : identifierKey(party.id);
    if (key === '' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const PHONE_LIKE = /^(?:tel:)?\+?[\d\s().-]{6,}(?:@s\.whatsapp\.net|@c\.us)?$/iu;

/**
 * Conversation keys for parties: numbers however they are spelled (PhoneSpellings, last nine
 * digits; a jid or a `00` prefix is an international spelling), other identifiers (e-mail, user
 * names) case-insensitively.
 */
export class PartyKeys {
  private readonly spellings = new PhoneSpellings();

  keyOf(id: string): string {
    const trimmed = id.trim();
    if (!PHONE_LIKE.test(trimmed)) return trimmed.toLowerCase();
    const jid = trimmed.includes('@');
    let digits = trimmed.replace(/@.*$/u, '').replace(/\D/gu, '');
    let international = trimmed.startsWith('+') || jid;
    if (digits.startsWith('00')) {
      digits = digits.slice(2);
      international = true;
    }
    return this.spellings.keyOf(`${international ? '+' : ''}${digits}`, digits);
  }

  /** The key of a set of parties (a group): their keys, sorted, joined by '~'. */
  keyOfAll(ids: string[]): string {
    const keys = [...new Set(ids.filter((id) => id.trim() !== '').map((id) => this.keyOf(id)))].sort();
    return keys.length === 0 ? '(no address)' : keys.join('~');
  }
}
