import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { CELLEBRITE_NS, field, party } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A contact card sent in a chat: Physical Analyzer writes it as the InstantMessage's
 * SharedContacts (Contact models with a Name and Entries), with an empty Body, as in the IPED
 * sample (ufed-model-chat.xml, the message from "Metapod"). It was dropped: the record showed an
 * empty message, and the shared name and number were nowhere.
 */

function entry(type: string, category: string, value: string): string {
  return `<model type="${type}">${field('Category', category)}${field('Value', value)}</model>`;
}

const CONTACT = `<multiModelField name="SharedContacts" type="Contact"><model type="Contact" id="sc-1">${field('Name', 'Charmeleon')}<multiModelField name="Entries" type="ContactEntry">${entry('UserID', 'WhatsApp User Id', '5511999997745@s.whatsapp.net')}${entry('PhoneNumber', 'Celular', '+55 11 99999-22222')}</multiModelField></model></multiModelField>`;

const XML = [
  '<?xml version="1.0" encoding="utf-8"?>',
  `<project id="r" reportVersion="7.60.0.1" xmlns="${CELLEBRITE_NS}"><decodedData><modelType type="InstantMessage">`,
  `<model type="InstantMessage" id="m1">${field('Source', 'WhatsApp')}<modelField name="From" type="Party">${party({ id: '551199999999@s.whatsapp.net', name: 'Metapod' })}</modelField><field name="Body" type="String"><empty /></field>${CONTACT}</model>`,
  '</modelType></decodedData></project>',
].join('\n');

describe('Cellebrite InstantMessage SharedContacts', () => {
  it('keeps each shared contact, its name and entries, on the message', async () => {
    const { messages } = await runParser(ufdrReportParser, inputFromText(XML, { displayName: 'report.xml' }));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ kind: 'message', sender: 'Metapod', text: '' });
    expect(messages[0]?.extra?.['sharedContacts']).toEqual([
      { modelId: 'sc-1', name: 'Charmeleon', entries: [{ type: 'UserID', category: 'WhatsApp User Id', value: '5511999997745@s.whatsapp.net' }, { type: 'PhoneNumber', category: 'Celular', value: '+55 11 99999-22222' }] },
    ]);
  });
});
