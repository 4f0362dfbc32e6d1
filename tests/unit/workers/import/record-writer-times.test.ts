import { describe, expect, it } from 'vitest';
import { MESSAGE_ROW_COLUMNS } from '../../../../shared/contracts/db-worker.ts';
import { unpackRows } from '../../../../shared/contracts/packed-rows.ts';
import type { ParsedMessage } from '../../../../shared/contracts/parsed-source.ts';
import type { WallTime } from '../../../../shared/time/zoned-time.ts';
import { wallTimeToUtc } from '../../../../shared/time/zoned-time.ts';
import type { RecordWriter } from '../../../../workers/import/record-writer.ts';
import { stubRecordWriter } from '../../../support/stub-record-writer.ts';

const TIMESTAMP = MESSAGE_ROW_COLUMNS.indexOf('timestamp');

/** A RecordWriter whose db sink keeps the timestamp column of every stored row. */
function timeRecordingWriter(timeZone: string, path: string, format: string): { writer: RecordWriter; times: unknown[] } {
  const times: unknown[] = [];
  const writer = stubRecordWriter({ path, format, timeZone }, (method, params) => {
    if (method === 'insertMessages' && params.batch !== undefined) times.push(...unpackRows(params.batch.rows).map((row) => row[TIMESTAMP]));
  });
  return { writer, times };
}

async function storedTimes(timeZone: string, walls: WallTime[]): Promise<{ times: unknown[]; warnings: string[] }> {
  const { writer, times } = timeRecordingWriter(timeZone, '/e/chat.txt', 'whatsapp-txt');
  for (const [index, wall] of walls.entries()) {
    // The parser's object is reused and changed after it is handed over: the writer must not keep reading it.
    const reused = { ...wall };
    const message: ParsedMessage = {
      chatKey: 'chat', kind: 'message', sender: 'Ana', time: { wall: reused }, timestampText: `t${index}`, text: 'x', attachments: [], deleted: false, edited: false,
      locator: { kind: 'text-lines', file: 'chat.txt', lineStart: index + 1, lineEnd: index + 1, byteStart: index, byteEnd: index + 1 },
    };
    await writer.message(message);
    reused.minute = (reused.minute + 7) % 60;
  }
  await writer.flush();
  return { times, warnings: writer.issues.map((issue) => issue.reason) };
}

/** Times the parser gives as UTC milliseconds (epoch times of SMS backups, databases, JSON exports). */
async function storedEpochTimes(utcMs: number[]): Promise<{ times: unknown[]; warnings: string[] }> {
  const { writer, times } = timeRecordingWriter('UTC', '/e/sms.xml', 'sms-backup-restore-xml');
  for (const [index, ms] of utcMs.entries()) {
    await writer.message({
      chatKey: 'chat', kind: 'message', sender: 'Ana', time: { utcMs: ms }, timestampText: String(ms), text: 'x', attachments: [], deleted: false, edited: false,
      locator: { kind: 'xml-path', file: 'sms.xml', path: `/smses/sms[${index + 1}]`, line: index + 3, column: 3 },
    });
  }
  await writer.flush();
  return { times, warnings: writer.issues.map((issue) => issue.reason) };
}

const at = (year: number, month: number, day: number, hour: number, minute: number, second = 0): WallTime => ({ year, month, day, hour, minute, second });

