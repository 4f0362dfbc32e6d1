/**
 * Day/month order of numeric dates, decided once per file (FORMATS.md §1.2).
 *
 * The date format follows the phone's region setting, so one line cannot tell `3/4/22`
 * apart. Evidence, strongest first:
 * 1. a field above 12 can only be the day;
 * 2. a field that falls back while the other advances is the day of a new month
 *    (`31/1` → `1/2`);
 * 3. the field that changes more often between consecutive headers is the day.
 * Before these, a 2-digit year may be written first (ko `yy. M. d.`, ne `yy/M/d`): field 3 is
 * then the day, changing from one day to the next while field 1, the year, stays put, where a
 * day-first or month-first file changes field 3 only at a new year (YearFirstTally).
 * Without any evidence the order is 'dmy' (most of the world) with source 'default', and
 * the caller warns. Dates whose year is written first (`2022/12/14`) are read year-first
 * whatever the file order says, and only count as evidence for 'ymd' when no other
 * numeric date exists.
 */

import type { DateOrder } from './types.ts';

const MAX_MONTH = 12;
const MAX_DAY = 31;
/** The lowest 2-digit year a WhatsApp export can state (2009). */
const FIRST_WHATSAPP_TWO_DIGIT_YEAR = 9;
/** Changes of field 3 a file needs, and how many times those of field 1, to be read year first. */
const MIN_YEAR_FIRST_DAY_CHANGES = 2;
const YEAR_FIRST_CHANGE_RATIO = 2;

/**
 * Whether a file writes a 2-digit year first: field 1 is always a year WhatsApp could have
 * written in (09 on), field 3 always a possible day, and field 3 changes between consecutive
 * headers at least twice and more than twice as often as field 1. A day-first file whose days
 * include 1 to 8 fails the first test; one that spans years changes its day (field 1) along
 * with the year nearly every time.
 */
class YearFirstTally {
  private possible = true;
  private previous: DateFieldSample | null = null;
  private firstChanges = 0;
  private thirdChanges = 0;

  add(current: DateFieldSample): void {
    if (!this.possible) return;
    const third = current.year.length <= 2 ? Number(current.year) : Number.NaN;
    if (current.first < FIRST_WHATSAPP_TWO_DIGIT_YEAR || !(third >= 1 && third <= MAX_DAY)) {
      this.possible = false;
      return;
    }
    const previous = this.previous;
    this.previous = current;
    if (previous === null) return;
    if (previous.first !== current.first) this.firstChanges += 1;
    if (previous.year !== current.year) this.thirdChanges += 1;
  }

  /** The evidence for year first, or null when the file does not show it. */
  evidence(): string | null {
    if (!this.possible || this.thirdChanges < MIN_YEAR_FIRST_DAY_CHANGES || this.thirdChanges <= YEAR_FIRST_CHANGE_RATIO * this.firstChanges) {
      return null;
    }
    return `field 3 never exceeds 31 and changes from one header to the next ${this.thirdChanges} times against field 1's ${this.firstChanges}: field 3 is the day and field 1 a 2-digit year`;
  }
}

/** Numeric date fields of one header whose year is not written first. */
export interface DateFieldSample {
  /** 1-based line number. */
  line: number;
  first: number;
  second: number;
  /** The written year field, to compare only dates within the same year. */
  year: string;
}

export interface DateOrderDecision {
  order: DateOrder;
  source: 'override' | 'inferred' | 'default';
  evidence: string;
  /** Set when the evidence contradicts itself (mixed formats in one file). */
  conflict: string | null;
}

/**
 * The evidence of a whole file, gathered one header at a time: a streamed export is read twice
 * (this tally first, records second) and never holds its headers in memory.
 */
export class DateOrderTally {
  private count = 0;
  private previous: DateFieldSample | null = null;
  private firstOver = 0;
  private secondOver = 0;
  private firstOverLine = 0;
  private secondOverLine = 0;
  private firstResets = 0;
  private secondResets = 0;
  private firstResetLine = 0;
  private secondResetLine = 0;
  private firstChanges = 0;
  private secondChanges = 0;
  private readonly yearFirst = new YearFirstTally();

  /** Numeric dates seen so far. */
  get size(): number {
    return this.count;
  }

  add(current: DateFieldSample): void {
    this.count += 1;
    this.yearFirst.add(current);
    if (current.first > MAX_MONTH) {
      this.firstOver += 1;
      this.firstOverLine ||= current.line;
    }
    if (current.second > MAX_MONTH) {
      this.secondOver += 1;
      this.secondOverLine ||= current.line;
    }
    const previous = this.previous;
    this.previous = current;
    if (previous === null || previous.year !== current.year) {
      return;
    }
    if (current.first < previous.first && current.second > previous.second) {
      this.firstResets += 1;
      this.firstResetLine ||= current.line;
    } else if (current.second < previous.second && current.first > previous.first) {
      this.secondResets += 1;
      this.secondResetLine ||= current.line;
    } else if (current.first !== previous.first && current.second === previous.second) {
      this.firstChanges += 1;
    } else if (current.second !== previous.second && current.first === previous.first) {
      this.secondChanges += 1;
    }
  }

