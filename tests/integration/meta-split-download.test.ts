import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../engine/engine.ts';
import { tempFolder, writeWithFolders } from '../support/temp-case.ts';
import { buildZip } from '../support/zip-writer.ts';

/**
 * Meta splits a big "Download your information" export over several zips. Picked together without
 * a declared device, each zip is a source of its own and no thread merges across them (ADR 0014),
 * but a photo the thread names by its path in the download is found in the other picked zip that
 * holds exactly that path: its record names that zip and entry, its bytes are kept in the case.
 * A zip declared as another device is another exhibit: nothing is taken from it.
 */
const engines: Engine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.dispose()));
});

const THREAD = 'your_facebook_activity/messages/inbox/anapop_1234567890';
const PHOTO = `${THREAD}/photos/555000111_n.jpg`;
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('a photo of the meeting place, as the download holds it')]);
const THREAD_FILE = JSON.stringify({
  participants: [{ name: 'Ana Pop' }, { name: 'Dan Ionescu' }],
  messages: [{ sender_name: 'Ana Pop', timestamp_ms: 1_700_000_000_000, content: 'here', photos: [{ uri: PHOTO, creation_timestamp: 1_700_000_000 }] }],
  title: 'Ana Pop',
  thread_path: 'inbox/anapop_1234567890',
});

function twoParts(): { part1: string; part2: string } {
  const folder = tempFolder();
  const part1 = writeWithFolders(join(folder, 'facebook-danionescu-part1.zip'), buildZip([{ name: `${THREAD}/message_1.json`, data: THREAD_FILE, deflate: true }]));
  const part2 = writeWithFolders(join(folder, 'facebook-danionescu-part2.zip'), buildZip([{ name: PHOTO, data: JPEG }]));
  return { part1, part2 };
}

async function importParts(paths: string[], deviceByPath?: Record<string, string>) {
  const engine = new Engine({ mode: 'cli', actor: 'meta-split' });
  engines.push(engine);
  const session = await engine.openCase(join(tempFolder(), 'case'), true);
  const summary = await engine.startImport(paths, { timeZone: 'UTC', ...(deviceByPath === undefined ? {} : { deviceByPath }) }).done;
  const conversations = await session.db.client.call('listConversations', {});
  const thread = conversations.find((conversation) => conversation.title === 'Ana Pop');
  if (thread === undefined) throw new Error('the thread was not imported');
  const { messages } = await session.db.client.call('messagesRange', { chatId: thread.id, offset: 0, limit: 10 });
  return { summary, messages, casePath: session.path };
}

describe('a Meta download split over two zips', () => {
  it('imported without a device: the photo in the other part is found, named by that zip and entry, and kept in the case', async () => {
    const { part1, part2 } = twoParts();
    const { summary, messages, casePath } = await importParts([part1, part2]);
    const source = summary.sources.find((candidate) => candidate.path === part1);
    expect(source).toMatchObject({ status: 'imported', format: 'zip', messages: 1 });
    const sha256 = createHash('sha256').update(JPEG).digest('hex');
    expect(messages[0]?.attachments).toEqual([expect.objectContaining({ status: 'ok', sha256, sourcePath: `${part2}!/${PHOTO}` })]);
    expect(readFileSync(join(casePath, 'attachments', sha256.slice(0, 2), sha256))).toEqual(JPEG);
    expect(source?.issues.filter((issue) => issue.reason.includes('attachment'))).toEqual([]);
  }, 60_000);

  it('declared as two devices: nothing is taken from the other exhibit, and the photo is missing', async () => {
    const { part1, part2 } = twoParts();
    const { summary, messages } = await importParts([part1, part2], { [part1]: 'Phone 1', [part2]: 'Phone 2' });
    expect(messages[0]?.attachments).toEqual([expect.objectContaining({ status: 'missing', sha256: null, sourcePath: PHOTO })]);
    const source = summary.sources.find((candidate) => candidate.path === part1);
    expect(source?.issues.map((issue) => issue.reason)).toContain(`attachment ${PHOTO} cannot be read (the zip holds no entry named ${PHOTO}); recorded as missing`);
  }, 60_000);
});
