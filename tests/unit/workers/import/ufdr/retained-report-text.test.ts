import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { FileIndex } from '../../../../../workers/import/ufdr/file-index.ts';
import type { TaggedFile } from '../../../../../workers/import/ufdr/file-index.ts';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { inputFromText } from '../../../../support/parser-harness.ts';
import { stubRecordWriter } from '../../../../support/stub-record-writer.ts';

/**
 * Regression: what the import keeps to its end (each chat as announced to the writer, with its
 * key, title and participants; each chat's key and senders as the writer tallies them; the
 * taggedFiles index) was made of strings V8 keeps as views into the text saxes was fed, 64K
 * characters at a time, so each kept its 64K of the report alive: 3,000 chats held 191 MB of a
 * 94 MB report, 100,000 tagged files 276 MB beside the index's own 92 MB. A streamed report held
 * most of itself in memory, and a large one could not be imported.
 */

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

function heapAfterCollecting(): number {
  collectGarbage();
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

const NS = 'xmlns="http://pa.cellebrite.com/report/2.0"';
const MB = 1024 * 1024;
const CHATS = 300;

const value = (name: string, text: string): string => `<field name="${name}" type="String"><value type="String"><![CDATA[${text}]]></value></field>`;
const party = (id: string, name: string, owner: boolean): string => `<model type="Party">${value('Identifier', id)}${value('Name', name)}${value('IsPhoneOwner', owner ? 'True' : 'False')}</model>`;

/** One chat per 64K of report: each chat's header lies in a text of its own. */
function chat(index: number): string {
  const id = `4071${String(index).padStart(7, '0')}@s.whatsapp.net`;
  const message = `<model type="InstantMessage" id="m-${index}">${value('Source', 'WhatsApp')}<modelField name="From" type="Party">${party(id, `Contact number ${index}`, false)}</modelField>${value('Body', `message ${index} ${'.'.repeat(70_000)}`)}<field name="TimeStamp" type="TimeStamp"><value type="TimeStamp">2024-01-01T00:00:00.000+00:00</value></field></model>`;
  return `<model type="Chat" id="chat-${index}">${value('Source', 'WhatsApp')}${value('Id', id)}<multiModelField name="Participants" type="Party">${party(id, `Contact number ${index}`, false)}${party('40700000000@s.whatsapp.net', 'Owner', true)}</multiModelField><multiModelField name="Messages" type="InstantMessage">${message}</multiModelField></model>\n`;
}

describe('what a UFDR import keeps to its end holds none of the report text', () => {
  it('keeps chats, chat keys and senders as strings of their own', async () => {
    const xml = `<?xml version="1.0"?>\n<project id="t" ${NS}><decodedData><modelType type="Chat">\n${Array.from({ length: CHATS }, (_, index) => chat(index)).join('')}</modelType></decodedData></project>`;
    const input = inputFromText(xml, { displayName: 'report.xml' });
    // The sink is the record writer every importer writes into: what it keeps (each chat, its key,
    // its senders' names and ids) is what must hold none of the report's text.
    const writer = stubRecordWriter({ path: 'report.xml', format: 'ufdr' });
    const before = heapAfterCollecting();
    await ufdrReportParser.parse(input, writer, {});
    await writer.flush();
    const held = heapAfterCollecting() - before;
    expect(writer.chatCount).toBe(CHATS);
    const summaries = writer.chatSummaries();
    expect(summaries).toHaveLength(CHATS);
    expect(summaries[0]?.senders[0]?.sender).toBe('Contact number 0');
    // About 300 × 64K characters of report when each chat kept its text; a few hundred bytes each when not.
    expect(held).toBeLessThan(3 * MB);
  });

  it('keeps the taggedFiles index as strings of its own', () => {
    const index = new FileIndex();
    const before = heapAfterCollecting();
    for (let file = 0; file < 64; file++) {
      // A text of its own per file, as 64K slices of the report are; the file's strings are cut from it.
      const text = `${String(file).padStart(8, '0')}-aaaa-bbbb-cccc-dddddddddddd /private/var/mobile/Media/DCIM/IMG_${file}.JPG files/Image/IMG_${file}.JPG ${'x'.repeat(MB)}`;
      const [id = '', devicePath = '', localPath = ''] = text.split(' ', 3).map((part) => text.slice(text.indexOf(part), text.indexOf(part) + part.length));
      const tagged: TaggedFile = { id, devicePath, localPath, refusedLocalPath: null, size: 1, md5: null, sha256: null, deleted: false, deletedState: text.slice(text.length - 20), times: [['CreationTime', text.slice(100, 130)]] };
      index.add(tagged);
    }
    const held = heapAfterCollecting() - before;
    expect(index.get('00000063-aaaa-bbbb-cccc-dddddddddddd')?.localPath).toBe('files/Image/IMG_63.JPG');
    // 64 MB when each file kept its text.
    expect(held).toBeLessThan(4 * MB);
  });
});
