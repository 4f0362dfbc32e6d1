import type { BidiClass, Level } from './bidi.ts';
import { bidiClass, isRightToLeftClass, paragraphLevel, resolveLevels, visualOrder } from './bidi.ts';
import type { FontFiles, FontRole } from './fonts.ts';
import { FONT_ROLES } from './fonts.ts';

/**
 * Multilingual line layout on top of pdfkit: per-character font choice (pdfkit has no
 * fallback), Unicode bidi ordering (pdfkit has none), Arabic shaping by fontkit. Each run is
 * drawn with `features: []`, which makes pdfkit shape the whole run at once instead of word by
 * word: only then does fontkit join Arabic letters across the run and order RTL glyphs right.
 */
export interface TextStyle {
  size: number;
  bold?: boolean;
  color?: string;
  /** ASCII in the monospace font (commands); other characters fall back as usual. */
  mono?: boolean;
}

interface Char {
  text: string;
  type: BidiClass;
  font: string;
}

export interface LaidLine {
  chars: Char[];
  levels: Level[];
  base: Level;
}

const LINE_HEIGHT = 1.45;
/** Where the baseline sits in a line box, as a share of the font size (Noto's ascent ~1.07 em, scaled into the 1.45 box). */
const BASELINE = 1.08;
const MIRRORED: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«' };
const HEBREW_OR_ARABIC = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/u;

export class PdfText {
  private readonly coverage = new Map<string, (codePoint: number) => boolean>();
  /** Width at 1 pt per font and text: shaping is the costly part of layout, and words repeat. */
  private readonly widths = new Map<string, number>();

  constructor(private readonly doc: PDFKit.PDFDocument, fonts: FontFiles) {
    for (const weight of ['regular', 'bold'] as const) {
      for (const role of FONT_ROLES) {
        const file = fonts[weight][role] ?? fonts.regular[role];
        if (file === undefined) continue;
        const name = fontName(role, weight === 'bold');
        doc.registerFont(name, file.bytes);
        doc.font(name);
        this.coverage.set(name, glyphCoverage(doc));
      }
    }
  }

  lineHeight(style: TextStyle): number {
    return style.size * LINE_HEIGHT;
  }

  /** Breaks a paragraph (no newlines) into lines no wider than width. */
  layout(text: string, style: TextStyle, width: number): LaidLine[] {
    const chars = this.itemise(text, style.bold === true, style.mono === true);
    const types = chars.map((char) => char.type);
    const base = paragraphLevel(types);
    const levels = resolveLevels(types, base);
    const lines: LaidLine[] = [];
    let start = 0;
    let lineWidth = 0;
    let index = 0;
    while (index < chars.length) {
      let end = index;
      while (end < chars.length && chars[end]?.type !== 'WS') end++;
      while (end < chars.length && chars[end]?.type === 'WS') end++;
      const wordWidth = this.measure(chars.slice(index, end), style);
      const trimmedWidth = this.measure(chars.slice(index, end).filter((char) => char.type !== 'WS'), style);
      if (lineWidth + trimmedWidth <= width || (index === start && trimmedWidth <= width)) {
        lineWidth += wordWidth;
        index = end;
        continue;
      }
      if (index > start) {
        lines.push({ chars: chars.slice(start, index), levels: levels.slice(start, index), base });
        start = index;
        lineWidth = 0;
        continue;
      }
      // One word wider than the line (a hash, a URL): cut it where it no longer fits.
      let cut = index + 1;
      let used = this.measure(chars.slice(index, cut), style);
      while (cut < end) {
        used += this.measure(chars.slice(cut, cut + 1), style);
        if (used > width) break;
        cut++;
      }
      lines.push({ chars: chars.slice(start, cut), levels: levels.slice(start, cut), base });
      start = cut;
      index = cut;
      lineWidth = 0;
    }
    if (start < chars.length || lines.length === 0) lines.push({ chars: chars.slice(start), levels: levels.slice(start), base });
    return lines;
  }

  /** Draws one laid-out line with its top at y: right-aligned when the paragraph is right-to-left. */
  drawLine(line: LaidLine, x: number, y: number, width: number, style: TextStyle): void {
    const runs = visualRuns(line);
    const widths = runs.map((run) => this.width(run.text, run.font, style.size));
    const total = widths.reduce((sum, value) => sum + value, 0);
    let cursor = line.base % 2 === 1 ? x + Math.max(0, width - total) : x;
    const baseline = y + style.size * BASELINE;
    for (const [index, run] of runs.entries()) {
      this.doc.font(run.font).fontSize(style.size).fillColor(style.color ?? '#111111');
      this.doc.text(run.text, cursor, baseline, { lineBreak: false, features: [], baseline: 'alphabetic' });
      cursor += widths[index] ?? 0;
    }
  }

