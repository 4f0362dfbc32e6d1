import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rsmfParser } from '../../../../../workers/import/rsmf/index.ts';
import { inputFromBytes, runParser } from '../../../../support/parser-harness.ts';
import { rsmfMessage, rsmfZip, smallManifest } from './rsmf-builder.ts';

const sha256 = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

describe('an .rsmf message (EML with rsmf.zip)', () => {
  it('reads conversations as chats and message events as messages, with locators through the three layers', async () => {
    const result = await runParser(rsmfParser, inputFromBytes(rsmfMessage(rsmfZip(smallManifest())), { displayName: 'chat.rsmf' }));
    expect(result.chats).toEqual([
      { key: 'file:chat.rsmf!rsmf.zip!rsmf_manifest.json\nC1', title: 'Ana and Bo', kind: 'private', kindStated: true, participants: [{ name: 'Ana', id: '+15550001' }, { name: 'Bo', id: 'P2' }] },
    ]);
    const [first, second] = result.messages;
    expect(first).toMatchObject({ chatKey: 'file:chat.rsmf!rsmf.zip!rsmf_manifest.json\nC1', kind: 'message', sender: 'Ana', senderId: '+15550001', direction: 'outgoing', text: 'hello', timestampText: '2023-05-01T10:00:00+02:00', time: { utcMs: Date.UTC(2023, 4, 1, 8, 0, 0) } });
    expect(first?.locator).toEqual({ kind: 'json-pointer', file: 'chat.rsmf!rsmf.zip!rsmf_manifest.json', pointer: '/events/0' });
    expect(first?.extra).toMatchObject({ rsmfEventType: 'message', eventId: 'm1', timestampOffset: '+02:00' });
    expect(second).toMatchObject({ sender: 'Bo', senderId: 'P2', direction: 'incoming', time: { utcMs: Date.UTC(2023, 4, 1, 10, 1, 0) } });
    expect(second?.extra).toMatchObject({ parentId: 'm1' });
    expect(result.outcome.formatVersion).toBe('2.0.0');
    expect(result.outcome.details).toMatchObject({ container: 'rsmf message', rsmfHeaders: { 'x-rsmf-version': ['2.0.0'], 'x-rsmf-generator': ['threadline tests'] } });
  });

  it('hands over the bytes of an attachment from rsmf.zip, so the import hashes them, and says when one is missing', async () => {
    const manifest = smallManifest();
    manifest.events = [
      { type: 'message', participant: 'P1', conversation: 'C1', timestamp: '2023-05-01T10:00:00Z', body: '', attachments: [{ id: 'IMG_1.jpg', display: 'photo.jpg', size: 3 }, { id: 'gone.pdf', display: 'gone.pdf', size: 10 }] },
    ];
    const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);
    const result = await runParser(rsmfParser, inputFromBytes(rsmfMessage(rsmfZip(manifest, [{ name: 'IMG_1.jpg', data: photo }])), { displayName: 'chat.rsmf' }));
    const [found, missing] = result.messages[0]?.attachments ?? [];
    expect(found).toMatchObject({ kind: 'attached', mediaType: 'image', fileName: 'photo.jpg', path: 'chat.rsmf!rsmf.zip!IMG_1.jpg' });
    expect(sha256(found?.bytes ?? new Uint8Array())).toBe(sha256(photo));
    expect(missing).toMatchObject({ kind: 'attached', fileName: 'gone.pdf' });
    expect(missing?.bytes).toBeUndefined();
    expect(missing?.path).toBeUndefined();
    expect(result.warnings).toContainEqual({ place: 'chat.rsmf!rsmf.zip!rsmf_manifest.json#/events/0/attachments/1', message: expect.stringContaining('the zip holds no entry named gone.pdf') as unknown as string });
  });

  it('names the .rsmf in an attachment\'s path, so the IMG.jpg of two productions in one zip are never taken for one file', async () => {
    const manifest = smallManifest();
    manifest.events = [{ type: 'message', participant: 'P1', conversation: 'C1', timestamp: '2023-05-01T10:00:00Z', body: '', attachments: [{ id: 'IMG.jpg', display: 'IMG.jpg' }] }];
    const production = (photo: string): Uint8Array => rsmfMessage(rsmfZip(manifest, [{ name: 'IMG.jpg', data: photo }]));
    // The zip importer names each entry's input by the entry's name (zip-source.ts, entryInput).
    const first = await runParser(rsmfParser, inputFromBytes(production('first photo'), { displayName: 'agency-a/export.rsmf' }));
    const second = await runParser(rsmfParser, inputFromBytes(production('second photo'), { displayName: 'agency-b/export.rsmf' }));
    expect(first.messages[0]?.attachments[0]?.path).toBe('agency-a/export.rsmf!rsmf.zip!IMG.jpg');
    expect(second.messages[0]?.attachments[0]?.path).toBe('agency-b/export.rsmf!rsmf.zip!IMG.jpg');
  });

  it('names the entries of rsmf.zip no event names, and the attachments outside rsmf.zip', async () => {
    const zip = rsmfZip(smallManifest(), [{ name: 'Avatar_P1.jpg', data: 'not read' }]);
    const result = await runParser(rsmfParser, inputFromBytes(rsmfMessage(zip, { extraParts: [{ name: 'avatar.png', type: 'image/png', data: new Uint8Array([1, 2]) }] }), { displayName: 'chat.rsmf' }));
    expect(result.warnings.map((warning) => warning.message).join('\n')).toContain('Avatar_P1.jpg');
    expect(result.warnings).toContainEqual({ place: 'chat.rsmf (MIME part 3)', message: expect.stringContaining('avatar.png') as unknown as string });
  });

  it('keeps a message whose rsmf.zip is missing as the e-mail it is, and says why', async () => {
    const result = await runParser(rsmfParser, inputFromBytes(rsmfMessage(null), { displayName: 'broken.rsmf' }));
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]?.text).toContain('This is body text.');
    expect(result.warnings[0]).toEqual({ place: 'broken.rsmf', message: expect.stringContaining('it has no attachment named rsmf.zip') as unknown as string });
  });

  it('keeps a message whose rsmf.zip is not a zip as an e-mail, and says why', async () => {
    const result = await runParser(rsmfParser, inputFromBytes(rsmfMessage(new TextEncoder().encode('PK but not really a zip')), { displayName: 'broken.rsmf' }));
    expect(result.messages).toHaveLength(1);
    expect(result.warnings[0]?.message).toContain('is not a readable zip');
  });

  it('keeps a message whose rsmf.zip holds no manifest as an e-mail, and says why', async () => {
    const zip = (await import('../../../../support/zip-writer.ts')).buildZip([{ name: 'other.txt', data: 'x' }]);
    const result = await runParser(rsmfParser, inputFromBytes(rsmfMessage(zip), { displayName: 'broken.rsmf' }));
    expect(result.messages).toHaveLength(1);
    expect(result.warnings[0]?.message).toContain('holds no rsmf_manifest.json');
  });
});

