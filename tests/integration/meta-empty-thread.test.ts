import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../engine/engine.ts';
import { tempFolder, writeWithFolders } from '../support/temp-case.ts';
import { buildZip } from '../support/zip-writer.ts';

/**
 * A Meta DYI export holds threads whose messages were all deleted: their message_1.json has an
 * empty "messages" list. Such a thread imports as a chat with no message, and the threads beside
 * it import as before; a thread split over message_1/message_2 still merges when a part is empty.
 */
const engines: Engine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.dispose()));
});

const INBOX = 'your_facebook_activity/messages/inbox';
const participants = [{ name: 'Ana Pop' }, { name: 'Dan Ionescu' }];
function thread(folder: string, title: string, messages: object[]): string {
  return JSON.stringify({ participants, messages, title, is_still_participant: true, thread_path: `inbox/${folder}`, magic_words: [] }, null, 2);
}
const hello = (ms: number, text: string): object => ({ sender_name: 'Ana Pop', timestamp_ms: ms, content: text, is_geoblocked_for_viewer: false });

const FILES: { name: string; text: string }[] = [
  { name: `${INBOX}/deleted_1/message_1.json`, text: thread('deleted_1', 'Deleted thread', []) },
  { name: `${INBOX}/anapop_2/message_1.json`, text: thread('anapop_2', 'Ana Pop', [hello(1_700_000_002_000, 'second'), hello(1_700_000_001_000, 'first')]) },
  // A split thread whose newer part is empty.
  { name: `${INBOX}/split_3/message_1.json`, text: thread('split_3', 'Split', []) },
  { name: `${INBOX}/split_3/message_2.json`, text: thread('split_3', 'Split', [hello(1_600_000_000_000, 'old')]) },
];

async function importAll(paths: string[]) {
  const engine = new Engine({ mode: 'cli', actor: 'meta-empty' });
  engines.push(engine);
  const session = await engine.openCase(join(tempFolder(), 'case'), true);
  const summary = await engine.startImport(paths, { timeZone: 'UTC' }).done;
  const conversations = await session.db.client.call('listConversations', {});
  return { summary, conversations };
}

describe('Meta export with an empty thread', () => {
  it('imports a folder: the empty thread as a chat with 0 messages, the others in full, the split thread merged', async () => {
    const root = tempFolder();
    for (const file of FILES) writeWithFolders(join(root, file.name), file.text);
    const { summary, conversations } = await importAll([root]);
    const bySource = Object.fromEntries(summary.sources.map((source) => [source.path.slice(root.length + 1), source]));
    expect(bySource[FILES[0]?.name ?? '']).toMatchObject({ status: 'imported', format: 'meta-messages-json', messages: 0 });
    expect(bySource[FILES[1]?.name ?? '']).toMatchObject({ status: 'imported', messages: 2 });
    expect(bySource[FILES[2]?.name ?? '']).toMatchObject({ status: 'imported', messages: 0 });
    expect(bySource[FILES[3]?.name ?? '']).toMatchObject({ status: 'imported', messages: 1 });
    expect(conversations.map((conversation) => conversation.title).sort()).toEqual(['Ana Pop', 'Deleted thread', 'Split']);
  }, 60_000);

  it('imports a zip of the same export', async () => {
    const folder = tempFolder();
    const zip = writeWithFolders(join(folder, 'facebook-dyi.zip'), buildZip(FILES.map((file) => ({ name: file.name, data: file.text, deflate: true }))));
    const { summary, conversations } = await importAll([zip]);
    expect(summary.sources[0]).toMatchObject({ status: 'imported', format: 'zip', messages: 3 });
    expect(conversations.map((conversation) => conversation.title).sort()).toEqual(['Ana Pop', 'Deleted thread', 'Split']);
  }, 60_000);

  it('imports a zip holding only empty threads: chats with 0 messages, not a refusal', async () => {
    const folder = tempFolder();
    const empty = [FILES[0], FILES[2]].filter((file) => file !== undefined);
    const zip = writeWithFolders(join(folder, 'facebook-dyi.zip'), buildZip(empty.map((file) => ({ name: file.name, data: file.text, deflate: true }))));
    const { summary, conversations } = await importAll([zip]);
    expect(summary.sources[0]).toMatchObject({ status: 'imported', format: 'zip', messages: 0 });
    expect(conversations.map((conversation) => conversation.title).sort()).toEqual(['Deleted thread', 'Split']);
  }, 60_000);

  it('still refuses a zip whose thread entries were all refused', async () => {
    const folder = tempFolder();
    const broken = `{"participants": [{"name": "Ana Pop"}], "messages": [], "title": "Broken", "thread_path": "inbox/broken_4"`;
    const zip = writeWithFolders(join(folder, 'facebook-dyi.zip'), buildZip([{ name: `${INBOX}/broken_4/message_1.json`, data: broken, deflate: true }]));
    const { summary } = await importAll([zip]);
    expect(summary.sources[0]).toMatchObject({ status: 'failed' });
  }, 60_000);
});
