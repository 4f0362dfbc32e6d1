/**
 * Day/month order of a report's slash-dated stamps (`03/11/2024 09:46:47`), decided once per
 * report as the WhatsApp importer decides per file: a first field above 12 can only be the day,
 * a second field above 12 only the day of a month-first stamp. Without such a stamp the order is
 * day first, recorded as assumed. The decision is taken before any record is read (the
 * pre-scan, date-prescan.ts); a stamp read later that contradicts it is read the only way it can
 * be, and a warning names its place.
 */

import { isNoTimeStamp, parseCellebriteTime, slashDateFields } from './ufdr-time.ts';
import type { DayMonthOrder } from './ufdr-time.ts';
import type { ParsedTime } from '../../../shared/contracts/parsed-source.ts';

const MAX_MONTH = 12;

/** The same shape as the WhatsApp importer's decision, recorded in the source details. */
export interface DateOrderDecision {
  order: DayMonthOrder;
  source: 'override' | 'inferred' | 'default';
  evidence: string;
}

/** Evidence gathered stamp by stamp; `place` names where a stamp was read (file:line). */
export class DateOrderTally {
  stamps = 0;
  private firstOver: string | null = null;
  private secondOver: string | null = null;

  /** Adds one stamp's text; true once the evidence decides. */
  add(text: string, place: string): boolean {
    const fields = slashDateFields(text);
    if (fields === null) return false;
    this.stamps += 1;
    if (fields.first > MAX_MONTH && fields.second <= MAX_MONTH) this.firstOver ??= place;
    if (fields.second > MAX_MONTH && fields.first <= MAX_MONTH) this.secondOver ??= place;
    return this.firstOver !== null || this.secondOver !== null;
  }

  decide(): DateOrderDecision {
    if (this.firstOver !== null) return { order: 'dmy', source: 'inferred', evidence: `field 1 exceeds 12 at ${this.firstOver}` };
    if (this.secondOver !== null) return { order: 'mdy', source: 'inferred', evidence: `field 2 exceeds 12 at ${this.secondOver}` };
    if (this.stamps === 0) return { order: 'dmy', source: 'default', evidence: 'no slash-dated (dd/MM or MM/dd) time stamps read' };
    return { order: 'dmy', source: 'default', evidence: `no field exceeds 12 in ${this.stamps} slash-dated time stamps; assumed day first` };
  }
}

/** Reads stamps in the report's order, and counts (and notes) those that contradict it. */
export class StampReader {
  conflicts = 0;
  /** Year-0001 ("no time") stamps among the times beside records' own (model-facts.ts sideTime). */
  sideNoTimes = 0;

  constructor(readonly decision: DateOrderDecision) {}

  read(text: string, notes: string[]): ParsedTime | null {
    // Read as an instant, year 0001 would pass for a real (if ancient) time.
    if (isNoTimeStamp(text)) return null;
    const { order } = this.decision;
    const time = parseCellebriteTime(text, order);
    const fields = time === null ? slashDateFields(text) : null;
    if (fields === null) return time;
    // Invalid in the report's order; if the other order reads it, one of its fields exceeds 12.
    const other: DayMonthOrder = order === 'dmy' ? 'mdy' : 'dmy';
    const read = parseCellebriteTime(text, other);
    if (read === null) return null;
    this.conflicts += 1;
    notes.push(`time stamp "${text.trim().slice(0, 80)}" can only be read ${other === 'mdy' ? 'month' : 'day'} first, but this report's stamps are read ${order === 'mdy' ? 'month' : 'day'} first (${this.decision.evidence}); it was read ${other === 'mdy' ? 'month' : 'day'} first, and the report's day/month order is mixed`);
    return read;
  }
}
