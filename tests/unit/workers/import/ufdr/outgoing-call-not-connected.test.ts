import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { call, modelType, report } from '../../../../support/ufdr-report-builder.ts';
import type { PartySpec } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A phone logs every call it placed as outgoing, whether or not anyone took it; a report that
 * gives no status leaves only the length to tell. An outgoing call of 0 s was "answered"
 * (the same fault a real SMS Backup & Restore call log showed); it never connected.
 */
const ME = '+40700000001';
const T = '2024-11-03T19:47:14.000+00:00';

describe('Cellebrite outgoing calls without a status', () => {
  it('reads one of 0 s as not connected, a longer one as answered, and a stated outcome as stated', async () => {
    const parties: PartySpec[] = [{ id: ME, role: 'From', owner: true }, { id: '+40711111111', name: 'Nadia', role: 'To' }];
    const xml = report({
      decoded: [
        modelType('Call', [
          call({ id: 'c1', type: 'Outgoing', time: T, duration: '00:00:00', parties }),
          call({ id: 'c2', type: 'Outgoing', time: T, duration: '00:01:05', parties }),
          call({ id: 'c3', type: 'Cancelled', time: T, duration: '00:00:00', parties }),
          call({ id: 'c4', type: 'Incoming', time: T, duration: '00:00:00', parties: [{ id: '+40711111111', name: 'Nadia', role: 'From' }, { id: ME, role: 'To', owner: true }] }),
        ]),
      ],
    });
    const result = await runParser(ufdrReportParser, inputFromText(xml, { displayName: 'report.xml' }));
    expect(result.messages.map((message) => [message.extra?.['modelId'], message.extra?.['outcome'], message.text])).toEqual([
      ['c1', 'not connected', 'Outgoing call, not connected'],
      ['c2', 'answered', 'Outgoing call, 1 min 5 s'],
      ['c3', 'cancelled', 'Outgoing call, cancelled'],
      ['c4', 'answered', 'Incoming call'],
    ]);
  });
});
