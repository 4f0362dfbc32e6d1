import { describe, expect, it } from 'vitest';
import { createCsvParser, validateCsvMapping } from '../../../../../workers/import/csv/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A call log CSV has no text column (an Android forensic dataset's call_log.csv: phone, date,
 * time, incoming_call, missed_call, duration), so no mapping could import it: `text` was
 * required. A mapping with a `duration` column and no `text` now reads each row as a call, in the
 * words other importers use for calls, its own columns kept as written. Its dates are written
 * year first with slashes ("2020/06/22"), which have one reading and needed a format chosen.
 * Numbers are invented.
 */
const csv = [
  'phone,date,time,incoming_call,missed_call,duration',
  '5550001001,2020/06/22,10:32:30,true,true,0',
  '5550001002,2020/06/10,13:05:00,true,false,60',
  '5550001003,2020/12/12,23:23:23,false,false,0:02:05',
].join('\n');

describe('CSV call logs', () => {
  it('reads each row as a call when the mapping names a duration and no text', async () => {
    const mapping = { timestamp: 'date', time: 'time', party: 'phone', duration: 'duration', direction: 'incoming_call', directionValues: { incoming: ['true'], outgoing: ['false'] } };
    const result = await runParser(createCsvParser(mapping), inputFromText(csv, { displayName: 'call_log.csv' }));
    expect(result.warnings).toEqual([]);
    expect(result.messages.map((message) => [message.kind, message.text, message.direction, message.sender, message.time, message.chatKey])).toEqual([
      ['system', 'Incoming call', 'incoming', '5550001001', { wall: { year: 2020, month: 6, day: 22, hour: 10, minute: 32, second: 30 } }, 'calls:5550001001'],
      ['system', 'Incoming call, 1 min 0 s', 'incoming', '5550001002', { wall: { year: 2020, month: 6, day: 10, hour: 13, minute: 5, second: 0 } }, 'calls:5550001002'],
      ['system', 'Outgoing call, 2 min 5 s', 'outgoing', null, { wall: { year: 2020, month: 12, day: 12, hour: 23, minute: 23, second: 23 } }, 'calls:5550001003'],
    ]);
    expect(result.messages[0]?.extra).toMatchObject({ recordType: 'call', durationSeconds: 0, missed_call: 'true', party: '5550001001' });
    expect(result.messages[2]?.extra).toMatchObject({ durationSeconds: 125, durationAsWritten: '0:02:05' });
    expect(result.chats.map((chat) => chat.title)).toEqual(['Calls: 5550001001', 'Calls: 5550001002', 'Calls: 5550001003']);
  });

  it('still asks for a text column when neither text nor duration is mapped', () => {
    expect(() => validateCsvMapping({ timestamp: 'date' })).toThrow(/map the text column, or for a call log \(no text\) its duration column/u);
  });

  it('keeps a mapped duration as written when the file also has a text (messages, not calls)', async () => {
    const texts = ['phone,date,body,duration', '5550001001,2020/06/22 10:00:00,voice note,0:00:42'].join('\n');
    const result = await runParser(createCsvParser({ timestamp: 'date', party: 'phone', text: 'body', duration: 'duration' }), inputFromText(texts, { displayName: 'sms.csv' }));
    expect(result.messages.map((message) => [message.kind, message.text, message.extra?.['duration']])).toEqual([['message', 'voice note', '0:00:42']]);
  });
});