describe('what an .rsmf says beside its events', () => {
  it('keeps participants and conversations as written (custom fields, avatars, custodians) and the message body in the details', async () => {
    const manifest = smallManifest();
    manifest.participants = [{ id: 'P1', display: 'Ana', avatar: 'ana.png', custom: [{ name: 'Mobile Number', value: '+40 721 000 000' }] }, { id: 'P2', display: 'Bo' }];
    manifest.conversations = [{ id: 'C1', display: 'Ana and Bo', platform: 'whatsapp', type: 'direct', participants: ['P1', 'P2'], custodian: 'P1', icon: 'whatsapp.png' }];
    const result = await runParser(rsmfParser, inputFromBytes(rsmfMessage(rsmfZip(manifest)), { displayName: 'chat.rsmf' }));
    expect(result.outcome.details['participantsAsWritten']).toEqual(manifest.participants);
    expect(result.outcome.details['conversationsAsWritten']).toEqual(manifest.conversations);
    expect(result.outcome.details['messageBody']).toBe('This is body text.');
  });
});

describe('what the e-mail reader notes about an .rsmf', () => {
  it('passes on what could not be read as it should, but not the missing Date an RSMF never has', async () => {
    const message = rsmfMessage(rsmfZip(smallManifest())).toString('latin1').replace('Content-Type: text/plain; charset="us-ascii"\r\n\r\nThis is body text.', 'Content-Type: text/plain; charset="x-no-such-charset"\r\nContent-Transfer-Encoding: 8bit\r\n\r\nTh\xe9s is body text.');
    const result = await runParser(rsmfParser, inputFromBytes(Buffer.from(message, 'latin1'), { displayName: 'chat.rsmf' }));
    const fileWarnings = result.warnings.filter((warning) => warning.place === 'chat.rsmf').map((warning) => warning.message);
    expect(fileWarnings.some((text) => text.includes('could not be decoded') || text.includes('charset'))).toBe(true);
    expect(fileWarnings.some((text) => text.includes('Date header'))).toBe(false);
    expect(result.messages).toHaveLength(2);
  });
});

describe('an .rsmf from another generator', () => {
  it('reads one laid out as Message Crawler (v6) writes it: LF lines, X-RSMF-* first, rsmf.zip as application/octet-stream, seven-digit fractions', async () => {
    const manifest = smallManifest();
    manifest.events = [{ id: 'CB0000188', type: 'message', body: 'Attachment Title: IMG_2616.jpeg', participant: 'P1', conversation: 'C1', deleted: false, importance: 'normal', timestamp: '2017-11-15T02:53:30.1234567Z', direction: 'outgoing' }];
    const zip = rsmfZip(manifest).toString('base64');
    const text = [
      'X-RSMF-Generator: Message Crawler (test layout)',
      'X-RSMF-Version: 2.0.0',
      'X-RSMF-EventCount: 1',
      'X-RSMF-BeginDate: 2017-11-15T02:53:30.0000000Z',
      'To: "Ana <+15550001>" <>, "Bo" <>',
      'X-RSMF-Custodian: Ana',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="=-b=="',
      '',
      '--=-b==',
      'Content-Type: text/plain; charset=utf-8',
      'Content-Transfer-Encoding: quoted-printable',
      '',
      'Ana <+15550001>',
      '',
      '--=-b==',
      'Content-Type: application/octet-stream; name=rsmf.zip',
      'Content-Disposition: attachment; filename=rsmf.zip',
      'Content-Transfer-Encoding: base64',
      '',
      zip,
      '--=-b==--',
      '',
    ].join('\n');
    const result = await runParser(rsmfParser, inputFromBytes(Buffer.from(text, 'utf8'), { displayName: 'CHAT - 00001.rsmf' }));
    expect(rsmfParser.sniff(Buffer.from(text, 'utf8'), 'CHAT - 00001.rsmf')).toBe(true);
    expect(result.messages).toHaveLength(1);
    expect(result.messages[0]).toMatchObject({ sender: 'Ana', direction: 'outgoing', time: { utcMs: Date.UTC(2017, 10, 15, 2, 53, 30, 123) }, timestampText: '2017-11-15T02:53:30.1234567Z' });
    expect(result.outcome.details['rsmfHeaders']).toMatchObject({ 'x-rsmf-custodian': ['Ana'], 'x-rsmf-eventcount': ['1'] });
  });
});
