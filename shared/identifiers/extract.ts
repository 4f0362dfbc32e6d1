import { phoneTokens } from '../text/phone.ts';

/**
 * Identifiers in message text: phone numbers, e-mail addresses, handles, IBANs, payment card
 * numbers and URLs, each with a normalised value so the same identifier written differently in
 * two chats (or two sources, or an advert) is recognised as one. One contact number behind many
 * profiles is itself an indicator of third-party control.
 */
export type IdentifierKind = 'phone' | 'email' | 'handle' | 'iban' | 'card' | 'url';

export interface FoundIdentifier {
  kind: IdentifierKind;
  value: string;
  raw: string;
  start: number;
  end: number;
}

/**
 * E-mail addresses are found from each '@' outwards over bounded spans (RFC 5321: local part at
 * most 64, domain at most 255 characters). One regex over the whole text took time growing with
 * the square of an unbroken run of letters: a 1 MiB word stalled tagging for an hour.
 */
const EMAIL_LOCAL_TAIL = /[\p{L}\p{N}._%+-]{1,64}$/u;
const EMAIL_DOMAIN_HEAD = /^[\p{L}\p{N}.-]+\.\p{L}{2,}/u;
const MAX_LOCAL = 64;
const MAX_DOMAIN = 255;
const URL = /\b(?:https?:\/\/|www\.)[^\s<>"']+/giu;
const HANDLE = /(?<![\p{L}\p{N}_@.])@([A-Za-z0-9_.]{3,32})\b|\b(?:t\.me|telegram\.me|instagram\.com|tiktok\.com\/@?|facebook\.com|wa\.me|snapchat\.com\/add)\/([A-Za-z0-9_.]{3,64})/giu;
const IBAN = /\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b/gu;
const CARD = /\b(?:\d[ -]?){13,19}\b/gu;
const PHONE_RUN = /(?<![\p{N}])\+?\(?\p{N}[\p{N}\s().\-/\u00a0\u202f]{5,}\p{N}(?![\p{N}])/gu;

export function extractIdentifiers(text: string): FoundIdentifier[] {
  const found: FoundIdentifier[] = [];
  const taken: [number, number][] = [];
  const add = (kind: IdentifierKind, value: string, raw: string, start: number): void => {
    const end = start + raw.length;
    if (taken.some(([from, to]) => start < to && end > from)) return;
    taken.push([start, end]);
    found.push({ kind, value, raw, start, end });
  };
  for (const match of text.matchAll(URL)) {
    const raw = match[0].replace(/[.,;:!?)]+$/u, '');
    add('url', raw.toLowerCase().replace(/^https?:\/\//u, '').replace(/^www\./u, '').replace(/\/$/u, ''), raw, match.index);
  }
  for (const email of emailAddresses(text)) add('email', email.raw.toLowerCase(), email.raw, email.start);
  for (const match of text.matchAll(HANDLE)) {
    const name = (match[1] ?? match[2] ?? '').toLowerCase();
    if (name !== '') add('handle', name, match[0], match.index);
  }
  for (const match of text.matchAll(IBAN)) {
    const compact = match[0].replaceAll(' ', '');
    if (ibanChecksumValid(compact)) add('iban', compact, match[0], match.index);
  }
  for (const match of text.matchAll(CARD)) {
    const digits = match[0].replace(/\D/gu, '');
    if (digits.length >= 13 && digits.length <= 19 && luhnValid(digits)) add('card', digits, match[0].trim(), match.index);
  }
  for (const match of text.matchAll(PHONE_RUN)) {
    const [token] = phoneTokens(match[0]);
    if (token !== undefined) add('phone', token.replace(/^tel/u, ''), match[0], match.index);
  }
  return found.sort((a, b) => a.start - b.start);
}

function* emailAddresses(text: string): Generator<{ raw: string; start: number }> {
  let from = 0;
  for (let at = text.indexOf('@'); at !== -1; at = text.indexOf('@', at + 1)) {
    if (at < from) continue;
    const local = EMAIL_LOCAL_TAIL.exec(text.slice(Math.max(from, at - MAX_LOCAL), at));
    const domain = EMAIL_DOMAIN_HEAD.exec(text.slice(at + 1, at + 1 + MAX_DOMAIN));
    if (local === null || domain === null) continue;
    const start = at - local[0].length;
    const raw = text.slice(start, at + 1 + domain[0].length);
    from = start + raw.length;
    yield { raw, start };
  }
}

/** ISO 13616 mod-97 check: rejects random letter-digit runs that only look like IBANs. */
export function ibanChecksumValid(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/u.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const character of rearranged) {
    const value = /\d/u.test(character) ? character : String(character.charCodeAt(0) - 55);
    for (const digit of value) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}