  /** The order for the file; `firstYearFirstLine` is the first line whose date starts with its year (0 when none). */
  decide(firstYearFirstLine: number, override?: DateOrder): DateOrderDecision {
    if (override !== undefined) {
      return { order: override, source: 'override', evidence: 'set by the caller', conflict: null };
    }
    if (this.count === 0) {
      if (firstYearFirstLine > 0) {
        return { order: 'ymd', source: 'inferred', evidence: `year written first on line ${firstYearFirstLine}`, conflict: null };
      }
      return { order: 'dmy', source: 'default', evidence: 'no numeric dates in the file', conflict: null };
    }
    const yearFirst = this.yearFirst.evidence();
    if (yearFirst !== null) {
      return { order: 'ymd', source: 'inferred', evidence: yearFirst, conflict: null };
    }
    const { firstOver, secondOver, firstOverLine, secondOverLine } = this;
    if (firstOver > 0 && secondOver === 0) {
      return { order: 'dmy', source: 'inferred', evidence: `field 1 exceeds 12 on line ${firstOverLine}`, conflict: null };
    }
    if (secondOver > 0 && firstOver === 0) {
      return { order: 'mdy', source: 'inferred', evidence: `field 2 exceeds 12 on line ${secondOverLine}`, conflict: null };
    }
    if (firstOver > 0 && secondOver > 0) {
      const dayFirst = firstOver >= secondOver;
      return {
        order: dayFirst ? 'dmy' : 'mdy',
        source: 'inferred',
        evidence: `field 1 exceeds 12 on ${firstOver} lines (first: line ${firstOverLine}), field 2 on ${secondOver} lines (first: line ${secondOverLine}); the majority wins`,
        conflict: `day/month order is mixed in this file (field 1 exceeds 12 on line ${firstOverLine}, field 2 on line ${secondOverLine})`,
      };
    }
    return this.decideFromBehaviour();
  }

  private decideFromBehaviour(): DateOrderDecision {
    if (this.firstResets !== this.secondResets) {
      const dayFirst = this.firstResets > this.secondResets;
      const line = dayFirst ? this.firstResetLine : this.secondResetLine;
      return {
        order: dayFirst ? 'dmy' : 'mdy',
        source: 'inferred',
        evidence: `field ${dayFirst ? 1 : 2} falls back while field ${dayFirst ? 2 : 1} advances on line ${line} (a new month)`,
        conflict: null,
      };
    }
    if (this.firstChanges !== this.secondChanges) {
      const dayFirst = this.firstChanges > this.secondChanges;
      const often = dayFirst ? this.firstChanges : this.secondChanges;
      const rarely = dayFirst ? this.secondChanges : this.firstChanges;
      return {
        order: dayFirst ? 'dmy' : 'mdy',
        source: 'inferred',
        evidence: `no field exceeds 12; field ${dayFirst ? 1 : 2} changes more often than field ${dayFirst ? 2 : 1} (${often} vs ${rarely} times), so it is the day`,
        conflict: null,
      };
    }
    return {
      order: 'dmy',
      source: 'default',
      evidence: 'no field exceeds 12 and neither field behaves like a day; assumed day first',
      conflict: null,
    };
  }
}

/**
 * Decides the order for a file. `samples` are the headers whose year is not written first,
 * in file order; `firstYearFirstLine` is the first line whose date starts with its year
 * (0 when none).
 */
export function inferDateOrder(
  samples: readonly DateFieldSample[],
  firstYearFirstLine: number,
  override?: DateOrder,
): DateOrderDecision {
  const tally = new DateOrderTally();
  for (const sample of samples) tally.add(sample);
  return tally.decide(firstYearFirstLine, override);
}

/**
 * WhatsApp Web's export writes every date month first (`M/D/YY, h:mm:ss AM`, whatever the
 * locale: WAWebExportChatPlainTextFormatter). In a file shown to be that export (its
 * `[stamp] - text` lines, or its untimed opening notice: `webExportEvidence`) and with no date
 * that settles the order, month first is known, not assumed.
 */
export function webExportOrder(order: DateOrderDecision, webExportEvidence: string | null): DateOrderDecision {
  if (order.source !== 'default' || webExportEvidence === null) return order;
  return {
    order: 'mdy',
    source: 'inferred',
    evidence: `${webExportEvidence}, and that export writes dates month first`,
    conflict: null,
  };
}
