/**
 * Conversation keys from SMS/MMS addresses. The same person appears as "+1 555-010-0001",
 * "+15550100001" and "(555) 010 0001" across a backup, and as "+2347035004497" and the national
 * "07035004497" (real backups hold both for one contact): a phone number keeps its digits and a
 * leading '+', and numbers that share their last nine digits are one key, the first spelling met
 * (PhoneSpellings), as the phone's own threads match them. A group is several addresses joined by
 * '~' (sorted, so the order the phone wrote them in does not split one group into two).
 * Addresses that are not phone numbers keep their text: RCS groups ("group_8@rcs.google.com",
 * lower-cased) and alphanumeric senders ("BANK-INFO").
 */

import { PhoneSpellings } from '../phone-spellings.ts';

const NO_ADDRESS = '(no address)';

export function normaliseAddress(address: string): string {
  const trimmed = address.trim();
  if (trimmed.includes('@')) return trimmed.toLowerCase();
  const bare = trimmed.replace(/^tel:/iu, '');
  // Android's placeholders for a withheld caller ("-1" unknown, "-2" private, "-3" payphone) are
  // not numbers: without the sign "-2" would share a key with the short number "2".
  if (/^-\d+$/u.test(bare)) return bare;
  const digits = bare.replace(/[^\d]/gu, '');
  if (digits === '' || /[A-Za-z]/u.test(bare)) return trimmed === '' ? NO_ADDRESS : trimmed;
  return `${bare.startsWith('+') ? '+' : ''}${digits}`;
}

/**
 * An RCS group's address (`group_8@rcs.google.com`, FORMATS.md §4.1): one address naming a whole
 * group. Any other address with an '@' is one sender (an e-mail gateway writing to the phone).
 */
export function isRcsGroupAddress(address: string): boolean {
  return /^group_[^@\s]*@|@(?:[\w-]+\.)*rcs\./iu.test(address.trim());
}

/** The parts of a (group) address as written. */
export function splitAddress(address: string): string[] {
  return address.split(/[~,;]/u).map((part) => part.trim()).filter((part) => part !== '' && part !== 'null');
}

/**
 * How many addresses' keys are remembered: a backup names the same few hundred addresses over
 * and over (a million messages, one key each). Emptied when full, so a backup of endless
 * distinct addresses holds no more than this; a key found again is the same (the spellings only
 * grow).
 */
const KEY_CACHE_LIMIT = 4096;
const NUMBER = /^\+?(\d+)$/u;

/** The conversation keys of one source's addresses: one per import, so spellings met in one backup never key another. */
export class AddressKeys {
  private readonly spellings = new PhoneSpellings();
  private readonly cache = new Map<string, string>();

  of(address: string | null): string {
    if (address === null) return NO_ADDRESS;
    let key = this.cache.get(address);
    if (key === undefined) {
      if (this.cache.size >= KEY_CACHE_LIMIT) this.cache.clear();
      key = this.keyOf(address);
      this.cache.set(address, key);
    }
    return key;
  }

  private keyOf(address: string): string {
    const parts = [...new Set(splitAddress(address).map((part) => this.partKey(normaliseAddress(part))))].sort();
    return parts.length === 0 ? NO_ADDRESS : parts.join('~');
  }

  private partKey(normalised: string): string {
    const digits = NUMBER.exec(normalised)?.[1];
    return digits === undefined ? normalised : this.spellings.keyOf(normalised, digits);
  }
}
