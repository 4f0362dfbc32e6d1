/**
 * Text filter between the prefilter and saxes for one known Physical Analyzer bug: some field
 * values are written without escaping, a Password model's `Data` above all (IPED wraps exactly
 * that value in CDATA before its SAX parser reads a report, UFEDXMLWrapper). A `<` in such a
 * value ("a<b", a password "x</y") is no markup, yet saxes took it for a tag, failed, and the
 * import stopped there: every model after the first such Password in the report was lost.
 *
 * A `<value>` holds text only (its text, a CDATA section, or nothing; `<empty/>` is a sibling,
 * never a child, and Physical Analyzer writes no comment there), so inside a value's content any
 * `<` that opens neither the value's close tag nor a CDATA section is text (a password `<!--x`
 * too, which as a comment would have swallowed the report up to the next `-->`): it is passed on
 * as `&lt;`, and counted. Everything outside values, and CDATA anywhere, pass unchanged. Line numbers are unchanged;
 * columns after an escaped `<` on its line shift right by three.
 */

/** Longest markup prefix held back at a text end to be completed by the next (`<prefix:value`, `</value>`...). */
const MAX_MARKER_CHARS = 64;
const CDATA_START = '<![CDATA[';
const CDATA_END = ']]>';
const COMMENT_START = '<!--';
const COMMENT_END = '-->';
/** What matters outside values: a CDATA section, a comment, a value's start tag. */
const MARKUP = /<(?:!\[CDATA\[|!--|(?:[A-Za-z_][\w.-]*:)?value(?=[\s/>]))/g;
const VALUE_END = /<\/(?:[A-Za-z_][\w.-]*:)?value\s*>/y;
const TAG_STOP = /["'>]/g;

type Mode = 'markup' | 'start-tag' | 'content' | 'cdata' | 'comment';

export class ValueTextGuard {
  private mode: Mode = 'markup';
  /** Where a CDATA section or comment returns to when it ends. */
  private after: 'markup' | 'content' = 'markup';
  private quote: string | null = null;
  /** The last character of a value start tag read so far, to tell `<value/>` when its `>` comes in the next text. */
  private lastTagChar = '';
  private carry = '';
  /** `<` characters inside values passed on as text. */
  escaped = 0;
  /** Line (1-based) of the first escaped `<`, for the warning; lines are counted until it is found. */
  firstEscapedLine: number | null = null;
  private linesPassed = 0;

  push(text: string): string {
    return this.run(this.carry + text, false);
  }

  end(): string {
    return this.run(this.carry, true);
  }

  private run(text: string, final: boolean): string {
    this.carry = '';
    const out: string[] = [];
    /** Text before this index is in `out` already. */
    let flushed = 0;
    let end = text.length;
    let at = 0;
    /** Holds back from `from` when it may be the start of a marker the next text completes. */
    const held = (from: number): boolean => {
      if (final || from < at || text.length - from >= MAX_MARKER_CHARS || text.includes('>', from)) return false;
      end = from;
      return true;
    };
    while (at < end) {
      if (this.mode === 'cdata' || this.mode === 'comment') {
        const close = this.mode === 'cdata' ? CDATA_END : COMMENT_END;
        const found = text.indexOf(close, at);
        if (found === -1) {
          // What may be the start of the end marker waits for the next text.
          if (!final) end = Math.max(at, text.length - (close.length - 1));
          break;
        }
        at = found + close.length;
        this.mode = this.after;
      } else if (this.mode === 'start-tag') {
        at = this.startTag(text, at);
      } else if (this.mode === 'markup') {
        MARKUP.lastIndex = at;
        const found = MARKUP.exec(text);
        if (found === null) {
          held(text.lastIndexOf('<'));
          break;
        }
        at = found.index + found[0].length;
        if (found[0] === CDATA_START || found[0] === COMMENT_START) {
          this.after = 'markup';
          this.mode = found[0] === CDATA_START ? 'cdata' : 'comment';
        } else {
          this.mode = 'start-tag';
          this.lastTagChar = 'e';
        }
      } else {
        const lt = text.indexOf('<', at);
        if (lt === -1) break;
        VALUE_END.lastIndex = lt;
        const close = VALUE_END.exec(text);
        if (close !== null) {
          at = lt + close[0].length;
          this.mode = 'markup';
        } else if (text.startsWith(CDATA_START, lt)) {
          this.after = 'content';
          this.mode = 'cdata';
          at = lt + CDATA_START.length;
        } else if (held(lt)) {
          break;
        } else {
          // Text, not markup: a value holds no elements.
          out.push(text.slice(flushed, lt), '&lt;');
          flushed = lt + 1;
          at = lt + 1;
          this.escaped += 1;
          if (this.firstEscapedLine === null) this.firstEscapedLine = this.linesPassed + newlines(text, 0, lt) + 1;
        }
      }
    }
    end = Math.min(end, text.length);
    this.carry = text.slice(end);
    if (this.firstEscapedLine === null) this.linesPassed += newlines(text, 0, end);
    if (flushed === 0 && end === text.length) return text;
    out.push(text.slice(flushed, end));
    return out.join('');
  }

  /** Reads a value's start tag on to its '>' (a quoted attribute value may hold '>'); returns where reading goes on. */
  private startTag(text: string, from: number): number {
    let at = from;
    while (at < text.length) {
      if (this.quote !== null) {
        const close = text.indexOf(this.quote, at);
        if (close === -1) {
          this.lastTagChar = this.quote;
          return text.length;
        }
        at = close + 1;
        this.quote = null;
        continue;
      }
      TAG_STOP.lastIndex = at;
      const stop = TAG_STOP.exec(text);
      if (stop === null) break;
      if (stop[0] !== '>') {
        this.quote = stop[0];
        at = stop.index + 1;
        continue;
      }
      const before = stop.index > 0 ? text[stop.index - 1] : this.lastTagChar;
      this.mode = before === '/' ? 'markup' : 'content';
      return stop.index + 1;
    }
    const last = text.at(-1);
    if (last !== undefined) this.lastTagChar = last;
    return text.length;
  }
}

function newlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let index = text.indexOf('\n', from); index !== -1 && index < to; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}
