import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../engine/engine.ts';
import { tempFolder, writeTemp } from '../support/temp-case.ts';
import { buildZip } from '../support/zip-writer.ts';

/**
 * A .ufdr built in the test (a zip of report.xml and the extracted files), imported through the
 * engine: report.xml is recognised inside the zip, its attachments are found among the zip's
 * entries by Local Path, and the vendor digests in the report are checked against the bytes.
 */
const engines: Engine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.dispose()));
});

const PHOTO_1 = new TextEncoder().encode('JPEG bytes of photo one');
const PHOTO_2 = new TextEncoder().encode('JPEG bytes of photo two');
const hex = (algorithm: string, bytes: Uint8Array): string => createHash(algorithm).update(bytes).digest('hex');

function taggedFile(id: string, name: string, md5: string, sha256: string): string {
  return `<file path="/data/media/0/DCIM/${name}" size="23" id="${id}" deleted="Intact"><metadata section="File"><item name="Local Path"><![CDATA[files\\Image\\${name}]]></item></metadata><metadata section="MetaData"><item name="MD5">${md5}</item><item name="SHA256">${sha256}</item></metadata></file>`;
}

function party(id: string, name: string, owner: boolean): string {
  return `<model type="Party"><field name="Identifier"><value><![CDATA[${id}]]></value></field><field name="Name"><value><![CDATA[${name}]]></value></field><field name="IsPhoneOwner"><value>${owner ? 'True' : 'False'}</value></field></model>`;
}

function message(from: string, body: string, time: string, fileId?: string): string {
  const attachment = fileId === undefined ? '' : `<multiModelField name="Attachments" type="Attachment"><model type="Attachment" file_id="${fileId}"><field name="ContentType"><value>image/jpeg</value></field></model></multiModelField>`;
  return `<model type="InstantMessage" deleted_state="Intact"><modelField name="From" type="Party">${from}</modelField><field name="Body"><value><![CDATA[${body}]]></value></field><field name="TimeStamp"><value>${time}</value></field>${attachment}</model>`;
}

const NADIA = party('+40711111111', 'Nadia', false);
const OWNER = party('+40722222222', 'Owner', true);

const REPORT = `<?xml version="1.0" encoding="utf-8"?>
<project id="p" reportVersion="7.60" xmlns="http://pa.cellebrite.com/report/2.0">
<taggedFiles>
${taggedFile('f-1', 'photo1.jpg', hex('md5', PHOTO_1).toUpperCase(), hex('sha256', PHOTO_1))}
${taggedFile('f-2', 'photo2.jpg', hex('md5', PHOTO_2), '0'.repeat(64))}
</taggedFiles>
<decodedData><modelType type="Chat"><model type="Chat" id="c">
<field name="Source"><value>WhatsApp</value></field><field name="Id"><value>40711111111@s.whatsapp.net</value></field>
<multiModelField name="Participants" type="Party">${NADIA}${OWNER}</multiModelField>
<multiModelField name="Messages" type="InstantMessage">
${message(NADIA, 'Where is the money?', '2024-06-01T21:30:00.000+03:00')}
${message(OWNER, 'Here is the receipt', '2024-06-01T21:35:00.000+03:00', 'f-1')}
${message(OWNER, 'And the other one', '2024-06-01T21:36:00.000+03:00', 'f-2')}
</multiModelField></model></modelType></decodedData></project>`;

describe('Cellebrite UFDR import through the engine', () => {
  it('imports report.xml from a .ufdr zip, with senders, directions, UTC times and verified digests', async () => {
    const engine = new Engine({ mode: 'cli', actor: 't' });
    engines.push(engine);
    const folder = tempFolder();
    const session = await engine.openCase(join(folder, 'case'), true);
    const ufdr = writeTemp(folder, 'PH-07.ufdr', buildZip([
      { name: 'report.xml', data: REPORT, deflate: true },
      { name: 'files/Image/photo1.jpg', data: PHOTO_1 },
      { name: 'files/Image/photo2.jpg', data: PHOTO_2 },
    ]));
    const summary = await engine.startImport([ufdr], { timeZone: 'UTC' }).done;
    const source = summary.sources[0];
    expect(source, JSON.stringify(source)).toMatchObject({ status: 'imported', format: 'zip', messages: 3, attachments: 2, unparsed: 0 });
    expect(source?.issues.filter((issue) => issue.reason.includes('do not match'))).toEqual([expect.objectContaining({ reason: expect.stringContaining('files/Image/photo2.jpg') })]);

    const conversations = await session.db.client.call('listConversations', {});
    expect(conversations).toHaveLength(1);
    expect(conversations[0]?.title).toBe('WhatsApp: Nadia');
    const { messages } = await session.db.client.call('messagesRange', { chatId: conversations[0]?.id ?? '', offset: 0, limit: 10 });
    expect(messages.map((record) => [record.sender, record.direction, record.text])).toEqual([
      ['Nadia', 'incoming', 'Where is the money?'],
      ['Owner', 'outgoing', 'Here is the receipt'],
      ['Owner', 'outgoing', 'And the other one'],
    ]);
    expect(messages[0]).toMatchObject({ timestamp: '2024-06-01T18:30:00.000Z', timestampText: '2024-06-01T21:30:00.000+03:00' });
    expect(messages[1]?.attachments[0]).toMatchObject({ status: 'verified', sourcePath: 'files/Image/photo1.jpg', sha256: hex('sha256', PHOTO_1) });
    expect(messages[2]?.attachments[0]).toMatchObject({ status: 'mismatch', sourcePath: 'files/Image/photo2.jpg', sha256: hex('sha256', PHOTO_2) });
    const info = await session.info();
    expect(info.sources[0]?.details['entries']).toEqual([expect.objectContaining({ name: 'report.xml', format: 'cellebrite-ufdr' })]);
  });
});
