/**
 * Which saxes errors the SMS backup reader reads past, and how it says so; any other error stops
 * the read where it is (parse-sms-xml.ts).
 */

/** saxes errors that concern one character or reference; the parse goes on after them. */
const RECOVERABLE_ERROR = /entity|disallowed character\.|disallowed character in entity/u;
/**
 * saxes errors in an attribute that it reads past and that a real writer makes: signalbackup-tools'
 * XML export wrote `<smses count=123 …>` (no quotes) and a text part with `cl` twice. saxes reads an
 * unquoted value up to the next space or '>', and keeps a repeated attribute's last value; stopping
 * there lost the whole file (the root) or everything after the first MMS with text.
 */
const RECOVERABLE_ATTRIBUTE_ERROR = /^(?:unquoted attribute value\.|duplicate attribute: [^\s]+\.)$/u;

export interface ErrorReadPast {
  /** The warning's kind (WarningLimiter). */
  kind: 'xml-character' | 'xml-attribute';
  message: string;
}

/**
 * The warning for a saxes error the read goes on after, or null when it must stop there.
 * `detail`: saxes's message without its place; `depth`: elements open (1 inside the root only).
 */
export function errorReadPast(detail: string, depth: number): ErrorReadPast | null {
  if (RECOVERABLE_ERROR.test(detail)) return { kind: 'xml-character', message: `${detail} The text is kept as written.` };
  // An unquoted value is read past only on the root (the writer's `count=N`): in a record, saxes
  // would read `body=ok/>` as "ok/" and leave the element open, so every later record became its
  // child and was lost while the read went on as if nothing had happened.
  const unquotedInRecord = detail.startsWith('unquoted') && depth > 0;
  if (!RECOVERABLE_ATTRIBUTE_ERROR.test(detail) || unquotedInRecord) return null;
  const reading = detail.startsWith('duplicate') ? 'the value written last is the one read' : "the value is read up to the next space or '>'";
  return { kind: 'xml-attribute', message: `bad XML: ${detail.replace(/\.$/u, '')}; ${reading}, and reading goes on.` };
}
