import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { NewAttachment } from '../../../../../shared/contracts/db-worker.ts';
import { PARSERS } from '../../../../../workers/import/parsers.ts';
import { SplitDownloadParts } from '../../../../../workers/import/zip/split-parts.ts';
import { importZip } from '../../../../../workers/import/zip/zip-source.ts';
import { stubRecordWriter } from '../../../../support/stub-record-writer.ts';
import { tempFolder, writeTemp } from '../../../../support/temp-case.ts';
import { buildZip, type TestZipEntry } from '../../../../support/zip-writer.ts';

/**
 * Meta splits a big "Download your information" export over several zips: a thread's
 * message_1.json in one part, its photos in another. Imported without a declared device, each zip
 * is its own source and its threads stay its own (ADR 0014); a photo the thread names by its path
 * in the download is found in the one other picked zip that holds exactly that path.
 */
const THREAD = 'your_facebook_activity/messages/inbox/anapop_1234567890';
const PHOTO = `${THREAD}/photos/555000111_n.jpg`;
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('a photo of the meeting place, bytes as Meta wrote them')]);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A thread with a message per entry of `uris`, each naming those photos. */
function messageFile(uris: (string | string[])[]): string {
  const messages = uris.map((named, index) => ({ sender_name: 'Ana Pop', timestamp_ms: 1_700_000_000_000 + index, photos: [named].flat().map((uri) => ({ uri, creation_timestamp: 1_700_000_000 })) }));
  return JSON.stringify({ participants: [{ name: 'Ana Pop' }, { name: 'Dan Ionescu' }], messages, title: 'Ana Pop', thread_path: 'inbox/anapop_1234567890' });
}

function zipAt(folder: string, name: string, entries: TestZipEntry[]): string {
  return writeTemp(folder, name, buildZip(entries));
}

/** Imports `main` as a zip source with `parts` as the other zips picked with it; its attachments as stored, its issues and details. */
async function importWithParts(main: string, parts: string[], casePath: string) {
  const attachments: NewAttachment[] = [];
  const writer = stubRecordWriter({ path: main, format: 'zip', casePath }, (method, params) => {
    if (method === 'insertMessages') for (const row of params.batch?.attachments ?? []) attachments.push(...row.attachments);
    return undefined;
  });
  const otherParts = new SplitDownloadParts(parts, casePath);
  try {
    const outcome = await importZip(main, writer, PARSERS, {}, [], otherParts);
    await writer.flush();
    return { attachments, issues: writer.issues.map((issue) => issue.reason), details: outcome.details };
  } finally {
    await otherParts.close();
  }
}

