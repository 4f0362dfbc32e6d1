import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

import { decodeAttributedBody, parseBinaryPlist, readSummaryInfo } from '../../../../../workers/import/ios-sms/index.ts';

/**
 * The attributedBody decoder against real blobs from chat.db (imessage-exporter's test data, in
 * `../shared/samples/ios-sms-db/imessage-exporter`), whose texts are known from that project's
 * tests, plus hand-made blobs for the 2- and 4-byte length forms and damaged input.
 */
const SAMPLES = path.resolve(process.cwd(), '../shared/samples/ios-sms-db/imessage-exporter');
const HAVE_SAMPLES = existsSync(SAMPLES);

function sample(name: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(SAMPLES, name)));
}

/** The first bytes of a real NSString archive, up to and including the "+" type marker. */
const STRING_PREFIX = Uint8Array.from([
  0x04, 0x0b, ...new TextEncoder().encode('streamtyped'), 0x81, 0xe8, 0x03, 0x84, 0x01, 0x40, 0x84, 0x84, 0x84, 0x12,
  ...new TextEncoder().encode('NSAttributedString'), 0x00, 0x84, 0x84, 0x08, ...new TextEncoder().encode('NSObject'), 0x00, 0x85,
  0x92, 0x84, 0x84, 0x84, 0x08, ...new TextEncoder().encode('NSString'), 0x01, 0x94, 0x84, 0x01, 0x2b,
]);
const STRING_SUFFIX = Uint8Array.from([0x86, 0x84, 0x02, 0x69, 0x49, 0x01]);

function blobWith(text: string, lengthBytes: number[]): Uint8Array {
  const body = new TextEncoder().encode(text);
  return Uint8Array.from([...STRING_PREFIX, ...lengthBytes, ...body, ...STRING_SUFFIX]);
}

describe.skipIf(!HAVE_SAMPLES)('decodeAttributedBody on real blobs', () => {
  const expected: [string, string][] = [
    ['AttributedBodyTextOnly', 'Noter test'],
    ['AttributedBodyTextOnly2', 'Test 3'],
    ['WeirdText', '𝖍𝖊𝖑𝖑𝖔 𝖜𝖔𝖗𝖑𝖉'],
    ['URL', 'https://github.com/ReagentX/Logria'],
    ['MultiPart', '\u{FFFC}test 1\u{FFFC}test 2 \u{FFFC}test 3'],
    ['Blank', ''],
  ];
  it.each(expected)('%s -> %j', (name, text) => {
    expect(decodeAttributedBody(sample(`streamtyped/${name}`))).toEqual({ ok: true, text });
  });

  it('ExtraData: a length prefix (0x81, 2 bytes) longer than the blob keeps the text that is there, with a note', () => {
    const result = decodeAttributedBody(sample('streamtyped/ExtraData'));
    expect(result).toMatchObject({ ok: true, text: 'This is parsing  ' });
    expect(result.ok && result.note).toContain('declares 157 bytes');
  });

  it('never throws on any truncation of a real blob', () => {
    const blob = sample('streamtyped/URL');
    for (let length = 0; length <= blob.byteLength; length++) {
      const result = decodeAttributedBody(blob.subarray(0, length));
      expect(typeof result.ok).toBe('boolean');
    }
  });

  it('reads edit history and unsent parts from message_summary_info plists', () => {
    expect(readSummaryInfo(sample('edited_message/Deleted.plist'))).toEqual({ editedParts: [], retractedParts: [0], versions: [] });
    const edited = readSummaryInfo(sample('edited_message/Edited.plist'));
    expect(edited?.editedParts).toEqual([0]);
    expect(edited?.versions.map((version) => version.text)).toEqual(['First message  ', 'Edit 1', 'Edit 2', 'Edited message']);
    expect(edited?.versions[0]?.at).toBe('2022-11-19T01:17:54.272Z');
    const toLink = readSummaryInfo(sample('edited_message/EditedToLink.plist'));
    expect(toLink?.versions.map((version) => [version.part, version.text])).toEqual([
      [1, 'here we go!'],
      [1, 'https://github.com/ReagentX/imessage-exporter/issues/10'],
    ]);
  });

  it('parses the other binary plists in the samples without error', () => {
    for (const name of ['url_message/URL.plist', 'url_message/Twitter.plist', 'url_message/Reminder.plist', 'url_message/MetadataURL.plist']) {
      expect(parseBinaryPlist(sample(name)), name).toBeInstanceOf(Map);
    }
  });
});

describe('decodeAttributedBody on hand-made blobs', () => {
  it('reads a one-byte length', () => {
    expect(decodeAttributedBody(blobWith('hello', [5]))).toEqual({ ok: true, text: 'hello' });
  });

  it('reads a 0x81 length (2 bytes, little-endian)', () => {
    const text = 'ä'.repeat(200); // 400 bytes of UTF-8
    expect(decodeAttributedBody(blobWith(text, [0x81, 400 & 0xff, 400 >> 8]))).toEqual({ ok: true, text });
  });

  it('reads a 0x82 length (4 bytes, little-endian)', () => {
    const text = 'x'.repeat(70_000);
    expect(decodeAttributedBody(blobWith(text, [0x82, 70_000 & 0xff, (70_000 >> 8) & 0xff, 70_000 >> 16, 0]))).toEqual({ ok: true, text });
  });

  it('replaces invalid UTF-8 and says so', () => {
    const blob = Uint8Array.from([...STRING_PREFIX, 3, 0x61, 0xff, 0x62, ...STRING_SUFFIX]);
    const result = decodeAttributedBody(blob);
    expect(result).toMatchObject({ ok: true, text: 'a\u{FFFD}b' });
    expect(result.ok && result.note).toContain('UTF-8');
  });

  it('fails with a reason, never an exception, on foreign or damaged blobs', () => {
    expect(decodeAttributedBody(new Uint8Array(0))).toMatchObject({ ok: false });
    expect(decodeAttributedBody(new TextEncoder().encode('bplist00 not a typedstream'))).toMatchObject({ ok: false, reason: expect.stringContaining('not a typedstream') });
    expect(decodeAttributedBody(STRING_PREFIX.subarray(0, 40))).toMatchObject({ ok: false, reason: expect.stringContaining('no NSString') });
    expect(decodeAttributedBody(Uint8Array.from([...STRING_PREFIX, 0x83, 1, 2, 3]))).toMatchObject({ ok: false, reason: expect.stringContaining('length') });
  });

  it('rejects hostile plists without exploding', () => {
    expect(parseBinaryPlist(new TextEncoder().encode('bplist00'))).toBeNull();
    const garbage = new Uint8Array(200).fill(0xd5);
    garbage.set(new TextEncoder().encode('bplist00'));
    expect(parseBinaryPlist(garbage)).toBeNull();
    // A dict whose value is the dict itself: bounded by the nesting limit.
    const cyclic = new Uint8Array(8 + 5 + 2 + 32);
    cyclic.set(new TextEncoder().encode('bplist00'));
    cyclic.set([0xd1, 0x01, 0x00, 0x51, 0x61], 8); // {ref1: ref0}, "a"
    cyclic.set([8, 11], 13); // offset table
    const trailer = new DataView(cyclic.buffer, 15);
    trailer.setUint8(6, 1);
    trailer.setUint8(7, 1);
    trailer.setBigUint64(8, 2n);
    trailer.setBigUint64(16, 0n);
    trailer.setBigUint64(24, 13n);
    expect(parseBinaryPlist(cyclic)).toBeNull();
  });
});
