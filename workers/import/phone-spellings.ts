/**
 * One person's number is spelled many ways across a phone's records: `+40 711 111 111` in a call,
 * `0711111111` in an SMS, `40711111111@s.whatsapp.net` in a WhatsApp call; a backup's own
 * conversations hold `+2347035004497` and `07035004497` of one contact. Like the phone's own
 * contact matching (Android compares numbers loosely from the right), numbers are matched on
 * their last nine digits, and the first spelling met becomes the key of all of them, so a
 * conversation is not split by how a number was written. Shorter numbers (short codes, national
 * numbers of eight digits) match only as written: too few digits to tell people apart.
 */

/** Digits a national and an international spelling of one number share (0711 111 111, +40 711 111 111). */
export const MATCHED_DIGITS = 9;

export class PhoneSpellings {
  private readonly bySuffix = new Map<string, string>();

  /** Bounds the memory of a source of endless distinct numbers; past it, new numbers are keyed as written. */
  constructor(private readonly maxNumbers = 200_000) {}

  /** The key of a number written `spelled`, whose digits are `digits`. */
  keyOf(spelled: string, digits: string): string {
    if (digits.length < MATCHED_DIGITS) return spelled;
    const suffix = digits.slice(-MATCHED_DIGITS);
    const known = this.bySuffix.get(suffix);
    if (known !== undefined) return known;
    if (this.bySuffix.size < this.maxNumbers) this.bySuffix.set(suffix, spelled);
    return spelled;
  }
}
