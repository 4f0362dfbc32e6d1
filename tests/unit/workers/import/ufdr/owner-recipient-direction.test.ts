import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { field, modelType, party, report, sms } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A record whose Folder, Type and Status say nothing of its direction still says it through its
 * parties: a recipient (To) flagged IsPhoneOwner means the phone's owner received it, so it came
 * in from the From party. Only a From flagged as the owner was read, and such a record (an SMS,
 * a call from a third-party dialler app, an InstantMessage outside any Chat) had no direction and, for a call, no caller.
 */

const ME = '+40700000001';
const HER = '+40711111111';
const T = '2024-11-03T19:47:14.000+00:00';

function untypedCall(id: string, parties: string): string {
  return `<model type="Call" id="${id}">${field('Source', 'Phone')}<field name="TimeStamp" type="TimeStamp"><value type="TimeStamp">${T}</value></field>${field('Duration', '00:01:00', 'TimeSpan')}<multiModelField name="Parties" type="Party">${parties}</multiModelField></model>`;
}

const XML = report({
  decoded: [
    modelType('Call', [untypedCall('call-in', party({ id: HER, name: 'Nadia', role: 'From' }) + party({ id: ME, role: 'To', owner: true }))]),
    modelType('SMS', [sms({ id: 'sms-in', folder: '', time: T, body: 'are you home?', parties: [{ id: HER, role: 'From' }, { id: ME, role: 'To', owner: true }] })]),
    modelType('InstantMessage', [
      `<model type="InstantMessage" id="im-in">${field('Source', 'Signal')}<modelField name="From" type="Party">${party({ id: HER })}</modelField><multiModelField name="To" type="Party">${party({ id: ME, owner: true })}</multiModelField>${field('Body', 'open the door')}</model>`,
    ]),
  ],
});

// Physical Analyzer writes IsPhoneOwner False on the other side's party (the IPED sample).
const NOT_OWNER_CALLER = report({ decoded: [modelType('Call', [untypedCall('call-from-other', party({ id: HER, name: 'Nadia', role: 'From', owner: false }))])] });

describe('Cellebrite direction from an owner recipient', () => {
  it('reads a call, SMS or instant message addressed to the flagged owner as incoming from the From party', async () => {
    const { messages } = await runParser(ufdrReportParser, inputFromText(XML, { displayName: 'report.xml' }));
    expect(messages.map((message) => [message.extra?.['modelId'], message.direction, message.sender, message.senderId])).toEqual([
      ['call-in', 'incoming', 'Nadia', HER],
      ['sms-in', 'incoming', HER, HER],
      ['im-in', 'incoming', HER, HER],
    ]);
  });

  it('reads a call whose From party is stated not to be the owner as incoming, as an SMS is', async () => {
    const { messages } = await runParser(ufdrReportParser, inputFromText(NOT_OWNER_CALLER, { displayName: 'report.xml' }));
    expect(messages.map((message) => [message.direction, message.sender])).toEqual([['incoming', 'Nadia']]);
  });
});
