import { describe, expect, it } from 'vitest';

import { inferDateOrder, type DateFieldSample } from '../../../../../workers/import/whatsapp/date-order.ts';
import { parseWhatsAppText } from '../../../../../workers/import/whatsapp/index.ts';

function samples(dates: readonly string[]): DateFieldSample[] {
  return dates.map((date, index) => {
    const [first = '0', second = '0', year = ''] = date.split('/');
    return { line: index + 1, first: Number(first), second: Number(second), year };
  });
}

const encoder = new TextEncoder();

describe('inferDateOrder', () => {
  it('lets the override win', () => {
    const decision = inferDateOrder(samples(['13/01/22']), 0, 'mdy');
    expect(decision).toMatchObject({ order: 'mdy', source: 'override' });
  });

  it('takes a first field above 12 as the day', () => {
    const decision = inferDateOrder(samples(['01/01/22', '13/01/22']), 0);
    expect(decision).toMatchObject({ order: 'dmy', source: 'inferred', evidence: 'field 1 exceeds 12 on line 2' });
  });

  it('takes a second field above 12 as the day', () => {
    const decision = inferDateOrder(samples(['1/29/18']), 0);
    expect(decision).toMatchObject({ order: 'mdy', source: 'inferred', evidence: 'field 2 exceeds 12 on line 1' });
  });

  it('uses a field that falls back while the other advances (new month)', () => {
    const decision = inferDateOrder(samples(['12/01/22', '03/02/22']), 0);
    expect(decision.order).toBe('dmy');
    expect(decision.evidence).toContain('falls back');
    const monthFirst = inferDateOrder(samples(['01/12/22', '02/03/22']), 0);
    expect(monthFirst.order).toBe('mdy');
  });

  it('takes the field that changes more often as the day', () => {
    const decision = inferDateOrder(samples(['01/12/24', '02/12/24', '03/12/24', '04/12/24']), 0);
    expect(decision).toMatchObject({ order: 'dmy', source: 'inferred' });
    expect(decision.evidence).toContain('changes more often');
    expect(inferDateOrder(samples(['12/01/24', '12/02/24', '12/03/24']), 0).order).toBe('mdy');
  });

  it('defaults to dmy when nothing tells', () => {
    expect(inferDateOrder(samples(['1/1/21', '1/1/21']), 0)).toMatchObject({ order: 'dmy', source: 'default' });
  });

  it('reports ymd when every date is year-first', () => {
    expect(inferDateOrder([], 3)).toMatchObject({ order: 'ymd', source: 'inferred', evidence: 'year written first on line 3' });
  });

  it('reports a conflict when both fields exceed 12 somewhere', () => {
    const decision = inferDateOrder(samples(['13/01/22', '14/01/22', '01/20/22']), 0);
    expect(decision.order).toBe('dmy');
    expect(decision.conflict).toContain('mixed');
  });
});

describe('date order in parseWhatsAppText', () => {
  it('warns on an ambiguous file and reads it day first', () => {
    const result = parseWhatsAppText(encoder.encode('1/2/21, 12:00 - A: Hi\n1/2/21, 12:01 - B: Hey\n'));
    expect(result.dateOrderSource).toBe('default');
    expect(result.warnings.some((warning) => warning.message.startsWith('ambiguous date order'))).toBe(true);
    expect(result.records[0]?.wallClock).toMatchObject({ year: 2021, month: 2, day: 1 });
  });

  it('honours the override', () => {
    const result = parseWhatsAppText(encoder.encode('1/2/21, 12:00 - A: Hi\n'), { dateOrder: 'mdy' });
    expect(result.dateOrderSource).toBe('override');
    expect(result.records[0]?.wallClock).toMatchObject({ month: 1, day: 2 });
  });

  it('reads a line that cannot fit the file order the only way it can, with a warning', () => {
    const text = '13/01/21, 12:00 - A: one\n14/01/21, 12:00 - A: two\n01/20/21, 12:00 - A: three\n';
    const result = parseWhatsAppText(encoder.encode(text));
    expect(result.dateOrder).toBe('dmy');
    expect(result.records[2]?.wallClock).toMatchObject({ month: 1, day: 20 });
    expect(result.warnings.some((warning) => warning.line === 3 && warning.message.includes('only fits mdy'))).toBe(true);
  });

  it('reads year-first dates year-first whatever the file order', () => {
    const text = '12/24/19, 11:23 - A: x\n2022/12/24, 13:01. - A: y\n';
    const result = parseWhatsAppText(encoder.encode(text));
    expect(result.dateOrder).toBe('mdy');
    expect(result.records[1]?.wallClock).toMatchObject({ year: 2022, month: 12, day: 24 });
  });
});
