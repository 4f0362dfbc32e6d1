import type { DayPeriod } from './calendar.ts';

export type HeaderStyle = 'bracket' | 'dash' | 'colon';

/** The pieces of one header, as written; interpretation happens in parse-whatsapp-text.ts. */
export interface HeaderMatch {
  style: HeaderStyle;
  /** Original-line index range of the date/time text (no brackets, no separator). */
  stampStart: number;
  stampEnd: number;
  /** Original-line index where the body (author and text) starts. */
  bodyStart: number;
  /** Numeric date fields in written order ('' when the date used a month name). */
  field1: string;
  field2: string;
  field3: string;
  /** Year marker after the date (`BE`, `هـ`, ...), '' when none. */
  calendarMarker: string;
  /** Month-name dates: day, month 1-12, year (null when the format omits it). */
  namedDay: number;
  namedMonth: number;
  namedYear: number | null;
  hour: number;
  minute: number;
  second: number;
  dayPeriod: DayPeriod | null;
  /**
   * True when the locale writes numeric dates year first whatever the year's length: a Korean
   * day period (오전/오후) means a Korean date, always year, month, day (`yy. M. d.`).
   */
  yearFirst: boolean;
  /**
   * True for `[stamp] - text`: a bracket and then a dash, the shape WhatsApp Web's export gives
   * its system lines (WAWebExportChatPlainTextFormatter). No phone export writes it.
   */
  dashAfterBracket: boolean;
}
