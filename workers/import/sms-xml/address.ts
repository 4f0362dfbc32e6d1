/**
 * Conversation keys from SMS/MMS addresses. The same person appears as "+1 555-010-0001",
 * "+15550100001" and "(555) 010 0001"-style spellings across a backup, so a phone number keeps
 * its digits and a leading '+' only. A group is several addresses joined by '~' (sorted, so the
 * order the phone wrote them in does not split one group into two). Addresses that are not
 * phone numbers keep their text: RCS groups ("group_8@rcs.google.com", lower-cased) and
 * alphanumeric senders ("BANK-INFO").
 */

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
 * Keys of the addresses seen lately: a backup names the same few hundred addresses over and over
 * (a million messages, one key each). Emptied when full, so a backup of endless distinct
 * addresses holds no more than this.
 */
const KEY_CACHE_LIMIT = 4096;
const keyCache = new Map<string, string>();

export function conversationKey(address: string | null): string {
  if (address === null) return NO_ADDRESS;
  let key = keyCache.get(address);
  if (key === undefined) {
    if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
    key = keyOf(address);
    keyCache.set(address, key);
  }
  return key;
}

function keyOf(address: string): string {
  const parts = [...new Set(splitAddress(address).map((part) => normaliseAddress(part)))].sort();
  return parts.length === 0 ? NO_ADDRESS : parts.join('~');
}
