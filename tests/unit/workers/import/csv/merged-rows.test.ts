import { describe, expect, it } from 'vitest';
import { createCsvParser } from '../../../../../workers/import/csv/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A body cell that opens a quote and never closes it on its line (in the layout of an SMS dump
 * with a quoted body column: phone, "body", date) made the parser read the rows after it as its
 * text until a later quote closed it; the record still had the header's three fields, so three
 * rows became one message and nothing was reported. Such a record is now split back into its
 * rows, its broken first line kept as an unparsed record saying why. A message whose text truly
 * spans lines is left whole. Numbers and texts are invented.
 */
const mapping = { timestamp: 'date', party: 'phone', text: 'body' };

describe('CSV rows merged by a quote that does not close', () => {
  it('reads the merged lines as their own rows and keeps the broken one as unparsed', async () => {
    const csv = [
      'phone,body,date',
      '5550001,"first",2020-06-22 10:00:00',
      '5550002,"the quote is never closed,2020-06-22 10:01:00',
      '5550003,plain,2020-06-22 10:02:00',
      '5550004,"quoted again",2020-06-22 10:03:00',
      '5550005,"last",2020-06-22 10:04:00',
    ].join('\n');
    const result = await runParser(createCsvParser(mapping), inputFromText(csv, { displayName: 'sms.csv' }));
    expect(result.messages.map((message) => [message.kind, message.text, message.locator])).toEqual([
      ['message', 'first', { kind: 'csv-row', file: 'sms.csv', row: 2, line: 2 }],
      ['unparsed', expect.stringContaining('5550002,"the quote is never closed'), { kind: 'csv-row', file: 'sms.csv', row: 3, line: 3 }],
      ['message', 'plain', { kind: 'csv-row', file: 'sms.csv', row: 4, line: 4 }],
      ['message', 'quoted again', { kind: 'csv-row', file: 'sms.csv', row: 5, line: 5 }],
      ['message', 'last', { kind: 'csv-row', file: 'sms.csv', row: 6, line: 6 }],
    ]);
    expect(result.messages[1]?.reason).toMatch(/does not close on its line, which merged the 2 rows after it/u);
  });

  it('splits a CRLF file on its lines, each row at its own line number', async () => {
    const csv = ['phone,body,date', '5550002,"never closed,2020-06-22 10:01:00', '5550003,plain,2020-06-22 10:02:00', '5550004,"x",2020-06-22 10:03:00', '5550005,"last",2020-06-22 10:04:00', ''].join('\r\n');
    const result = await runParser(createCsvParser(mapping), inputFromText(csv, { displayName: 'sms.csv' }));
    expect(result.messages.map((message) => [message.kind, message.text, message.locator])).toEqual([
      ['unparsed', '5550002,"never closed,2020-06-22 10:01:00', { kind: 'csv-row', file: 'sms.csv', row: 2, line: 2 }],
      ['message', 'plain', { kind: 'csv-row', file: 'sms.csv', row: 3, line: 3 }],
      ['message', 'x', { kind: 'csv-row', file: 'sms.csv', row: 4, line: 4 }],
      ['message', 'last', { kind: 'csv-row', file: 'sms.csv', row: 5, line: 5 }],
    ]);
  });

  it('leaves a message whose text spans lines whole', async () => {
    const csv = ['phone,body,date', '5550001,"line one', '5550009,not a row', 'end",2020-06-22 10:00:00', '5550002,next,2020-06-22 10:01:00'].join('\n');
    const result = await runParser(createCsvParser(mapping), inputFromText(csv, { displayName: 'sms.csv' }));
    expect(result.messages.map((message) => [message.kind, message.text])).toEqual([
      ['message', 'line one\n5550009,not a row\nend'],
      ['message', 'next'],
    ]);
  });

  it('leaves whole a well-formed message whose quoted lines look like rows (a forwarded log)', async () => {
    // Every quote where CSV allows it: one message from 5550001, never messages from 5550007/5550008.
    const csv = ['phone,date,body', '5550001,2020-06-22 10:00:00,"forwarded:', '5550007,2020-06-22 09:00:00,meet at the dock', '5550008,2020-06-22 09:05:00,ok"', '5550002,2020-06-22 10:01:00,next'].join('\n');
    const result = await runParser(createCsvParser({ timestamp: 'date', party: 'phone', text: 'body' }), inputFromText(csv, { displayName: 'sms.csv' }));
    expect(result.messages.map((message) => [message.kind, message.chatKey, message.text])).toEqual([
      ['message', '5550001', 'forwarded:\n5550007,2020-06-22 09:00:00,meet at the dock\n5550008,2020-06-22 09:05:00,ok'],
      ['message', '5550002', 'next'],
    ]);
  });
});
