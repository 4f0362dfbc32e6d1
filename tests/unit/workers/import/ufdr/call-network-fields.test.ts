import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { call, field, modelType, report } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A Call model's fields, as SEilers/UFEDLib's Call reader lists them from Physical Analyzer
 * reports (Call.cs: Account, CountryCode, Direction, DisconnectionCause, Duration, NetworkCode,
 * NetworkName, ServiceIdentifier, Source, Status, TimeStamp, Type, UserMapping, VideoCall), were
 * kept in part: the network's codes (a mobile country and network code say which operator
 * carried the call), why it was disconnected, the service and the user mapping were dropped.
 * Values are invented.
 */
const ME = '+40700000001';

function callWith(fields: string): string {
  const base = call({ id: 'c1', type: 'Incoming', time: '2024-11-03T19:47:14.000+00:00', duration: '00:02:10', parties: [{ id: '+40711111111', name: 'Nadia', role: 'From' }, { id: ME, role: 'To', owner: true }] });
  return `${base.slice(0, -'</model>'.length)}${fields}</model>`;
}

describe('Cellebrite call network fields', () => {
  it('keeps NetworkCode, CountryCode and the other Call fields as written in the call record', async () => {
    const fields = [
      field('NetworkName', 'Orange RO'),
      field('NetworkCode', '10'),
      field('CountryCode', '226'),
      field('Account', ME),
      field('DisconnectionCause', 'Normal'),
      field('ServiceIdentifier', 'com.android.phone'),
      field('UserMapping', 'SIM 1'),
    ].join('');
    const xml = report({ decoded: [modelType('Call', [callWith(fields)])] });
    const result = await runParser(ufdrReportParser, inputFromText(xml, { displayName: 'report.xml' }));
    expect(result.messages[0]?.extra).toMatchObject({
      networkName: 'Orange RO',
      networkCode: '10',
      countryCode: '226',
      account: ME,
      disconnectionCause: 'Normal',
      serviceIdentifier: 'com.android.phone',
      userMapping: 'SIM 1',
    });
  });

  it('writes none of them when the model has none or leaves them empty', async () => {
    const xml = report({ decoded: [modelType('Call', [callWith(`${field('NetworkCode', null)}${field('CountryCode', null)}`)])] });
    const result = await runParser(ufdrReportParser, inputFromText(xml, { displayName: 'report.xml' }));
    expect(Object.keys(result.messages[0]?.extra ?? {}).filter((key) => /network|country|disconnection|service|userMapping/iu.test(key))).toEqual([]);
  });
});
