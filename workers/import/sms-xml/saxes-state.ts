import type { SaxesParser } from 'saxes';

/**
 * saxes's state number for character data (`S_TEXT` in saxes 6.0.0, pinned in package.json):
 * saxes is not inside a tag, comment, CDATA section or processing instruction. saxes does not
 * expose its state; tests/unit/workers/import/sms-xml/saxes-state.test.ts fails if a new saxes
 * means something else by it.
 */
const S_TEXT = 13;

/** True when everything given to saxes so far ends between markup, so the next '<' starts new markup. */
export function isBetweenMarkup(parser: SaxesParser<{ xmlns: false; position: true; fileName: string }>): boolean {
  return (parser as unknown as { state: number }).state === S_TEXT;
}
