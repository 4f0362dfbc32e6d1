/**
 * Text filter between the UTF-8 decoder and saxes, for two things saxes should not see as-is:
 *
 * 1. Entity declarations. The prologue (everything before the root element) is held back until
 *    the root starts; a DOCTYPE that declares entities is refused before the XML parser sees a
 *    byte of it. saxes never expands declared entities or fetches external ones anyway, but a
 *    file built for an entity attack ("billion laughs", external entity to a local file) is not
 *    a phone backup, and the examiner should be told so plainly. SMS Backup & Restore never
 *    writes a DOCTYPE.
 * 2. Emoji written as two numeric character references, one per UTF-16 surrogate
 *    (`&#55357;&#56832;`, by some SMS Backup & Restore versions and Signal/Silence plaintext
 *    exports). XML forbids surrogate code points, so each pair is joined into one reference
 *    (`&#x1F600;`), and a lone surrogate becomes U+FFFD and is counted.
 * 3. A bare '&' that starts no reference ("AT&T", "Q & A"), left unescaped by some writers. saxes
 *    reads everything from it to the next ';' anywhere in the file as one entity name, which
 *    swallowed the messages in between into one body; it is escaped (`&amp;`), so the text reads
 *    as written, and counted. An '&' in a CDATA section or a comment is plain text and is left
 *    alone (every SMS Backup & Restore 10.x backup starts with such a comment).
 *
 * Line numbers are unchanged (no newline is added or removed); columns after a joined pair on
 * the same line shift left by the characters saved, and after an escaped '&' right by four.
 */

/** The prologue may not grow beyond this before the root element starts. */
export const MAX_PROLOGUE_CHARS = 1024 * 1024;
/** Longest reference kept back at a chunk end to see its end or its partner (see REFERENCE_AFTER_AMPERSAND). */
const MAX_REFERENCE_CHARS = 14;
/**
 * What may follow an '&' that starts a reference, at most MAX_REFERENCE_CHARS long with the '&':
 * a character reference, or a name (predefined, or undefined and kept as written by the parser).
 */
