/**
 * The plain `<sms …/>` element, read without saxes (ADR 0015). Nearly every element of a backup
 * is one line, `<sms name="value" … />`, with values that need nothing of XML but the five
 * named references and character references; saxes reads it a character at a time and was
 * most of an SMS backup's import thread. This reader takes such an element only when reading it
 * cannot differ from what saxes would give, and declines (null) everything else: saxes then
 * reads it as before, faults and warnings included. What "cannot differ" means, here:
 *
 * - names of ASCII letters, digits, `_ . -` only, each once, none a JavaScript object already
 *   answers to (`constructor`, `__proto__`), `=` right after the name, the value quoted right
 *   after `=`, one or more spaces between attributes, `/>` at the end;
 * - values without `<`, tab, line break or carriage return (XML turns those into spaces), without
 *   characters XML forbids (controls, U+FFFE/FFFF, half a surrogate pair: saxes warns on them),
 *   and with no reference but `&amp; &lt; &gt; &quot; &apos;` and character references to
 *   characters XML allows (not to halves of surrogate pairs, which SMS Backup & Restore writes
 *   for emoji and saxes warns about);
 * - nothing after the element on its line but spaces: the element holds no line break and the
 *   next one starts on a new line, so saxes, which never sees it, still counts lines and
 *   columns right for everything after it;
 * - an XML 1.0 document (the caller asks saxes): 1.1 makes NEL and LINE SEPARATOR line breaks and
 *   written C1 controls faults, which this reader does not look for.
 */

/** Longest element read here; a longer one is left to saxes (and never held back waiting for its end). */
export const MAX_PLAIN_SMS_CHARS = 64 * 1024;

export interface PlainSms {
  attributes: Record<string, string>;
  /** Index just after the element's `/>`. */
  end: number;
}

const SPACE = 0x20;
const TAB = 0x09;
const CARRIAGE_RETURN = 0x0d;
const LINE_FEED = 0x0a;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const GREATER = 0x3e;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const NAME_START = 2;
const NAME_PART = 1;
/** ASCII name characters of a plain attribute: NAME_START for `A-Z a-z _`, NAME_PART for those and `0-9 . -`. */
const NAME_CHARACTERS = ((): Uint8Array => {
  const table = new Uint8Array(128);
  for (let code = 0; code < 128; code += 1) {
    const character = String.fromCharCode(code);
    if (/[A-Za-z_]/u.test(character)) table[code] = NAME_START | NAME_PART;
    else if (/[0-9.-]/u.test(character)) table[code] = NAME_PART;
  }
  return table;
})();
/**
 * Anywhere in a plain element: what saxes would normalise (tab, line breaks), refuse (`<`) or
 * warn about (controls, U+FFFE/FFFF, half a surrogate pair). Tested once on the whole element,
 * with surrogates in the same pass; only an element that holds one (as one with emoji does)
 * is looked at again, with the slower /u tests (with /u a class matches only an unpaired half).
 */
const NOT_PLAIN_OR_SURROGATE = /[\u0000-\u001f<\ud800-\udfff\ufffe\uffff]/;
const NOT_PLAIN_BMP = /[\u0000-\u001f<\ufffe\uffff]/;
const LONE_SURROGATE = /[\ud800-\udfff]/u;
function notPlain(element: string): boolean {
  if (!NOT_PLAIN_OR_SURROGATE.test(element)) return false;
  return NOT_PLAIN_BMP.test(element) || LONE_SURROGATE.test(element);
}
const NAMED_REFERENCES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/**
 * The attribute names of the last plain element, in order. The elements of a backup nearly all
 * have the same names in the same order; an element that has them is read without looking at
 * its names character by character.
 */
let previousNames: readonly string[] = [];

/** The opening every plain element has; the caller looks for it at a `<`. */
export const PLAIN_SMS_OPENING = '<sms ';

/**
 * The plain sms element starting at `at` (where `text` has PLAIN_SMS_OPENING), 'incomplete' when
 * `text` ends before it can tell, or null when the element is not plain (saxes reads it).
 * Written as one loop over character codes: this runs for nearly every element of a backup.
 */
