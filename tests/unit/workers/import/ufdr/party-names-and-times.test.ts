import { describe, expect, it } from 'vitest';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { CELLEBRITE_NS, field, modelType, party } from '../../../../support/ufdr-report-builder.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Parties as Physical Analyzer writes them (FORMATS.md §7.2): a message's To party often gives
 * only an Identifier, the name standing in the Chat's Participants; and a Party, of any role and
 * of any model (InstantMessage From, SMS/MMS Parties, Email To/Cc/Bcc), can carry its own times
 * (DateRead, DateDelivered...), which say when that person received or read the message.
 */

const ME = '40700000001@s.whatsapp.net';
const HER = '40711111111@s.whatsapp.net';

function time(name: string, text: string): string {
  return `<field name="${name}" type="TimeStamp"><value type="TimeStamp" format="TimeStampKnown">${text}</value></field>`;
}

function timedParty(id: string, role: string, times: string[]): string {
  return `<model type="Party">${field('Identifier', id)}${field('Role', role, 'PartyRole')}${times.join('')}</model>`;
}

function xml(decoded: string[]): string {
  return [`<?xml version="1.0" encoding="utf-8"?>`, `<project id="r" reportVersion="7.60.0.1" xmlns="${CELLEBRITE_NS}"><decodedData>`, ...decoded, '</decodedData></project>'].join('\n');
}

const CHAT = xml([
  modelType('Chat', [
    [
      `<model type="Chat" id="c1">${field('Source', 'WhatsApp')}${field('Id', HER)}`,
      `<multiModelField name="Participants" type="Party">${party({ id: ME, owner: true })}${party({ id: HER, name: 'Nadia' })}</multiModelField>`,
      '<multiModelField name="Messages" type="InstantMessage">',
      `<model type="InstantMessage" id="m1"><modelField name="From" type="Party">${party({ id: ME, owner: true })}</modelField>`,
      `<multiModelField name="To" type="Party">${party({ id: HER })}</multiModelField>${field('Body', 'mine')}${time('TimeStamp', '2024-11-03T19:47:14.000+00:00')}</model>`,
      `<model type="InstantMessage" id="m2"><modelField name="From" type="Party">${timedParty(HER, 'From', [time('DateRead', '2024-11-03T21:50:00.000+02:00'), time('DateDelivered', '0001-01-01T00:00:00.000+00:00')])}</modelField>`,
      `${field('Body', 'hers')}${time('TimeStamp', '2024-11-03T19:48:14.000+00:00')}</model>`,
      '</multiModelField></model>',
    ].join(''),
  ]),
]);

const SMS_AND_EMAIL = xml([
  modelType('SMS', [
    [
      `<model type="SMS" id="s1">${time('TimeStamp', '2024-11-03T19:47:14.000+00:00')}${field('Folder', 'Sent')}${field('Body', 'sms')}`,
      `<multiModelField name="Parties" type="Party">${party({ id: '+40700000001', role: 'From', owner: true })}${timedParty('+40711111111', 'To', [time('DateDelivered', '2024-11-03T19:47:20.000+00:00')])}</multiModelField></model>`,
    ].join(''),
  ]),
  modelType('Email', [
    [
      `<model type="Email" id="e1">${field('Account', 'me@example.org')}${field('Folder', 'Inbox')}${field('Subject', 'hi')}${field('Body', 'mail')}${time('TimeStamp', '2024-11-03T19:47:14.000+00:00')}`,
      `<modelField name="From" type="Party">${timedParty('her@example.org', 'From', [time('DateSent', '2024-11-03T19:47:00.000+00:00')])}</modelField>`,
      `<multiModelField name="To" type="Party">${party({ id: 'me@example.org' })}</multiModelField>`,
      `<multiModelField name="Cc" type="Party">${timedParty('boss@example.org', 'Cc', [time('DateRead', '2024-11-04T08:00:00.000+00:00')])}</multiModelField></model>`,
    ].join(''),
  ]),
]);

describe('Cellebrite parties: names from the chat, times on every party', () => {
  it('names a To party that only the Chat Participants name', async () => {
    const { messages } = await runParser(ufdrReportParser, inputFromText(CHAT, { displayName: 'report.xml' }));
    expect(messages[0]?.extra?.['to']).toEqual([{ id: HER, name: 'Nadia' }]);
  });

  it('keeps the times written on an InstantMessage From party, year 0001 as no time', async () => {
    const { messages, warnings } = await runParser(ufdrReportParser, inputFromText(CHAT, { displayName: 'report.xml' }));
    expect(messages[1]?.extra?.['from']).toEqual({
      id: HER,
      name: 'Nadia',
      times: { DateRead: { text: '2024-11-03T21:50:00.000+02:00', utc: '2024-11-03T19:50:00.000Z', format: 'TimeStampKnown' }, DateDelivered: { text: '0001-01-01T00:00:00.000+00:00', utc: null, format: 'TimeStampKnown' } },
    });
    expect(messages[0]?.extra?.['from']).toBeUndefined();
    expect(warnings.some((warning) => /0001/u.test(warning.message))).toBe(true);
  });

  it('keeps the times written on SMS and Email parties, per party', async () => {
    const { messages } = await runParser(ufdrReportParser, inputFromText(SMS_AND_EMAIL, { displayName: 'report.xml' }));
    const sms = messages.find((message) => message.text === 'sms');
    const mail = messages.find((message) => message.text.endsWith('mail'));
    expect(sms?.extra?.['parties']).toEqual([
      { id: '+40700000001', name: '+40700000001', role: 'From' },
      { id: '+40711111111', name: '+40711111111', role: 'To', times: { DateDelivered: { text: '2024-11-03T19:47:20.000+00:00', utc: '2024-11-03T19:47:20.000Z', format: 'TimeStampKnown' } } },
    ]);
    expect(mail?.extra?.['parties']).toEqual([
      { id: 'her@example.org', name: 'her@example.org', role: 'From', times: { DateSent: { text: '2024-11-03T19:47:00.000+00:00', utc: '2024-11-03T19:47:00.000Z', format: 'TimeStampKnown' } } },
      { id: 'me@example.org', name: 'me@example.org', role: 'To' },
      { id: 'boss@example.org', name: 'boss@example.org', role: 'Cc', times: { DateRead: { text: '2024-11-04T08:00:00.000+00:00', utc: '2024-11-04T08:00:00.000Z', format: 'TimeStampKnown' } } },
    ]);
  });
});
