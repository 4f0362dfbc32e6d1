/**
 * Day/month order of numeric dates, decided once per file (FORMATS.md §1.2).
 *
 * The date format follows the phone's region setting, so one line cannot tell `3/4/22`
 * apart. Evidence, strongest first:
 * 1. a field above 12 can only be the day;
 * 2. a field that falls back while the other advances is the day of a new month
 *    (`31/1` → `1/2`);
 * 3. the field that changes more often between consecutive headers is the day.
 * Without any evidence the order is 'dmy' (most of the world) with source 'default', and
 * the caller warns. Dates whose year is written first (`2022/12/14`) are read year-first
 * whatever the file order says, and only count as evidence for 'ymd' when no other
 * numeric date exists.
 */

import type { DateOrder } from './types.ts';

const MAX_MONTH = 12;

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

interface ChangeTally {
  firstResets: number;
  secondResets: number;
  firstResetLine: number;
  secondResetLine: number;
  firstChanges: number;
  secondChanges: number;
}

function tallyChanges(samples: readonly DateFieldSample[]): ChangeTally {
  const tally: ChangeTally = {
    firstResets: 0,
    secondResets: 0,
    firstResetLine: 0,
    secondResetLine: 0,
    firstChanges: 0,
    secondChanges: 0,
  };
  for (let index = 1; index < samples.length; index += 1) {
    const previous = samples[index - 1];
    const current = samples[index];
    if (previous === undefined || current === undefined || previous.year !== current.year) {
      continue;
    }
    if (current.first < previous.first && current.second > previous.second) {
      tally.firstResets += 1;
      tally.firstResetLine ||= current.line;
    } else if (current.second < previous.second && current.first > previous.first) {
      tally.secondResets += 1;
      tally.secondResetLine ||= current.line;
    } else if (current.first !== previous.first && current.second === previous.second) {
      tally.firstChanges += 1;
    } else if (current.second !== previous.second && current.first === previous.first) {
      tally.secondChanges += 1;
    }
  }
  return tally;
}

function decideFromBehaviour(samples: readonly DateFieldSample[]): DateOrderDecision {
  const tally = tallyChanges(samples);
  if (tally.firstResets !== tally.secondResets) {
    const dayFirst = tally.firstResets > tally.secondResets;
    const line = dayFirst ? tally.firstResetLine : tally.secondResetLine;
    return {
      order: dayFirst ? 'dmy' : 'mdy',
      source: 'inferred',
      evidence: `field ${dayFirst ? 1 : 2} falls back while field ${dayFirst ? 2 : 1} advances on line ${line} (a new month)`,
      conflict: null,
    };
  }
  if (tally.firstChanges !== tally.secondChanges) {
    const dayFirst = tally.firstChanges > tally.secondChanges;
    const often = dayFirst ? tally.firstChanges : tally.secondChanges;
    const rarely = dayFirst ? tally.secondChanges : tally.firstChanges;
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
  if (override !== undefined) {
    return { order: override, source: 'override', evidence: 'set by the caller', conflict: null };
  }
  if (samples.length === 0) {
    if (firstYearFirstLine > 0) {
      return {
        order: 'ymd',
        source: 'inferred',
        evidence: `year written first on line ${firstYearFirstLine}`,
        conflict: null,
      };
    }
    return { order: 'dmy', source: 'default', evidence: 'no numeric dates in the file', conflict: null };
  }
  let firstOver = 0;
  let secondOver = 0;
  let firstOverLine = 0;
  let secondOverLine = 0;
  for (const sample of samples) {
    if (sample.first > MAX_MONTH) {
      firstOver += 1;
      firstOverLine ||= sample.line;
    }
    if (sample.second > MAX_MONTH) {
      secondOver += 1;
      secondOverLine ||= sample.line;
    }
  }
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
  return decideFromBehaviour(samples);
}