export function readPlainSms(text: string, at: number): PlainSms | 'incomplete' | null {
  const attributes: Record<string, string> = {};
  let position = at + PLAIN_SMS_OPENING.length - 1;
  let count = 0;
  const expected = previousNames;
  let names: string[] | null = null;
  for (;;) {
    let spaced = false;
    let code = text.charCodeAt(position);
    while (code === SPACE) {
      spaced = true;
      position += 1;
      code = text.charCodeAt(position);
    }
    if (position >= text.length) return unfinished(text, at);
    if (code === SLASH) {
      if (position + 1 >= text.length) return unfinished(text, at);
      if (text.charCodeAt(position + 1) !== GREATER || count === 0) return null;
      const end = position + 2;
      if (notPlain(text.slice(at + 1, end))) return null;
      const element = endsItsLine(text, at, { attributes, end });
      if (names !== null && typeof element === 'object' && element !== null) previousNames = names;
      return element;
    }
    if (!spaced) return null;
    // The name the previous element had here, if this one has it too: already checked then
    // (name characters, not twice, not one Object.prototype answers to) and not checked again.
    const known = expected[count];
    let name: string;
    if (names === null && known !== undefined && text.startsWith(known, position) && text.charCodeAt(position + known.length) === EQUALS) {
      name = known;
      position += known.length;
    } else {
      if (code >= 128 || ((NAME_CHARACTERS[code] ?? 0) & NAME_START) === 0) return null;
      const nameStart = position;
      do {
        position += 1;
        code = text.charCodeAt(position);
      } while (code < 128 && ((NAME_CHARACTERS[code] ?? 0) & NAME_PART) !== 0);
      if (position + 1 >= text.length) return unfinished(text, at);
      if (code !== EQUALS) return null;
      name = text.slice(nameStart, position);
      // A plain object is much quicker to fill than saxes's prototype-less one; a name it already
      // answers to (toString, __proto__) is left to saxes, so no name reads differently.
      if (attributes[name] !== undefined || name in Object.prototype) return null;
      names ??= expected.slice(0, count);
    }
    names?.push(name);
    if (position + 1 >= text.length) return unfinished(text, at);
    const quote = text.charCodeAt(position + 1);
    if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) return null;
    const close = text.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", position + 2);
    if (close < 0) return unfinished(text, at);
    if (close - at > MAX_PLAIN_SMS_CHARS) return null;
    const raw = text.slice(position + 2, close);
    const value = raw.includes('&') ? withReferencesRead(raw) : raw;
    if (value === null) return null;
    attributes[name] = value;
    count += 1;
    position = close + 1;
  }
}

/** 'incomplete' while more text may finish the element; null once it is too long to wait for. */
function unfinished(text: string, at: number): 'incomplete' | null {
  return text.length - at > MAX_PLAIN_SMS_CHARS ? null : 'incomplete';
}

/** The element, if only spaces follow it up to the end of its line. */
function endsItsLine(text: string, at: number, element: PlainSms): PlainSms | 'incomplete' | null {
  for (let position = element.end; position < text.length; position += 1) {
    const code = text.charCodeAt(position);
    if (code === LINE_FEED) return element;
    if (code !== SPACE && code !== TAB && code !== CARRIAGE_RETURN) return null;
  }
  return unfinished(text, at);
}

/** A value's references read as saxes reads them; null when one is not a reference saxes reads silently. */
function withReferencesRead(raw: string): string | null {
  let value = '';
  let from = 0;
  for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', from)) {
    const semicolon = raw.indexOf(';', amp + 1);
    if (semicolon < 0) return null;
    const character = referenced(raw.slice(amp + 1, semicolon));
    if (character === null) return null;
    value += raw.slice(from, amp) + character;
    from = semicolon + 1;
  }
  return value + raw.slice(from);
}

/** The character a reference names (`amp`, `#10`, `#x1F600`), null unless XML allows it and saxes reads it silently. */
function referenced(name: string): string | null {
  const named = NAMED_REFERENCES[name];
  if (named !== undefined) return named;
  const digits = /^#(?:([0-9]{1,7})|x([0-9A-Fa-f]{1,6}))$/u.exec(name);
  if (digits === null) return null;
  const code = digits[1] !== undefined ? Number(digits[1]) : Number.parseInt(digits[2] ?? '', 16);
  const allowed = code === TAB || code === LINE_FEED || code === CARRIAGE_RETURN || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
  return allowed ? String.fromCodePoint(code) : null;
}