describe('RecordWriter times (wall clock → UTC in the source zone)', () => {
  it('gives every message the time the zone conversion gives, through runs of one minute, gaps and overlaps', async () => {
    const walls = [
      at(2022, 3, 27, 2, 59), at(2022, 3, 27, 2, 59), at(2022, 3, 27, 3, 30), at(2022, 3, 27, 3, 30), at(2022, 3, 27, 4, 0), at(2022, 3, 27, 4, 0),
      at(2022, 10, 30, 3, 30), at(2022, 10, 30, 3, 30), at(2022, 10, 30, 4, 30), at(2022, 10, 30, 4, 30, 1), at(2022, 10, 30, 4, 30), at(2023, 10, 30, 4, 30),
    ];
    const { times, warnings } = await storedTimes('Europe/Bucharest', walls);
    expect(times).toEqual(walls.map((wall) => new Date(wallTimeToUtc(wall, 'Europe/Bucharest').utcMs).toISOString()));
    // The gap (03:30 on 27 March) and the overlap (03:30 on 30 October) are warned at each message that has them.
    expect(warnings.filter((reason) => reason.includes('gap'))).toHaveLength(2);
    expect(warnings.filter((reason) => reason.includes('overlap'))).toHaveLength(2);
  });

  it('does not take a later time for the last one when the parser reuses its time object', async () => {
    // storedTimes moves each handed-over object on by seven minutes: exactly the next message's time.
    const { times } = await storedTimes('UTC', [at(2023, 5, 1, 10, 0), at(2023, 5, 1, 10, 7)]);
    expect(times).toEqual(['2023-05-01T10:00:00.000Z', '2023-05-01T10:07:00.000Z']);
  });

  it('keeps a wall clock\'s milliseconds through the zone conversion, and tells apart times of one second', async () => {
    const ms = (wall: WallTime, millisecond: number): WallTime => ({ ...wall, millisecond });
    const second = at(2022, 10, 30, 2, 15, 9);
    const { times, warnings } = await storedTimes('Europe/Bucharest', [ms(second, 120), ms(second, 120), ms(second, 750), second, ms(at(2022, 3, 27, 3, 30, 0), 5), ms(second, 1000)]);
    expect(times).toEqual(['2022-10-29T23:15:09.120Z', '2022-10-29T23:15:09.120Z', '2022-10-29T23:15:09.750Z', '2022-10-29T23:15:09.000Z', '2022-03-27T01:30:00.005Z', null]);
    // The gap's time is warned; a millisecond past 999 is no valid time.
    expect(warnings.filter((reason) => reason.includes('gap'))).toHaveLength(1);
    expect(warnings.filter((reason) => reason.includes('not a valid date'))).toHaveLength(1);
  });

  it('warns at each invalid date, also right after the same time was valid in another month', async () => {
    const { times, warnings } = await storedTimes('UTC', [at(2023, 1, 29, 10, 0), at(2023, 2, 29, 10, 0), at(2023, 2, 29, 10, 0), at(2023, 1, 29, 10, 0)]);
    expect(times).toEqual(['2023-01-29T10:00:00.000Z', null, null, '2023-01-29T10:00:00.000Z']);
    expect(warnings.filter((reason) => reason.includes('not a valid date'))).toHaveLength(2);
  });

  it('writes UTC milliseconds as Date#toISOString does, across days, before 1970, at the ends of four-digit years and past them', async () => {
    const day = 86_400_000;
    const values = [0, -1, 1.5, -1.5, 1_673_769_927_677, 1_673_769_927_677 + day, 1_673_769_927_677 - 3 * day, day - 1, 253_402_300_799_999, 253_402_300_800_000, -62_198_755_200_000, -62_198_755_200_001, 8.64e15, -8.64e15];
    for (let index = 0; index < 2000; index += 1) values.push(Math.round(Math.sin(index) * 4e12) + index * 997);
    const { times, warnings } = await storedEpochTimes(values);
    expect(times).toEqual(values.map((ms) => new Date(ms).toISOString()));
    expect(warnings).toEqual([]);
  });

  it('gives no UTC time, with a warning naming the place, to a time past what a date can hold (a hostile 16-digit epoch)', async () => {
    const { times, warnings } = await storedEpochTimes([1_673_769_927_677, 9_999_999_999_999_999, 8.64e15 + 1, -8.64e15 - 1, 1_673_769_927_678]);
    expect(times).toEqual(['2023-01-15T08:05:27.677Z', null, null, null, '2023-01-15T08:05:27.678Z']);
    expect(warnings).toHaveLength(3);
    expect(warnings[0]).toMatch(/^"10000000000000000" is past any date .*no UTC time/u);
  });
});

/** Times written as a wall clock with the exporting computer's standard offset (Telegram Desktop HTML). */
async function storedStandardOffsetTimes(timeZone: string, times: { wall: WallTime; offset: number }[]): Promise<{ times: unknown[]; warnings: string[] }> {
  const { writer, times: stored } = timeRecordingWriter(timeZone, '/e/messages.html', 'telegram-html');
  for (const [index, { wall, offset }] of times.entries()) {
    await writer.message({
      chatKey: 'chat', kind: 'message', sender: 'Ana', time: { wall, standardOffsetMinutes: offset }, timestampText: `t${index}`, text: 'x', attachments: [], deleted: false, edited: false,
      locator: { kind: 'html-element', file: 'messages.html', path: `div#message${index}`, elementId: `message${index}`, line: index + 1 },
    });
  }
  await writer.flush();
  return { times: stored, warnings: writer.issues.map((issue) => issue.reason) };
}

describe('RecordWriter times (wall clock with the standard offset of the zone it was read in)', () => {
  it("converts in the source's zone when it has that standard offset, so a summer time keeps its daylight saving", async () => {
    // Telegram Desktop in Bucharest writes "UTC+02:00" beside a July 14:00 as beside a January one.
    const { times, warnings } = await storedStandardOffsetTimes('Europe/Bucharest', [
      { wall: at(2024, 7, 15, 14, 0), offset: 120 },
      { wall: at(2024, 1, 15, 14, 0), offset: 120 },
    ]);
    expect(times).toEqual(['2024-07-15T11:00:00.000Z', '2024-01-15T12:00:00.000Z']);
    expect(warnings).toEqual([]);
  });

  it("converts with the zone's rules of the message's time when the standard offset written is the zone's current one", async () => {
    // Moscow kept UTC+04:00 all year in 2011-2014; an export made today writes its standard UTC+03:00 beside a 2012 time.
    const { times, warnings } = await storedStandardOffsetTimes('Europe/Moscow', [{ wall: at(2012, 7, 15, 14, 0), offset: 180 }]);
    expect(times).toEqual(['2012-07-15T10:00:00.000Z']);
    expect(warnings).toEqual([]);
  });

  it("uses the offset as written when the source's zone has another standard offset, and says so once", async () => {
    const { times, warnings } = await storedStandardOffsetTimes('UTC', [
      { wall: at(2024, 7, 15, 14, 0), offset: 120 },
      { wall: at(2024, 1, 15, 14, 0), offset: 120 },
      { wall: at(24, 1, 1, 10, 0), offset: -330 },
    ]);
    expect(times).toEqual(['2024-07-15T12:00:00.000Z', '2024-01-15T12:00:00.000Z', new Date(Date.parse('0024-01-01T15:30:00Z')).toISOString()]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/standard UTC offset of the computer that exported them, also in summer \(as in "t0"\), and the source's time zone UTC does not have that standard offset.*an hour late/u);
  });
});
