import { describe, expect, it } from 'vitest';
import { readRsmfTime, sniffRsmfManifest, sniffRsmfMessage } from '../../../../../workers/import/rsmf/index.ts';
import { manifestText, rsmfMessage, rsmfZip, smallManifest } from './rsmf-builder.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('RSMF sniffing', () => {
  it('recognises an .rsmf by X-RSMF-Version in its own header block, laid out as Relativity\'s sample is', () => {
    expect(sniffRsmfMessage(rsmfMessage(rsmfZip(smallManifest())))).toBe(true);
  });

  it('recognises an .rsmf whose header block is longer than the sniffed head (a long X-RSMF-Participants)', () => {
    const names = Array.from({ length: 5000 }, (_, index) => `Participant number ${index}`).join(',\r\n ');
    const message = Buffer.concat([Buffer.from(`X-RSMF-Version: 2.0.0\r\nX-RSMF-Participants: ${names}\r\n`, 'latin1'), rsmfMessage(rsmfZip(smallManifest()))]);
    expect(message.indexOf('\r\n\r\n')).toBeGreaterThan(64 * 1024);
    expect(sniffRsmfMessage(message.subarray(0, 64 * 1024))).toBe(true);
  });

  it('does not take a mail that only mentions X-RSMF-Version in its body, nor an mbox', () => {
    expect(sniffRsmfMessage(bytes('From: a@b.example\nSubject: s\n\nX-RSMF-Version: 2.0.0\n'))).toBe(false);
    expect(sniffRsmfMessage(bytes('From a@b.example Thu Jan  1 00:00:00 2020\nX-RSMF-Version: 2.0.0\nTo: x\n\nbody\n'))).toBe(false);
    expect(sniffRsmfMessage(bytes('Notes on the production\nX-RSMF-Version: 2.0.0\n\nbody\n'))).toBe(false);
  });

  it('recognises a manifest by its keys, whatever the file is called', () => {
    expect(sniffRsmfManifest(bytes(manifestText(smallManifest())), 'export.json')).toBe(true);
  });

  it('recognises rsmf_manifest.json by its name only with an object opening with a manifest key', () => {
    const longParticipants = `{"participants": [${Array.from({ length: 3000 }, (_, index) => `{"id": "P${index}", "display": "Person number ${index}"}`).join(',')}`;
    expect(sniffRsmfManifest(bytes(longParticipants), 'rsmf_manifest.json')).toBe(true);
    expect(sniffRsmfManifest(bytes(longParticipants), 'members.json')).toBe(false);
    // As RSMF-Inspector extracts it beside the stripped .rsmf.
    expect(sniffRsmfManifest(bytes(longParticipants), 'CHAT - CB0000001 - 00001 - 2018-05-13 - CB0000188_rsmf_manifest.json')).toBe(true);
    expect(sniffRsmfManifest(bytes('{"messages": [], "participants": [{"name": "a"}]}'), 'rsmf_manifest.json')).toBe(false);
  });

  it('does not take a Meta thread with participants and messages', () => {
    expect(sniffRsmfManifest(bytes('{"participants": [{"name": "A"}], "messages": [{"sender_name": "A", "timestamp_ms": 1}]}'), 'message_1.json')).toBe(false);
  });
});

describe('RSMF timestamps', () => {
  it('reads the offsets ISO 8601 allows, and the fraction of a second to the millisecond', () => {
    expect(readRsmfTime('2019-04-02T14:53:55.002Z')).toEqual({ time: { utcMs: Date.UTC(2019, 3, 2, 14, 53, 55, 2) }, offset: 'Z' });
    expect(readRsmfTime('2019-04-02T17:07:12.01Z')?.time).toEqual({ utcMs: Date.UTC(2019, 3, 2, 17, 7, 12, 10) });
    expect(readRsmfTime('2018-09-11T09:45:00-0530')).toEqual({ time: { utcMs: Date.UTC(2018, 8, 11, 15, 15) }, offset: '-0530' });
    expect(readRsmfTime('2018-09-11T09:45+01')).toEqual({ time: { utcMs: Date.UTC(2018, 8, 11, 8, 45) }, offset: '+01' });
  });

  it('reads a leap second (ISO 8601 and RFC 3339 allow :60) as the next second, as shared/time converts a wall clock of :60', () => {
    expect(readRsmfTime('2016-12-31T23:59:60Z')).toEqual({ time: { utcMs: Date.UTC(2017, 0, 1, 0, 0, 0) }, offset: 'Z' });
    expect(readRsmfTime('2016-12-31T23:59:60.5Z')?.time).toEqual({ utcMs: Date.UTC(2017, 0, 1, 0, 0, 0, 500) });
    // The leap second of 31 December 2016 at 23:59:60 UTC, written in a zone one hour east.
    expect(readRsmfTime('2017-01-01T00:59:60+01:00')?.time).toEqual({ utcMs: Date.UTC(2017, 0, 1, 0, 0, 0) });
    // A wall clock keeps its :60; the import converts it in its time zone (zoned-time.ts allows it).
    expect(readRsmfTime('2016-12-31T23:59:60')).toEqual({ time: { wall: { year: 2016, month: 12, day: 31, hour: 23, minute: 59, second: 60 } }, offset: null });
    expect(readRsmfTime('2016-12-31T23:59:61Z')).toBeNull();
  });

  it('refuses dates that do not exist and text that is not a date-time', () => {
    expect(readRsmfTime('2019-02-29T00:00:00Z')).toBeNull();
    expect(readRsmfTime('2019-04-02 14:53:55')).toBeNull();
    expect(readRsmfTime('2019-04-02T24:00:00Z')).toBeNull();
    expect(readRsmfTime('2019-04-02T10:00:00+25:00')).toBeNull();
  });
});
