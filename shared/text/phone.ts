/**
 * Phone numbers are written a hundred ways (+40 721 000 111, 0721-000-111, (0721) 000111).
 * Indexing adds one token per number made of its last NATIONAL_DIGITS digits, and a query that
 * looks like a number searches that token, so every formatting finds every other.
 */
const PHONE_LIKE = /(?<![\p{N}])\+?\(?\p{N}[\p{N}\s().\-/\u00a0\u202f\u200e\u200f\u061c]{5,}\p{N}(?![\p{N}])/gu;
/** Long enough to tell numbers apart, short enough to ignore country and trunk prefixes. */
export const NATIONAL_DIGITS = 9;
const MIN_DIGITS = 7;
const MAX_DIGITS = 15;
const TOKEN_PREFIX = 'tel';

function digitsOf(text: string): string {
  return text.replace(/\p{N}/gu, (digit) => String(Number.parseInt(digit, 10))).replace(/\D/g, '');
}

/** At least MIN_DIGITS digits anywhere, checked without a regex (most messages have none). */
function mayHoldNumber(text: string): boolean {
  let digits = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    // ASCII, Arabic-Indic, Persian, Devanagari and full-width digits: the ones phone numbers are written in.
    if ((code >= 48 && code <= 57) || (code >= 0x660 && code <= 0x669) || (code >= 0x6f0 && code <= 0x6f9) || (code >= 0x966 && code <= 0x96f) || (code >= 0xff10 && code <= 0xff19)) digits++;
    if (digits >= MIN_DIGITS) return true;
  }
  return false;
}

/** The phone tokens of a text: one per number-looking run of 7 to 15 digits. */
export function phoneTokens(text: string): string[] {
  if (!mayHoldNumber(text)) return [];
  const tokens: string[] = [];
  for (const match of text.matchAll(PHONE_LIKE)) {
    const digits = digitsOf(match[0]);
    if (digits.length < MIN_DIGITS || digits.length > MAX_DIGITS) continue;
    tokens.push(phoneToken(digits));
  }
  return tokens;
}

export function phoneToken(digits: string): string {
  return `${TOKEN_PREFIX}${digits.slice(-NATIONAL_DIGITS)}`;
}

/** The token to search for when a query word looks like a phone number, else null. */
export function phoneQueryToken(word: string): string | null {
  if (!/^\+?[\p{N}\s().\-/]+$/u.test(word)) return null;
  const digits = digitsOf(word);
  return digits.length >= MIN_DIGITS && digits.length <= MAX_DIGITS ? phoneToken(digits) : null;
}
