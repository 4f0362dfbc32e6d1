import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSession } from '../../engine/case/case-session.ts';
import { Engine } from '../../engine/engine.ts';
import type { ImportSummary } from '../../shared/domain/import.ts';
import { SAMPLES, tempFolder } from '../support/temp-case.ts';

/**
 * Conformance through the whole engine for the JSON, HTML and XML exports in ../shared/samples:
 * each is recognised by content and imported, or refused with a reason naming the file.
 */
const FOLDERS = ['telegram-json', 'telegram-html', 'messenger-json', 'instagram-json', 'sms-backup-restore-xml'].map((folder) => join(SAMPLES, folder));
const NOT_MESSAGES = ['empty.xml'];

describe.skipIf(!FOLDERS.every((folder) => existsSync(folder)))('exports in JSON, HTML and XML', () => {
  let engine: Engine;
  let session: CaseSession;
  let summary: ImportSummary;

  beforeAll(async () => {
    engine = new Engine({ mode: 'cli', actor: 'formats' });
    session = await engine.openCase(join(tempFolder(), 'case'), true);
    summary = await engine.startImport(FOLDERS, { timeZone: 'UTC' }).done;
  }, 180_000);

  afterAll(async () => {
    await engine.dispose();
  });

  it('imports every sample that holds messages, each by its own importer', () => {
    for (const source of summary.sources) {
      const name = source.path.split('/').pop() ?? '';
      if (NOT_MESSAGES.includes(name)) {
        expect(source.status, name).toBe('failed');
        expect(source.error?.message, name).toContain(name);
        continue;
      }
      expect(['imported', 'already-imported'], `${name}: ${source.error?.message ?? ''}`).toContain(source.status);
    }
    const formats = new Set(summary.sources.filter((source) => source.status === 'imported').map((source) => source.format));
    expect([...formats].sort()).toEqual(['meta-messages-json', 'sms-backup-restore-xml', 'telegram-html', 'telegram-json']);
  });

  it('keeps a broken XML element raw instead of dropping it', () => {
    const malformed = summary.sources.find((source) => source.path.endsWith('malformed.xml'));
    expect(malformed).toMatchObject({ status: 'imported', unparsed: 1 });
  });

  it('gives every message a locator into its file', async () => {
    const conversations = await session.db.client.call('listConversations', {});
    expect(conversations.length).toBeGreaterThan(10);
    for (const conversation of conversations.slice(0, 20)) {
      const { messages } = await session.db.client.call('messagesRange', { chatId: conversation.id, offset: 0, limit: 5 });
      for (const message of messages) expect(['json-pointer', 'xml-path', 'html-element']).toContain(message.locator.kind);
    }
  });
});

describe.skipIf(!existsSync(join(SAMPLES, 'misc', 'dfrws2021', 'mattermost_messages.csv')))('CSV with a column mapping', () => {
  it('imports the Mattermost CSV only when told which columns hold what, keeping bad rows raw', async () => {
    const engine = new Engine({ mode: 'cli', actor: 'csv' });
    try {
      await engine.openCase(join(tempFolder(), 'case'), true);
      const file = join(SAMPLES, 'misc', 'dfrws2021', 'mattermost_messages.csv');
      const without = await engine.startImport([file], {}).done;
      expect(without.sources[0]?.status).toBe('failed');
      const mapped = await engine.startImport([file], { csvMapping: { timestamp: 'timestamp', sender: 'user', text: 'message', chat: 'channel', timestampFormat: 'unix-ms' } }).done;
      expect(mapped.sources[0]).toMatchObject({ status: 'imported', format: 'csv', messages: 114, unparsed: 12 });
    } finally {
      await engine.dispose();
    }
  });
});
