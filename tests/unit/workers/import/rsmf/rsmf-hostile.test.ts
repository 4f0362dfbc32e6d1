import { deflateRawSync, crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { rsmfParser } from '../../../../../workers/import/rsmf/index.ts';
import { inputFromBytes, runParser } from '../../../../support/parser-harness.ts';
import { buildZip } from '../../../../support/zip-writer.ts';
import { manifestText, rsmfMessage, rsmfZip, smallManifest } from './rsmf-builder.ts';

/** 17 MiB of zeros, deflated to a few kilobytes: past the zip reader's ratio limit (zip/zip-archive.ts). */
function bomb(name: string): { name: string; data: string; precompressed: { body: Uint8Array; crc: number; size: number } } {
  const zeros = Buffer.alloc(17 * 1024 * 1024);
  return { name, data: '', precompressed: { body: deflateRawSync(zeros), crc: crc32(zeros), size: zeros.byteLength } };
}

function withAttachment(id: string): ReturnType<typeof smallManifest> {
  const manifest = smallManifest();
  manifest.events = [{ type: 'message', participant: 'P1', conversation: 'C1', timestamp: '2023-05-01T10:00:00Z', body: 'see', attachments: [{ id, display: id }] }];
  return manifest;
}

describe('hostile .rsmf input', () => {
  it('never reads a zip entry whose name climbs out of rsmf.zip, and says so for the entry and the attachment naming it', async () => {
    const zip = rsmfZip(withAttachment('evil.jpg'), [{ name: '../evil.jpg', data: 'outside' }]);
    const result = await runParser(rsmfParser, inputFromBytes(rsmfMessage(zip), { displayName: 'x.rsmf' }));
    expect(result.messages[0]?.attachments[0]?.bytes).toBeUndefined();
    expect(result.warnings).toContainEqual({ place: 'x.rsmf!rsmf.zip!../evil.jpg', message: expect.stringContaining('points outside the archive') as unknown as string });
    expect(result.warnings).toContainEqual({ place: 'x.rsmf!rsmf.zip!rsmf_manifest.json#/events/0/attachments/0', message: expect.stringContaining('the entry ../evil.jpg names a place outside the archive') as unknown as string });
  });

  it('records a zip-bomb attachment as missing, with the reason, and keeps its message', async () => {
    const zip = buildZip([{ name: 'rsmf_manifest.json', data: manifestText(withAttachment('bomb.bin')) }, bomb('bomb.bin')]);
    const result = await runParser(rsmfParser, inputFromBytes(rsmfMessage(zip), { displayName: 'x.rsmf' }));
    expect(result.messages[0]).toMatchObject({ kind: 'message', text: 'see' });
    expect(result.messages[0]?.attachments[0]?.bytes).toBeUndefined();
    expect(result.warnings.find((warning) => warning.place.endsWith('/attachments/0'))?.message).toContain('zip bomb?');
  });

  it('keeps the message as an e-mail when the manifest itself is a zip bomb', async () => {
    const zip = buildZip([bomb('rsmf_manifest.json')]);
    const result = await runParser(rsmfParser, inputFromBytes(rsmfMessage(zip), { displayName: 'x.rsmf' }));
    expect(result.messages).toHaveLength(1);
    expect(result.warnings[0]?.message).toContain('zip bomb?');
  });

  it('keeps the message as an e-mail when the manifest stops inflating at once (a size its header belies)', async () => {
    const text = manifestText(smallManifest());
    const zip = buildZip([{ name: 'rsmf_manifest.json', data: text, deflate: true, declaredSize: text.indexOf('"hi"') }]);
    const result = await runParser(rsmfParser, inputFromBytes(rsmfMessage(zip), { displayName: 'x.rsmf' }));
    expect(result.messages.map((message) => message.kind)).toEqual(['message']);
    expect(result.warnings[0]?.message).toContain('too many bytes');
  });

  it('reads a long manifest that stops inflating part-way up to where it stops, and says so once', async () => {
    const manifest = smallManifest();
    manifest.events = Array.from({ length: 3000 }, (_, index) => ({ type: 'message', participant: 'P1', conversation: 'C1', timestamp: '2023-05-01T10:00:00Z', body: `message number ${index}` }));
    const text = manifestText(manifest);
    const zip = buildZip([{ name: 'rsmf_manifest.json', data: text, deflate: true, declaredSize: Math.floor(text.length / 2) }]);
    const result = await runParser(rsmfParser, inputFromBytes(rsmfMessage(zip), { displayName: 'x.rsmf' }));
    expect(result.messages.length).toBeGreaterThan(100);
    expect(result.messages.length).toBeLessThan(3000);
    expect(result.messages[0]).toMatchObject({ kind: 'message', text: 'message number 0' });
    expect(result.warnings.filter((warning) => warning.message.includes('stopped inflating'))).toHaveLength(1);
    expect(result.warnings.some((warning) => warning.message.includes('read up to there'))).toBe(true);
  });

  it('keeps a manifest that is a JSON array, not an object, as one unparsed record', async () => {
    const result = await runParser(rsmfParser, inputFromBytes(rsmfMessage(rsmfZip('[1, 2, 3]')), { displayName: 'x.rsmf' }));
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toMatchObject({ kind: 'unparsed', locator: { kind: 'file', file: 'x.rsmf!rsmf.zip!rsmf_manifest.json' } });
    expect(result.messages[0]?.reason).toContain('a JSON array');
  });

  it('keeps participants and conversations that are not objects or have no id out, with a warning naming each place', async () => {
    const manifest = smallManifest();
    manifest.participants = [...(manifest.participants ?? []), 'P3', { display: 'nameless' }, { id: 'P1', display: 'again' }];
    manifest.conversations = [...(manifest.conversations ?? []), { id: 'C1', display: 'again' }];
    const result = await runParser(rsmfParser, inputFromBytes(rsmfMessage(rsmfZip(manifest)), { displayName: 'x.rsmf' }));
    const places = result.warnings.map((warning) => warning.place);
    expect(places).toEqual(expect.arrayContaining(['x.rsmf!rsmf.zip!rsmf_manifest.json#/participants/2', 'x.rsmf!rsmf.zip!rsmf_manifest.json#/participants/3', 'x.rsmf!rsmf.zip!rsmf_manifest.json#/participants/4', 'x.rsmf!rsmf.zip!rsmf_manifest.json#/conversations/1']));
    expect(result.messages[0]?.sender).toBe('Ana');
    expect(result.chats).toHaveLength(1);
  });

  it('refuses an .rsmf larger than it reads in memory, with the reason, before reading it', async () => {
    const input = { ...inputFromBytes(rsmfMessage(rsmfZip(smallManifest())), { displayName: 'huge.rsmf', forbidReadAll: true }), size: 2 * 1024 ** 3 };
    await expect(rsmfParser.parse(input, (await import('../../../../support/parser-harness.ts')).collectingSink(), {})).rejects.toThrow(/extract its rsmf.zip/u);
  });
});

describe('bounded details', () => {
  it('keeps participants as written only up to a size, and counts the others', async () => {
    const manifest = smallManifest();
    manifest.participants = [...(manifest.participants ?? []), ...Array.from({ length: 3 }, (_, index) => ({ id: `X${index}`, display: 'x'.repeat(600_000) }))];
    const result = await runParser(rsmfParser, inputFromBytes(rsmfMessage(rsmfZip(manifest)), { displayName: 'x.rsmf' }));
    expect((result.outcome.details['participantsAsWritten'] as unknown[]).length).toBe(3);
    expect(result.outcome.details['notListedAsWritten']).toBe(2);
    // Their custom fields (a phone number) are in no record: said, not only counted.
    expect(result.warnings).toContainEqual({ place: 'x.rsmf!rsmf.zip!rsmf_manifest.json', message: expect.stringContaining('2 participants or conversations are not kept as written') as unknown as string });
    expect(result.messages[0]?.sender).toBe('Ana');
  });
});

describe('a manifest in another encoding', () => {
  it('keeps a UTF-16 manifest (JSON is UTF-8) as one unparsed record with the reason', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(manifestText(smallManifest()), 'utf16le')]);
    const result = await runParser(rsmfParser, inputFromBytes(rsmfMessage(rsmfZip(utf16)), { displayName: 'x.rsmf' }));
    expect(result.messages.map((message) => message.kind)).toEqual(['unparsed']);
    expect(result.messages[0]?.reason).toContain('not JSON');
  });
});

