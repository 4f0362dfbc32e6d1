import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Engine } from '../../engine/engine.ts';
import { tempFolder, writeWithFolders } from '../support/temp-case.ts';

/**
 * Messenger's end-to-end-encrypted download keeps each thread in a file of its own, every one at
 * the root of the download (`<Name>_<n>.json`, no thread_path). Imported as a folder, its threads
 * must stay apart: they were merged into one conversation by the folder they share.
 */
const engines: Engine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.dispose()));
});

function e2eeThread(other: string, number: number, text: string, ms: number): string {
  return JSON.stringify({ participants: ['Ion Rusu', other], threadName: `${other}_${number}`, messages: [{ senderName: other, timestamp: ms, text, type: 'text', isUnsent: false, media: [], reactions: [] }] });
}

describe('Messenger E2EE download imported as a folder', () => {
  it('keeps each thread file a conversation of its own, titled after the other person', async () => {
    const root = tempFolder();
    writeWithFolders(join(root, 'Ana_40.json'), e2eeThread('Ana', 40, 'from Ana', 1_746_073_791_906));
    writeWithFolders(join(root, 'Radu_41.json'), e2eeThread('Radu', 41, 'from Radu', 1_746_073_792_906));
    const engine = new Engine({ mode: 'cli', actor: 'meta-e2ee' });
    engines.push(engine);
    const session = await engine.openCase(join(tempFolder(), 'case'), true);
    const summary = await engine.startImport([root], { timeZone: 'UTC' }).done;
    expect(summary.sources.map((source) => [source.status, source.format])).toEqual([
      ['imported', 'meta-messages-json'],
      ['imported', 'meta-messages-json'],
    ]);
    const conversations = await session.db.client.call('listConversations', {});
    expect(conversations.map((conversation) => conversation.title).sort()).toEqual(['Ana', 'Radu']);
  }, 60_000);
});
