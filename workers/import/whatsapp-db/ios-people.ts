/**
 * Who a ChatStorage jid is: the push names (ZWAPROFILEPUSHNAME) and, for people WhatsApp keys by a
 * lid, the phone jid the store keeps beside it. Newer stores key a private chat by "<n>@lid" in
 * ZWACHATSESSION.ZCONTACTJID with the phone jid in ZCONTACTIDENTIFIER [source: a tool that writes
 * into real ChatStorage databases documents it so; readers of real stores read it as the chat's
 * phone], and ZWAGROUPMEMBER has the same column. Without it such a partner was shown only as
 * "8123…@lid". The phone becomes the person's id; the lid is kept beside it (extra.senderLid).
 */

import { phoneFromJid } from './jids.ts';

export class IosPeople {
  constructor(
    readonly pushNames: ReadonlyMap<string, string>,
    /** lid jid → the phone jid stored beside it. */
    private readonly lidPhones: ReadonlyMap<string, string>,
  ) {}

  get lidMappings(): number {
    return this.lidPhones.size;
  }

  /** The id shown for a person: their phone number (a lid's when the store gives it), else the jid. */
  idOf(jid: string): string {
    return phoneFromJid(jid) ?? phoneFromJid(this.lidPhones.get(jid) ?? null) ?? jid;
  }

  /** The lid of a person shown by the phone stored beside it, or null. */
  mappedLid(jid: string | null): string | null {
    return jid !== null && this.lidPhones.has(jid) ? jid : null;
  }

  /** Their push name (under the lid or the phone jid), else their id. */
  nameOf(jid: string | null): string | null {
    if (jid === null) return null;
    const phoneJid = this.lidPhones.get(jid);
    return this.pushNames.get(jid) ?? (phoneJid === undefined ? undefined : this.pushNames.get(phoneJid)) ?? this.idOf(jid);
  }
}

/**
 * The lid → phone jid pairs the store gives. A lid given two different phones (the session and a
 * member row, or two member rows, disagree) is mapped to neither: which number is the person's
 * cannot be told, and a wrong one would put a false number on every message they sent.
 */
export class LidPhones {
  readonly phones = new Map<string, string>();
  readonly conflicting = new Set<string>();

  /** Records the pair when the jid is a lid and the identifier a phone jid. */
  note(jid: string | null, identifier: string | null): void {
    if (jid === null || identifier === null || !jid.endsWith('@lid') || phoneFromJid(identifier) === null) return;
    if (this.conflicting.has(jid)) return;
    const known = this.phones.get(jid);
    if (known !== undefined && known !== identifier) {
      this.phones.delete(jid);
      this.conflicting.add(jid);
      return;
    }
    this.phones.set(jid, identifier);
  }
}
