import type { SaxesParser } from 'saxes';

/**
 * saxes's state number for character data (`S_TEXT` in saxes 6.0.0, pinned in package.json):
 * saxes is not inside a tag, comment, CDATA section or processing instruction. saxes does not
 * expose its state; tests/unit/workers/import/sms-xml/saxes-state.test.ts fails if a new saxes
 * means something else by it.
 */
const S_TEXT = 13;

/**
 * True when everything given to saxes so far ends between markup, so the next '<' starts new
 * markup. saxes holds back a chunk's last CR (to see whether LF follows) or high surrogate
 * (`carriedFromPrevious`): until it reads it, its line and column are not yet where the next
 * text starts, so that is not between markup either.
 */
export function isBetweenMarkup(parser: SaxesParser<{ xmlns: false; position: true; fileName: string }>): boolean {
  const inside = parser as unknown as { state: number; carriedFromPrevious: string | undefined };
  return inside.state === S_TEXT && inside.carriedFromPrevious === undefined;
}

/**
 * True when saxes reads the document by XML 1.0's rules. Any other version it reads by 1.1's:
 * NEL and LINE SEPARATOR are line breaks and written C1 controls are faults, which the plain-sms
 * reader does not know, so it reads 1.0 documents only. (A version saxes refuses stops the read.)
 */
export function readsAsXml10(parser: SaxesParser<{ xmlns: false; position: true; fileName: string }>): boolean {
  const version = parser.xmlDecl.version;
  return version === undefined || version === '1.0';
}
