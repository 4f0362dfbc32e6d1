import type { ConversationRisk } from '../../../../../shared/domain/marker.ts';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** Ten years of weeks; a longer span keeps only the weeks that have tags. */
const MAX_FILLED = 520;

export interface WeekBar {
  start: number;
  messages: number;
  markers: number;
}

/** Monday of a SQLite "%Y-W%W" week: week 00 holds the days before the year's first Monday. */
function weekStart(week: string): number | null {
  const match = /^(\d{4})-W(\d{2})$/.exec(week);
  if (match === null) return null;
  const jan1 = Date.UTC(Number(match[1]), 0, 1);
  const weekday = (new Date(jan1).getUTCDay() + 6) % 7;
  const firstMonday = jan1 + ((7 - weekday) % 7) * DAY;
  return firstMonday + (Number(match[2]) - 1) * WEEK;
}

/** Consecutive weeks from the first tagged week to the last, quiet weeks included, so gaps show. */
export function fillWeeks(weeks: ConversationRisk['weeks']): WeekBar[] {
  const byStart = new Map<number, WeekBar>();
  for (const week of weeks) {
    const start = weekStart(week.week);
    if (start === null) continue;
    // The last days of December and week 00 of January can name the same Monday.
    const known = byStart.get(start);
    byStart.set(start, { start, messages: (known?.messages ?? 0) + week.messages, markers: Math.max(known?.markers ?? 0, week.markers) });
  }
  const sorted = [...byStart.values()].sort((a, b) => a.start - b.start);
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined || (last.start - first.start) / WEEK > MAX_FILLED) return sorted;
  const filled: WeekBar[] = [];
  for (let start = first.start; start <= last.start; start += WEEK) filled.push(byStart.get(start) ?? { start, messages: 0, markers: 0 });
  return filled;
}
