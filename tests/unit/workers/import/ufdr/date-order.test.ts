import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';
import { modelType, report, sms } from '../../../../support/ufdr-report-builder.ts';

/**
 * Regression: `dd/MM/yyyy` stamps were always read day first, but a US-locale report writes
 * `MM/dd/yyyy`. The order is inferred per report from all its stamps, as for WhatsApp files.
 */

const NADIA = { id: '+40711111111', name: 'Nadia', role: 'From' as const };

function smsReport(times: string[]): string {
  return report({ decoded: [modelType('SMS', times.map((time, index) => sms({ id: `s-${index}`, folder: 'Inbox', time, body: `text ${index}`, parties: [NADIA] })))] });
}

async function parse(xml: string, dateOrder?: 'dmy' | 'mdy'): Promise<Awaited<ReturnType<typeof runParser>>> {
  return runParser(ufdrReportParser, inputFromText(xml, { displayName: 'report.xml', chunkBytes: 64, forbidReadAll: true }), dateOrder === undefined ? {} : { dateOrder });
}

const utc = (result: Awaited<ReturnType<typeof runParser>>): unknown[] => result.messages.map((message) => message.time);

describe('UFDR day/month order of slash-dated stamps', () => {
  it('reads month first when a later stamp has a second field above 12, even the ambiguous stamps before it', async () => {
    const result = await parse(smsReport(['03/04/2024 10:00:00 +00:00', '03/25/2024 10:00:00 +00:00']));
    expect(utc(result)).toEqual([{ utcMs: Date.UTC(2024, 2, 4, 10) }, { utcMs: Date.UTC(2024, 2, 25, 10) }]);
    expect(result.outcome.details).toMatchObject({ dateOrder: 'mdy', dateOrderSource: 'inferred', dateOrderEvidence: expect.stringMatching(/^field 2 exceeds 12 at report\.xml:\d+$/u), dateOrderConflicts: 0 });
    expect(result.warnings).toEqual([]);
  });

  it('reads day first when a first field is above 12', async () => {
    const result = await parse(smsReport(['03/04/2024 10:00:00 +00:00', '25/03/2024 10:00:00 +00:00']));
    expect(utc(result)).toEqual([{ utcMs: Date.UTC(2024, 3, 3, 10) }, { utcMs: Date.UTC(2024, 2, 25, 10) }]);
    expect(result.outcome.details).toMatchObject({ dateOrder: 'dmy', dateOrderSource: 'inferred' });
  });

  it('assumes day first when nothing decides, records it as assumed and warns', async () => {
    const result = await parse(smsReport(['03/04/2024 10:00:00 +00:00', '05/06/2024 10:00:00 +00:00']));
    expect(utc(result)[0]).toEqual({ utcMs: Date.UTC(2024, 3, 3, 10) });
    expect(result.outcome.details).toMatchObject({ dateOrder: 'dmy', dateOrderSource: 'default', dateOrderEvidence: expect.stringMatching(/assumed day first/u) });
    expect(result.warnings).toEqual([{ place: 'report.xml', message: expect.stringMatching(/^ambiguous date order/u) }]);
  });

  it('records the default without a warning when the report has no slash-dated stamps', async () => {
    const result = await parse(smsReport(['2024-03-04T10:00:00+00:00']));
    expect(result.outcome.details).toMatchObject({ dateOrder: 'dmy', dateOrderSource: 'default' });
    expect(result.warnings).toEqual([]);
  });

  it('warns at the place of a stamp that contradicts the inferred order, and reads it the only way it can be read', async () => {
    const result = await parse(smsReport(['25/03/2024 10:00:00 +00:00', '03/26/2024 10:00:00 +00:00']));
    expect(utc(result)).toEqual([{ utcMs: Date.UTC(2024, 2, 25, 10) }, { utcMs: Date.UTC(2024, 2, 26, 10) }]);
    expect(result.outcome.details).toMatchObject({ dateOrder: 'dmy', dateOrderConflicts: 1 });
    expect(result.warnings).toEqual([{ place: expect.stringMatching(/^report\.xml:\d+:\d+$/u), message: expect.stringMatching(/"03\/26\/2024 10:00:00 \+00:00" can only be read month first/u) }]);
  });

  it('follows the order the examiner chose', async () => {
    const result = await parse(smsReport(['03/04/2024 10:00:00 +00:00']), 'mdy');
    expect(utc(result)).toEqual([{ utcMs: Date.UTC(2024, 2, 4, 10) }]);
    expect(result.outcome.details).toMatchObject({ dateOrder: 'mdy', dateOrderSource: 'override' });
  });
});