describe('a Meta download split over several zips, imported without a device', () => {
  it('finds a photo in the other part that holds its exact path, hashes those bytes and names that zip and entry (regression: "missing")', async () => {
    const folder = tempFolder();
    const casePath = tempFolder();
    const part1 = zipAt(folder, 'facebook-anapop-part1.zip', [{ name: `${THREAD}/message_1.json`, data: messageFile([PHOTO]) }]);
    const part2 = zipAt(folder, 'facebook-anapop-part2.zip', [{ name: PHOTO, data: JPEG }]);
    const { attachments, issues, details } = await importWithParts(part1, [part2], casePath);
    expect(attachments).toEqual([expect.objectContaining({ status: 'ok', sha256: sha256(JPEG), size: JPEG.byteLength, sourcePath: `${part2}!/${PHOTO}` })]);
    // Kept in the case: no file of this source holds the bytes for the viewer, OCR or a package to read again.
    const [found] = attachments;
    expect(found?.storedPath).toBe(join('attachments', sha256(JPEG).slice(0, 2), sha256(JPEG)));
    expect(readFileSync(join(casePath, found?.storedPath ?? ''))).toEqual(JPEG);
    expect(details['attachmentsFromOtherParts']).toEqual([{ part: part2, attachments: 1 }]);
    expect(issues.filter((issue) => issue.includes('attachment'))).toEqual([]);
  });

  it('finds two photos of one message, read at once, in the part that holds them', async () => {
    const folder = tempFolder();
    const second = `${THREAD}/photos/555000222_n.jpg`;
    const part1 = zipAt(folder, 'part1.zip', [{ name: `${THREAD}/message_1.json`, data: messageFile([[PHOTO, second]]) }]);
    const part2 = zipAt(folder, 'part2.zip', [
      { name: PHOTO, data: JPEG },
      { name: second, data: 'second photo', deflate: true },
    ]);
    const { attachments, details } = await importWithParts(part1, [part2], tempFolder());
    expect(attachments.map((attachment) => [attachment.status, attachment.sourcePath, attachment.sha256])).toEqual([
      ['ok', `${part2}!/${PHOTO}`, sha256(JPEG)],
      ['ok', `${part2}!/${second}`, sha256(Buffer.from('second photo'))],
    ]);
    expect(details['attachmentsFromOtherParts']).toEqual([{ part: part2, attachments: 2 }]);
  });

  it('records the photo missing, with the reason, when the other part’s entry lies about its size, and leaves no partial copy', async () => {
    const folder = tempFolder();
    const casePath = tempFolder();
    const part1 = zipAt(folder, 'part1.zip', [{ name: `${THREAD}/message_1.json`, data: messageFile([PHOTO, PHOTO]) }]);
    const lying = zipAt(folder, 'part2.zip', [{ name: PHOTO, data: JPEG, deflate: true, declaredSize: JPEG.byteLength + 100 }]);
    const { attachments, issues } = await importWithParts(part1, [lying], casePath);
    expect(attachments.map((attachment) => [attachment.status, attachment.sha256, attachment.storedPath])).toEqual([
      ['missing', null, null],
      ['missing', null, null],
    ]);
    const reason = `attachment ${PHOTO} cannot be read (found only in another picked zip, ${lying}, whose entry cannot be read: ${PHOTO}: not enough bytes in the stream. expected ${JPEG.byteLength + 100}. got only ${JPEG.byteLength}); recorded as missing`;
    expect(issues.filter((issue) => issue.includes('attachment'))).toEqual([reason, reason]);
    expect(readdirSync(join(casePath, 'attachments'))).toEqual([]);
  });

  it('without the other part, the photo is missing as before', async () => {
    const folder = tempFolder();
    const part1 = zipAt(folder, 'part1.zip', [{ name: `${THREAD}/message_1.json`, data: messageFile([PHOTO]) }]);
    const { attachments, issues, details } = await importWithParts(part1, [], tempFolder());
    expect(attachments).toEqual([expect.objectContaining({ status: 'missing', sha256: null, sourcePath: PHOTO, storedPath: null })]);
    expect(issues).toContain(`attachment ${PHOTO} cannot be read (the zip holds no entry named ${PHOTO}); recorded as missing`);
    expect(details['attachmentsFromOtherParts']).toBeUndefined();
  });

  it('takes none when two other zips hold the path (two downloads of one group thread), and names both', async () => {
    const folder = tempFolder();
    const part1 = zipAt(folder, 'part1.zip', [{ name: `${THREAD}/message_1.json`, data: messageFile([PHOTO]) }]);
    const mine = zipAt(folder, 'part2.zip', [{ name: PHOTO, data: JPEG }]);
    const theirs = zipAt(folder, 'other-person.zip', [{ name: PHOTO, data: 'another copy' }]);
    const { attachments, issues } = await importWithParts(part1, [mine, theirs], tempFolder());
    expect(attachments).toEqual([expect.objectContaining({ status: 'missing', sha256: null, sourcePath: PHOTO })]);
    expect(issues).toContain(
      `attachment ${PHOTO} cannot be read (the zip holds no entry named ${PHOTO}; 2 other picked zips hold ${PHOTO} (${mine}, ${theirs}): which of them is a part of this download cannot be told, so none is taken); recorded as missing`,
    );
  });

  it('looks for nothing but the exact path: another folder, or the file name alone, is not this thread’s file', async () => {
    const folder = tempFolder();
    const part1 = zipAt(folder, 'part1.zip', [{ name: `${THREAD}/message_1.json`, data: messageFile([PHOTO]) }]);
    const elsewhere = zipAt(folder, 'part2.zip', [
      { name: `your_facebook_activity/messages/inbox/other_999/photos/555000111_n.jpg`, data: JPEG },
      { name: '555000111_n.jpg', data: JPEG },
    ]);
    const { attachments, issues } = await importWithParts(part1, [elsewhere], tempFolder());
    expect(attachments).toEqual([expect.objectContaining({ status: 'missing', sha256: null })]);
    expect(issues).toContain(`attachment ${PHOTO} cannot be read (the zip holds no entry named ${PHOTO}; no other picked zip holds ${PHOTO} either (1 looked in)); recorded as missing`);
  });

  it('does not look in other zips for a path into another thread or the shared stickers folder', async () => {
    const folder = tempFolder();
    const foreign = 'your_facebook_activity/messages/inbox/other_999/photos/1.jpg';
    const sticker = 'your_facebook_activity/messages/stickers_used/2.png';
    const part1 = zipAt(folder, 'part1.zip', [{ name: `${THREAD}/message_1.json`, data: messageFile([foreign, sticker]) }]);
    const part2 = zipAt(folder, 'part2.zip', [
      { name: foreign, data: JPEG },
      { name: sticker, data: JPEG },
    ]);
    const { attachments, details } = await importWithParts(part1, [part2], tempFolder());
    expect(attachments.map((attachment) => attachment.status)).toEqual(['missing', 'missing']);
    expect(details['attachmentsFromOtherParts']).toBeUndefined();
  });

  it('keeps the own zip’s answer when it holds a file of that name, and says when another picked zip cannot be opened', async () => {
    const folder = tempFolder();
    const twice = [`a/555000111_n.jpg`, `b/555000111_n.jpg`].map((name) => ({ name, data: JPEG }));
    const part1 = zipAt(folder, 'part1.zip', [{ name: `${THREAD}/message_1.json`, data: messageFile([PHOTO]) }, ...twice]);
    const part2 = zipAt(folder, 'part2.zip', [{ name: PHOTO, data: JPEG }]);
    const own = await importWithParts(part1, [part2], tempFolder());
    expect(own.attachments).toEqual([expect.objectContaining({ status: 'missing' })]);
    expect(own.details['attachmentsFromOtherParts']).toBeUndefined();

    const lone = zipAt(folder, 'lone.zip', [{ name: `${THREAD}/message_1.json`, data: messageFile([PHOTO]) }]);
    const broken = writeTemp(folder, 'broken.zip', Buffer.from('PK\u0003\u0004 not a zip at all, cut short'));
    const { attachments, issues } = await importWithParts(lone, [broken, part2], tempFolder());
    expect(attachments).toEqual([expect.objectContaining({ status: 'ok', sourcePath: `${part2}!/${PHOTO}` })]);
    expect(issues.filter((issue) => issue.includes('attachment'))).toEqual([]);
    const alone = await importWithParts(lone, [broken], tempFolder());
    expect(alone.issues).toEqual(expect.arrayContaining([expect.stringContaining(`no other picked zip holds ${PHOTO} either (1 looked in); one other picked zip could not be opened to look: ${broken} (`)]));
  });
});
