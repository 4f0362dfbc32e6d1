/**
 * Where WhatsApp puts its placeholders: at the end of a body's first line, often after iOS's
 * direction mark (FORMATS.md §1.3, §1.4). Shared by the readers of each kind of placeholder.
 */

/**
 * Placeholders sit at the end of the first line; only this many trailing chars are
 * searched (a 255-char file name plus its label), so a 5 MB line costs no more than a short one.
 */
export const PLACEHOLDER_TAIL_LENGTH = 320;
export const WHITESPACE = /\s/u;

/** The last PLACEHOLDER_TAIL_LENGTH chars of a line and where they start. */
export function tailOf(line: string): { tail: string; start: number } {
  const start = Math.max(0, line.length - PLACEHOLDER_TAIL_LENGTH);
  return { tail: start === 0 ? line : line.slice(start), start };
}

/** LRM or RLM: the marks iOS writes before its own wordings. */
export function isDirectionMark(char: string): boolean {
  return char === '\u200e' || char === '\u200f';
}
