/**
 * Who a ChatStorage jid is: the push names (ZWAPROFILEPUSHNAME) and, for people WhatsApp keys by a
 * lid, the phone jid the store keeps beside it. Newer stores key a private chat by "<n>@lid" in
 * ZWACHATSESSION.ZCONTACTJID with the phone jid in ZCONTACTIDENTIFIER [source: a tool that writes
 * into real ChatStorage databases documents it so; readers of real stores read it as the chat's
 * phone], and ZWAGROUPMEMBER has the same column. Without it such a partner was shown only as
 * "8123…@lid". The phone becomes the person's id; the lid is kept beside it (extra.senderLid).
 *
 * The companions beside the store (ios-companions.ts) add what it lacks: lid → phone pairs from
 * LID.sqlite and ContactsV2.sqlite, weighed with the store's own (a contradiction maps to
 * neither), and address-book names, used only for people the store names nowhere (no push name):
 * the store's own facts stay first. Every name or phone taken from a companion is remembered with
 * the rows that gave it, so the source's details can list them.
 */

import type { CompanionName, CompanionNames } from './ios-address-book.ts';
import { phoneFromJid } from './jids.ts';

/** A name or phone shown because a companion gave it, and the companion rows that give it. */
export interface CompanionFactUsed {
  value: string;
  from: string[];
}

export class IosPeople {
  /** By the id shown (the phone number, else the jid): address-book names that were shown. */
  readonly namesUsed = new Map<string, CompanionFactUsed>();
  /** By lid: phones shown that only a companion gives. */
  readonly phonesUsed = new Map<string, CompanionFactUsed>();

  constructor(
    readonly pushNames: ReadonlyMap<string, string>,
    private readonly lidPhones: LidPhones,
    private readonly companionNames: CompanionNames | null = null,
  ) {}

  get lidMappings(): number {
    return this.lidPhones.phones.size;
  }

  /** The id shown for a person: their phone number (a lid's when the store or a companion gives it), else the jid. */
  idOf(jid: string): string {
    const own = phoneFromJid(jid);
    if (own !== null) return own;
    const mapped = phoneFromJid(this.lidPhones.phones.get(jid) ?? null);
    if (mapped === null) return jid;
    const from = this.lidPhones.companionPlacesOf(jid);
    if (from !== null) this.phonesUsed.set(jid, { value: mapped, from });
    return mapped;
  }

  /** The lid of a person shown by the phone stored beside it, or null. */
  mappedLid(jid: string | null): string | null {
    return jid !== null && this.lidPhones.phones.has(jid) ? jid : null;
  }

  /** The companion rows a lid's phone rests on, when the store itself does not give it; else null. */
  phoneFrom(jid: string | null): string[] | null {
    return jid === null || !this.lidPhones.phones.has(jid) ? null : this.lidPhones.companionPlacesOf(jid);
  }

  /** Their push name (under the lid or the phone jid), else their address-book name from a companion, else null. */
  knownName(jid: string): string | null {
    const pushName = this.pushNameOf(jid);
    if (pushName !== undefined) return pushName;
    const named = this.addressBookName(jid);
    if (named === null) return null;
    this.namesUsed.set(this.idOf(jid), { value: named.name, from: named.places });
    return named.name;
  }

  /**
   * The companion rows a name rests on when knownName takes it from the address book; else null.
   * Asked of this jid, not of the id shown: a lid and its phone jid share that id, and one may be
   * named by a push name, the other by the address book.
   */
  nameFrom(jid: string | null): string[] | null {
    if (jid === null || this.pushNameOf(jid) !== undefined) return null;
    return this.addressBookName(jid)?.places ?? null;
  }

  private pushNameOf(jid: string): string | undefined {
    const phoneJid = this.lidPhones.phones.get(jid);
    return this.pushNames.get(jid) ?? (phoneJid === undefined ? undefined : this.pushNames.get(phoneJid));
  }

  /** knownName, else their id. */
  nameOf(jid: string | null): string | null {
    if (jid === null) return null;
    return this.knownName(jid) ?? this.idOf(jid);
  }

  private addressBookName(jid: string): CompanionName | null {
    if (this.companionNames === null) return null;
    const phoneJid = this.lidPhones.phones.get(jid);
    return this.companionNames.get(jid) ?? (phoneJid === undefined ? undefined : this.companionNames.get(phoneJid)) ?? null;
  }
}

/**
 * The lid → phone jid pairs the store and its companions give. A lid given two different phones
 * (the session and a member row, two member rows, the store and LID.sqlite, two rows of a
 * companion disagree) is mapped to neither: which number is the person's cannot be told, and a
 * wrong one would put a false number on every message they sent.
 */
export class LidPhones {
  readonly phones = new Map<string, string>();
  readonly conflicting = new Set<string>();
  /** The companion rows that give each pair; a pair the store gives too rests on the store. */
  private readonly companionPlaces = new Map<string, string[]>();
  private readonly inStore = new Set<string>();

  /**
   * Records the pair when the jid is a lid and the identifier a phone jid. `companionPlace` names
   * the companion row that gives it ("LID.sqlite:ZWAZACCOUNT#3"); null for the store's own.
   */
  note(jid: string | null, identifier: string | null, companionPlace: string | null = null): void {
    if (jid === null || identifier === null || !jid.endsWith('@lid') || phoneFromJid(identifier) === null) return;
    if (this.conflicting.has(jid)) return;
    const known = this.phones.get(jid);
    if (known !== undefined && known !== identifier) {
      this.phones.delete(jid);
      this.companionPlaces.delete(jid);
      this.conflicting.add(jid);
      return;
    }
    this.phones.set(jid, identifier);
    if (companionPlace === null) this.inStore.add(jid);
    else this.companionPlaces.set(jid, [...(this.companionPlaces.get(jid) ?? []), companionPlace]);
  }

  /** The companion rows a pair rests on, when the store itself does not give it; else null. */
  companionPlacesOf(lid: string): string[] | null {
    return this.inStore.has(lid) ? null : this.companionPlaces.get(lid) ?? null;
  }
}
