import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { call, field, mms, modelType, report } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * One phone number is spelled many ways across a report's models (FORMATS.md §7.2; model-facts.ts
 * PartyKeys): `+40 711 111 111` in a Contact, `0711111111` in a call, `0040711111111` in an MMS.
 * Conversations already matched them on their last nine digits, but names and the owner's number
 * were matched on all digits: a caller the Contacts name stayed a bare number, and the owner's
 * own number, spelled nationally, was taken for another member of a group MMS.
 */

const T = '2024-11-03T19:47:14.000+00:00';

const CONTACT = `<model type="Contact" id="k1">${field('Name', 'Nadia')}<multiModelField name="Entries" type="ContactEntry"><model type="PhoneNumber" id="k1e">${field('Value', '+40 711 111 111')}</model></multiModelField></model>`;

const XML = report({
  decoded: [
    modelType('Contact', [CONTACT]),
    modelType('Call', [
      call({ id: 'c1', type: 'Outgoing', time: T, duration: '00:00:10', parties: [{ id: '+40700000001', role: 'From', owner: true }, { id: '+40722222222', role: 'To' }] }),
      call({ id: 'c2', type: 'Incoming', time: T, duration: '00:00:10', parties: [{ id: '0711111111', role: 'From' }] }),
    ]),
    modelType('MMS', [
      mms({ id: 'm1', folder: 'Inbox', time: T, body: 'group hello', parties: [{ id: '0040711111111', role: 'From' }, { id: '0700000001', role: 'To' }, { id: '+40733333333', role: 'To' }], fileIds: [] }),
    ]),
  ],
});

describe('Cellebrite numbers spelled nationally and internationally', () => {
  it('names a caller the Contacts know under another spelling of the number', async () => {
    const { messages } = await runParser(ufdrReportParser, inputFromText(XML, { displayName: 'report.xml' }));
    const incoming = messages.find((message) => message.extra?.['modelId'] === 'c2');
    expect([incoming?.sender, incoming?.senderId]).toEqual(['Nadia', '0711111111']);
  });

  it('does not take the owner, spelled nationally, for a member of a group MMS', async () => {
    const { messages, chats } = await runParser(ufdrReportParser, inputFromText(XML, { displayName: 'report.xml' }));
    const group = messages.find((message) => message.text === 'group hello');
    const chat = chats.find((item) => item.key === group?.chatKey);
    expect([group?.sender, group?.direction]).toEqual(['Nadia', 'incoming']);
    expect(chat?.participants?.map((party) => party.id)).toEqual(['0040711111111', '+40733333333']);
  });
});
