/**
 * One person's number is spelled many ways across a phone's records: `+40 711 111 111` in a call,
 * `0711111111` in an SMS, `40711111111@s.whatsapp.net` in a WhatsApp call; a backup's own
 * conversations hold `+2347035004497` and `07035004497` of one contact. Two spellings are one
 * number when, without their trunk or international zeros, one is the other with a country code
 * (one to three digits) in front: `2347035004497` and `7035004497`, `15550100001` and `5550100001`.
 * Sharing the last digits is not enough: 212-555-0100 and 312-555-0100 are two people. The first
 * spelling met becomes the key of all of one number's spellings (within one import: another
 * backup's first spelling may differ). Numbers of fewer than nine digits match only as written.
 */

/** Digits a national and an international spelling of one number share at the least (0711 111 111, +40 711 111 111). */
export const MATCHED_DIGITS = 9;
/** Longest country code (ITU E.164). */
const MAX_COUNTRY_CODE_DIGITS = 3;

interface Spelling {
  /** The digits without leading zeros (a trunk 0, an international 00). */
  significant: string;
  key: string;
}

export class PhoneSpellings {
  /** Spellings met, by their last MATCHED_DIGITS digits: where another spelling of them must be. */
  private readonly bySuffix = new Map<string, Spelling[]>();
  private size = 0;

  /** Bounds the memory of a source of endless distinct numbers; past it, new numbers are keyed as written. */
  constructor(private readonly maxNumbers = 200_000) {}

  /** The key of a number written `spelled`, whose digits are `digits`. */
  keyOf(spelled: string, digits: string): string {
    const significant = digits.replace(/^0+/u, '');
    if (significant.length < MATCHED_DIGITS) return spelled;
    const suffix = significant.slice(-MATCHED_DIGITS);
    const known = this.bySuffix.get(suffix) ?? [];
    const same = known.find((other) => sameNumber(other.significant, significant));
    if (same !== undefined) return same.key;
    if (this.size < this.maxNumbers) {
      this.bySuffix.set(suffix, [...known, { significant, key: spelled }]);
      this.size += 1;
    }
    return spelled;
  }
}

/** One is the other, or the other with a country code in front. */
function sameNumber(a: string, b: string): boolean {
  if (a === b) return true;
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.length - shorter.length <= MAX_COUNTRY_CODE_DIGITS && longer.endsWith(shorter);
}
