import { describe, expect, it } from 'vitest';
import { chatId } from '../../../../../workers/import/chat-identity.ts';
import { metaMessagesParser } from '../../../../../workers/import/meta/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Messenger's end-to-end-encrypted download ("Download your end-to-end encrypted chats") as a
 * public importer of it describes it (timelinize fork, facebook/e2ee.go): one `<Name>_<n>.json` per
 * thread, all at the root of the download, no thread_path, `threadName` "<Name>_<n>", media under
 * `./media/<uuid>.<ext>` or the words "Failed to download media" where the file could not be had.
 */
function e2eeThread(threadName: string, participants: string[], messages: object[]): string {
  return JSON.stringify({ participants, threadName, messages });
}

const FOLDER = 'messenger-e2ee-download';

async function importThread(fileName: string, json: string): Promise<Awaited<ReturnType<typeof runParser>> & { identity: string }> {
  const displayName = `${FOLDER}/${fileName}`;
  const result = await runParser(metaMessagesParser, inputFromText(json, { displayName }));
  const chat = result.chats[0];
  if (chat === undefined) throw new Error(`${fileName}: no chat announced`);
  const identity = chatId({ format: 'meta-messages-json', sha256: fileName, path: `/case/${displayName}`, device: null }, chat);
  return { ...result, identity };
}

describe('Messenger end-to-end-encrypted download', () => {
  it('regression: two threads of one download (files side by side, no thread_path) stay two conversations', async () => {
    const ana = await importThread('Ana_40.json', e2eeThread('Ana_40', ['Ion', 'Ana'], [{ senderName: 'Ana', timestamp: 1746073791906, text: 'to Ion', type: 'text', isUnsent: false }]));
    const radu = await importThread('Radu_41.json', e2eeThread('Radu_41', ['Ion', 'Radu'], [{ senderName: 'Radu', timestamp: 1746073792906, text: 'to Ion too', type: 'text', isUnsent: false }]));
    expect(ana.identity).not.toBe(radu.identity);
    expect(ana.messages[0]?.chatKey).not.toBe(radu.messages[0]?.chatKey);
  });

  it('titles a thread after the person its threadName names, and takes the other participant as the holder', async () => {
    const json = e2eeThread('Ana_40', ['Ion', 'Ana'], [
      { senderName: 'Ion', timestamp: 1746073792906, text: 'mine', type: 'text', isUnsent: false },
      { senderName: 'Ana', timestamp: 1746073791906, text: 'hers', type: 'text', isUnsent: false },
    ]);
    const { chats, messages, outcome } = await importThread('Ana_40.json', json);
    expect(chats[0]?.title).toBe('Ana');
    expect(messages.map((message) => [message.text, message.direction])).toEqual([
      ['hers', 'incoming'],
      ['mine', 'outgoing'],
    ]);
    expect(outcome.details['accountHolder']).toMatchObject({ name: 'Ion' });
    // The thread's name as written stays in the details.
    expect(outcome.details['thread']).toEqual({ threadName: 'Ana_40' });
  });

  it('keeps a threadName that names no participant as the title, and takes no holder from it', async () => {
    const json = e2eeThread('Someone_7', ['Ion', 'Ana'], [{ senderName: 'Ion', timestamp: 1746073792906, text: 'x', type: 'text', isUnsent: false }]);
    const { chats, messages } = await importThread('Someone_7.json', json);
    expect(chats[0]?.title).toBe('Someone_7');
    expect(messages[0]?.direction).toBeNull();
  });

  it('links ./media/ files and reads "Failed to download media" as a file the download does not hold', async () => {
    const json = e2eeThread('Ana_40', ['Ion', 'Ana'], [
      { senderName: 'Ana', timestamp: 1746073791906, text: '', type: 'media', isUnsent: false, media: [{ uri: './media/0a8d5149.jpeg' }, { uri: 'Failed to download media' }] },
    ]);
    const { messages } = await importThread('Ana_40.json', json);
    expect(messages[0]?.attachments).toEqual([
      { kind: 'attached', mediaType: 'unknown', fileName: '0a8d5149.jpeg', path: 'media/0a8d5149.jpeg' },
      { kind: 'omitted', mediaType: 'unknown' },
    ]);
    // What the file says stays as written.
    expect(messages[0]?.extra?.['media']).toEqual([{ uri: './media/0a8d5149.jpeg' }, { uri: 'Failed to download media' }]);
  });
});