  private width(text: string, font: string, size: number): number {
    const key = `${font}\u0000${text}`;
    let unit = this.widths.get(key);
    if (unit === undefined) {
      unit = this.doc.font(font).fontSize(1).widthOfString(text, { features: [] });
      this.widths.set(key, unit);
    }
    return unit * size;
  }

  private measure(chars: readonly Char[], style: TextStyle): number {
    let total = 0;
    let run = '';
    let font = chars[0]?.font ?? '';
    for (const char of chars) {
      if (char.font !== font) {
        total += this.width(run, font, style.size);
        run = '';
        font = char.font;
      }
      run += char.text;
    }
    return run === '' ? total : total + this.width(run, font, style.size);
  }

  /** Splits text into code points, each with its bidi class and the font that will draw it. */
  private itemise(text: string, bold: boolean, mono: boolean): Char[] {
    const chars: Char[] = [];
    const monoFont = mono ? this.fontFor('mono', false) : null;
    let previous: string | null = null;
    for (const char of text) {
      const codePoint = char.codePointAt(0) ?? 0;
      const type = bidiClass(codePoint);
      const font: string = monoFont !== null && codePoint < 0x80 ? monoFont : this.chooseFont(codePoint, type, previous, bold);
      chars.push({ text: char, type, font });
      previous = font;
    }
    return chars;
  }

  private chooseFont(codePoint: number, type: BidiClass, previous: string | null, bold: boolean): string {
    const covers = (name: string): boolean => this.coverage.get(name)?.(codePoint) ?? false;
    const joiner = codePoint === 0x200c || codePoint === 0x200d || (codePoint >= 0xfe00 && codePoint <= 0xfe0f);
    // Marks, joiners and neutrals stay in the font of what precedes them, so runs stay whole.
    if (previous !== null && (type === 'NSM' || joiner || ((type === 'WS' || type === 'ON' || type === 'CS' || type === 'ES' || type === 'ET' || type === 'EN') && covers(previous)))) return previous;
    const char = String.fromCodePoint(codePoint);
    const preferred: FontRole = HEBREW_OR_ARABIC.test(char) ? (isRightToLeftClass(type) && /[\u0590-\u05ff\ufb1d-\ufb4f]/u.test(char) ? 'hebrew' : 'arabic') : 'sans';
    const order: FontRole[] = [preferred, 'sans', 'arabic', 'hebrew', 'symbols'];
    for (const role of order) {
      const name = fontName(role, bold);
      if (this.coverage.has(name) && covers(name)) return name;
    }
    return fontName('sans', bold);
  }

  fontFor(role: FontRole, bold: boolean): string {
    const name = fontName(role, bold);
    return this.coverage.has(name) ? name : fontName('sans', bold);
  }
}

function fontName(role: FontRole, bold: boolean): string {
  return `${role}${bold ? '-bold' : ''}`;
}

/** Runs of one font and one level, in visual order; each run's text in the order fontkit expects. */
export function visualRuns(line: LaidLine): { text: string; font: string }[] {
  let end = line.chars.length;
  while (end > 0 && line.chars[end - 1]?.type === 'WS') end--;
  const chars = line.chars.slice(0, end);
  const order = visualOrder(line.levels.slice(0, end), chars.map((char) => char.type), line.base);
  const runs: { indexes: number[]; font: string; level: Level }[] = [];
  for (const index of order) {
    const char = chars[index];
    const level = line.levels[index] ?? line.base;
    if (char === undefined) continue;
    const last = runs[runs.length - 1];
    const step = level % 2 === 1 ? -1 : 1;
    if (last !== undefined && last.font === char.font && last.level === level && last.indexes[last.indexes.length - 1] === index - step) last.indexes.push(index);
    else runs.push({ indexes: [index], font: char.font, level });
  }
  return runs.map((run) => {
    const logical = [...run.indexes].sort((a, b) => a - b).map((index) => chars[index]?.text ?? '');
    const rightToLeft = run.level % 2 === 1;
    // fontkit reverses runs of a right-to-left script itself; a right-to-left run of neutrals only
    // (a bracket, "!") it would draw as given, so those are reversed and mirrored here.
    const hasRtlLetters = run.indexes.some((index) => isRightToLeftClass(chars[index]?.type ?? 'ON'));
    const text = rightToLeft && !hasRtlLetters ? logical.reverse().map((char) => MIRRORED[char] ?? char).join('') : logical.join('');
    return { text, font: run.font };
  });
}

/**
 * pdfkit exposes no glyph coverage; its current font object wraps a fontkit font that has one.
 * When that internal ever moves, every font claims every character: text still renders, only
 * the per-character fallback is lost.
 */
function glyphCoverage(doc: PDFKit.PDFDocument): (codePoint: number) => boolean {
  const internal = (doc as unknown as { _font?: { font?: { hasGlyphForCodePoint?: (codePoint: number) => boolean } } })._font?.font;
  const has = internal?.hasGlyphForCodePoint;
  if (internal === undefined || typeof has !== 'function') return () => true;
  return (codePoint) => has.call(internal, codePoint);
}