const REFERENCE_AFTER_AMPERSAND = /&(?:#\d{1,11};|#[xX][0-9a-fA-F]{1,10};|[A-Za-z_:][\w.:-]{0,11};)/y;

const PAIR = /&#(x[dD][89abAB][0-9a-fA-F]{2}|5[56]\d{3});&#(x[dD][c-fC-F][0-9a-fA-F]{2}|5[67]\d{3});/gu;
const SURROGATE_REFERENCE = /&#(x[dD][89a-fA-F][0-9a-fA-F]{2}|5[5-7]\d{3});/gu;
const HIGH_SURROGATE_AT_END = /&#(x[dD][89abAB][0-9a-fA-F]{2}|5[56]\d{3});$/u;
const CDATA_START = '<![CDATA[';
const CDATA_END = ']]>';
const COMMENT_START = '<!--';
const COMMENT_END = '-->';
/** Enough of the previous text to complete a section marker cut by a chunk end (the longest is CDATA_START). */
const MARKER_TAIL_CHARS = CDATA_START.length - 1;
/** No search for a section start made yet in the text being escaped (below any place in it). */
const UNKNOWN = -2;

/** A stretch of the file in which '&' is plain text, not the start of a reference. */
type Section = 'cdata' | 'comment';
const SECTION_END: Record<Section, string> = { cdata: CDATA_END, comment: COMMENT_END };
const HIGH_FIRST = 0xd800;
const HIGH_LAST = 0xdbff;
const LOW_FIRST = 0xdc00;
const LOW_LAST = 0xdfff;

export class EntityDeclarationError extends Error {
  constructor(readonly line: number) {
    super(`the DOCTYPE at line ${line} declares XML entities (<!ENTITY …>)`);
    this.name = 'EntityDeclarationError';
  }
}

export class PrologueTooLongError extends Error {
  constructor() {
    super(`no root element in the first ${MAX_PROLOGUE_CHARS} characters`);
    this.name = 'PrologueTooLongError';
  }
}

export class XmlPrefilter {
  private prologue: string | null = '';
  private carry = '';
  joinedPairs = 0;
  loneSurrogates = 0;
  bareAmpersands = 0;
  /** Line of the first bare '&' (1-based), for the warning; lines are counted until it is found. */
  firstBareAmpersandLine: number | null = null;
  private linesPassed = 0;
  /** The section the text read so far ends in, or null outside any. */
  private section: Section | null = null;
  private markerTail = '';
  /** The last start of each kind of section found in the text being escaped, -1 for none left, UNKNOWN before a search (nextStart). */
  private startsFound: Record<Section, number> = { cdata: UNKNOWN, comment: UNKNOWN };
  /** The DOCTYPE text when the file had one (without entity declarations). */
  doctype: string | null = null;

  /**
   * True when the prefilter holds nothing back (the prologue is over, no reference is carried
   * to the next text): text read elsewhere may come between this text and the next.
   */
  get holdsNothing(): boolean {
    return this.prologue === null && this.carry === '';
  }

  /** Lines read elsewhere (plain sms lines), so the line of the first bare '&' stays right. */
  passLines(count: number): void {
    if (this.firstBareAmpersandLine === null) this.linesPassed += count;
  }

  /** Text for the XML parser (possibly empty while the prologue is held back). */
  push(text: string): string {
    return this.repair(this.screen(text), false);
  }

  end(): string {
    const rest = this.prologue ?? '';
    this.prologue = null;
    if (rest !== '') this.check(rest);
    return this.repair(rest, true);
  }

  /** Holds the prologue back until the root element starts, then checks it. */
  private screen(text: string): string {
    if (this.prologue === null) return text;
    const held = this.prologue + text;
    const root = rootStart(held);
    if (root === -1) {
      if (held.length > MAX_PROLOGUE_CHARS) {
        this.check(held);
        throw new PrologueTooLongError();
      }
      this.prologue = held;
      return '';
    }
    this.prologue = null;
    this.check(held.slice(0, root));
    return held;
  }

  private check(prologue: string): void {
    const doctype = /<!DOCTYPE/iu.exec(prologue);
    if (doctype === null) return;
    const declaration = /<!ENTITY/iu.exec(prologue.slice(doctype.index));
    if (declaration !== null) {
      const at = doctype.index + declaration.index;
      throw new EntityDeclarationError(1 + (prologue.slice(0, at).match(/\n/gu)?.length ?? 0));
    }
    const end = prologue.indexOf('>', doctype.index);
    this.doctype = prologue.slice(doctype.index, end === -1 ? undefined : end + 1);
  }

  private repair(text: string, final: boolean): string {
    let full = this.carry + text;
    this.carry = '';
    if (!final) {
      // Keep back a reference cut by the chunk end, or a high surrogate whose partner may follow.
      let keep = full.length;
      const amp = full.lastIndexOf('&');
      if (amp !== -1 && full.length - amp <= MAX_REFERENCE_CHARS && !full.includes(';', amp)) keep = amp;
      const high = HIGH_SURROGATE_AT_END.exec(full.slice(0, keep));
      const code = high === null ? 0 : referenceValue(high[1] ?? '');
      if (high !== null && code >= HIGH_FIRST && code <= HIGH_LAST) keep = high.index;
      this.carry = full.slice(keep);
      full = full.slice(0, keep);
    }
    full = this.escapeBareAmpersands(full);
    if (!full.includes('&#')) return full;
    const joined = full.replace(PAIR, (whole, high: string, low: string) => {
      const highCode = referenceValue(high);
      const lowCode = referenceValue(low);
      if (highCode < HIGH_FIRST || highCode > HIGH_LAST || lowCode < LOW_FIRST || lowCode > LOW_LAST) return whole;
      this.joinedPairs += 1;
      return `&#x${(0x10000 + ((highCode - HIGH_FIRST) << 10) + (lowCode - LOW_FIRST)).toString(16).toUpperCase()};`;
    });
    return joined.replace(SURROGATE_REFERENCE, (whole, body: string) => {
      const code = referenceValue(body);
      if (code < HIGH_FIRST || code > LOW_LAST) return whole;
      this.loneSurrogates += 1;
      return '&#xFFFD;';
    });
  }

  /**
   * Escapes bare '&'s outside CDATA sections and comments (inside them an '&' is plain text, as
   * Cellebrite reports write bodies and SMS Backup & Restore its header comment). A section marker
   * cut by a chunk end is found by joining the previous text's last characters to this text's
   * first ones only: joining whole chunks copied every chunk of the file once more (most of this
   * step's cost on a 354 MB backup).
   */
  private escapeBareAmpersands(text: string): string {
    this.startsFound = { cdata: UNKNOWN, comment: UNKNOWN };
    let out = '';
    let emitted = 0;
    let next = this.sectionMarkerCrossingInto(text);
    for (;;) {
      next ??= this.nextSectionMarker(text, emitted);
      const segmentEnd = next === null ? text.length : next.end;
      const segment = text.slice(emitted, segmentEnd);
      out += this.section !== null || !segment.includes('&') ? segment : this.escapeSegment(segment, text, emitted);
      emitted = segmentEnd;
      if (next === null) break;
      this.section = next.enters;
      next = null;
    }
    this.markerTail = (this.markerTail + text.slice(-MARKER_TAIL_CHARS)).slice(-MARKER_TAIL_CHARS);
    if (this.firstBareAmpersandLine === null) this.linesPassed += newlinesIn(text, text.length);
    return out;
  }

  /**
   * The first marker at or after `from` that changes the section (the current section's end, or
   * outside one the start of either kind): where it ends and the section after it.
   */
  private nextSectionMarker(text: string, from: number): { end: number; enters: Section | null } | null {
    if (this.section !== null) {
      const marker = SECTION_END[this.section];
      const at = text.indexOf(marker, from);
      return at === -1 ? null : { end: at + marker.length, enters: null };
    }
    const cdata = this.nextStart(text, 'cdata', from);
    const comment = this.nextStart(text, 'comment', from);
    if (cdata === -1 && comment === -1) return null;
    return comment === -1 || (cdata !== -1 && cdata < comment) ? { end: cdata + CDATA_START.length, enters: 'cdata' } : { end: comment + COMMENT_START.length, enters: 'comment' };
  }

  /**
   * Where the next start of a section of `kind` lies in `text` at or after `from` (-1: none).
   * Searches of one text go forward, so an answer found for an earlier `from` still holds when it
   * lies at or after this one, and "none" always does: without this, a text of many CDATA
   * sections and no comment (every string of a Cellebrite report) was searched for a comment to
   * its end from every section, in time growing with the square of the text's length.
   */
  private nextStart(text: string, kind: Section, from: number): number {
    const found = this.startsFound[kind];
    if (found === -1 || found >= from) return found;
    const at = text.indexOf(kind === 'cdata' ? CDATA_START : COMMENT_START, from);
    this.startsFound[kind] = at;
    return at;
  }

  /** A marker that changes the section begun in the previous text's last characters and ending in `text`. */
  private sectionMarkerCrossingInto(text: string): { end: number; enters: Section | null } | null {
    if (this.section !== null) {
      const end = this.markerCrossingInto(text, SECTION_END[this.section]);
      return end === -1 ? null : { end, enters: null };
    }
    const cdata = this.markerCrossingInto(text, CDATA_START);
    if (cdata !== -1) return { end: cdata, enters: 'cdata' };
    const comment = this.markerCrossingInto(text, COMMENT_START);
    return comment === -1 ? null : { end: comment, enters: 'comment' };
  }

  /** Where in `text` a `marker` begun in the previous text's last characters ends, or -1. */
  private markerCrossingInto(text: string, marker: string): number {
    if (this.markerTail === '') return -1;
    const tail = this.markerTail.length;
    const bridge = this.markerTail + text.slice(0, marker.length - 1);
    for (let at = bridge.indexOf(marker); at !== -1 && at < tail; at = bridge.indexOf(marker, at + 1)) {
      if (at + marker.length > tail) return at + marker.length - tail;
    }
    return -1;
  }

  /**
   * The segment with each bare '&' escaped. Every '&' is looked at where it is (a sticky test, no
   * copy of the text): a backup escapes its bodies' quotes and ampersands, so most segments hold
   * many references and no bare '&', and are returned as they came.
   */
  private escapeSegment(segment: string, text: string, segmentStart: number): string {
    let escaped = '';
    let copied = 0;
    for (let at = segment.indexOf('&'); at !== -1; at = segment.indexOf('&', at + 1)) {
      REFERENCE_AFTER_AMPERSAND.lastIndex = at;
      if (REFERENCE_AFTER_AMPERSAND.test(segment)) continue;
      this.bareAmpersands += 1;
      this.firstBareAmpersandLine ??= this.linesPassed + 1 + newlinesIn(text, segmentStart + at);
      escaped += `${segment.slice(copied, at)}&amp;`;
      copied = at + 1;
    }
    return copied === 0 ? segment : escaped + segment.slice(copied);
  }
}

function newlinesIn(text: string, end: number): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < end; at = text.indexOf('\n', at + 1)) count += 1;
  return count;
}

function referenceValue(body: string): number {
  return body.startsWith('x') || body.startsWith('X') ? Number.parseInt(body.slice(1), 16) : Number.parseInt(body, 10);
}

/** Index of the root element's '<' (a '<' followed by a name character), or -1. */
function rootStart(text: string): number {
  let from = 0;
  for (;;) {
    const lt = text.indexOf('<', from);
    if (lt === -1 || lt + 1 >= text.length) return -1;
    const next = text.charAt(lt + 1);
    if (/[A-Za-z_:]/u.test(next)) return lt;
    if (text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      if (close === -1) return -1;
      from = close + 3;
      continue;
    }
    if (text.slice(lt, lt + 9).toUpperCase() === '<!DOCTYPE') {
      // Skip the whole declaration, internal subset included: its markup is not the root.
      const gt = text.indexOf('>', lt);
      const bracket = text.indexOf('[', lt);
      if (gt === -1) return -1;
      if (bracket !== -1 && bracket < gt) {
        const close = /\]\s*>/gu;
        close.lastIndex = bracket;
        const end = close.exec(text);
        if (end === null) return -1;
        from = end.index + end[0].length;
      } else {
        from = gt + 1;
      }
      continue;
    }
    from = lt + 1;
  }
}