describe('an rsmf.zip holding one name twice', () => {
  it('names the entries stored under a name already taken (a second manifest, a second file of an attachment\'s name), never passing them over', async () => {
    const manifest = withAttachment('a.jpg');
    const zip = buildZip([{ name: 'rsmf_manifest.json', data: manifestText(manifest) }, { name: 'a.jpg', data: 'first' }, { name: 'a.jpg', data: 'second' }, { name: 'rsmf_manifest.json', data: '{}' }]);
    const result = await runParser(rsmfParser, inputFromBytes(rsmfMessage(zip), { displayName: 'x.rsmf' }));
    expect(Buffer.from(result.messages[0]?.attachments[0]?.bytes ?? []).toString()).toBe('first');
    const named = result.warnings.filter((warning) => warning.message.includes('more than once'));
    expect(named.map((warning) => warning.place).sort()).toEqual(['x.rsmf!rsmf.zip!a.jpg', 'x.rsmf!rsmf.zip!rsmf_manifest.json']);
  });
});

describe('an attachment id that names no entry exactly', () => {
  it('says when the file taken is one found under another folder by its file name, not the entry the id names', async () => {
    const zip = rsmfZip(withAttachment('media/b.jpg'), [{ name: 'other/b.jpg', data: 'bbb' }]);
    const result = await runParser(rsmfParser, inputFromBytes(rsmfMessage(zip), { displayName: 'x.rsmf' }));
    expect(result.messages[0]?.attachments[0]?.path).toBe('x.rsmf!rsmf.zip!other/b.jpg');
    expect(result.warnings).toContainEqual({ place: 'x.rsmf!rsmf.zip!rsmf_manifest.json#/events/0/attachments/0', message: expect.stringContaining('other/b.jpg') as unknown as string });
  });
});
