import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSession } from '../../engine/case/case-session.ts';
import { Engine } from '../../engine/engine.ts';
import type { ImportSummary } from '../../shared/domain/import.ts';
import type { Message } from '../../shared/domain/message.ts';
import { SAMPLES, tempFolder } from '../support/temp-case.ts';

/**
 * Conformance: every WhatsApp .txt sample in ../shared/samples goes through the real engine
 * (hash, sniff, parse worker, db worker, index worker) and every line of every file ends up in
 * exactly one stored record.
 */
const WHATSAPP_SAMPLES = join(SAMPLES, 'whatsapp-txt');

function listTextFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) return listTextFiles(path);
    return path.endsWith('.txt') ? [path] : [];
  });
}

const files = existsSync(WHATSAPP_SAMPLES) ? listTextFiles(WHATSAPP_SAMPLES).sort() : [];

describe.skipIf(files.length === 0)('every WhatsApp sample imports with no lost lines', () => {
  let engine: Engine;
  let session: CaseSession;
  let summary: ImportSummary;

  beforeAll(async () => {
    engine = new Engine({ mode: 'cli', actor: 'conformance' });
    session = await engine.openCase(join(tempFolder(), 'case'), true);
    summary = await engine.startImport(files, {}).done;
  }, 300_000);

  afterAll(async () => {
    await engine.dispose();
  });

  it('found the samples', () => {
    expect(files.length).toBeGreaterThanOrEqual(60); // 68 .txt exports in the shared samples today
  });

  it.each(files.map((file) => [relative(WHATSAPP_SAMPLES, file), file]))('%s', async (_name, file) => {
    const result = summary.sources.find((source) => source.path === file);
    expect(result, 'listed in the summary').toBeDefined();
    if (result?.status === 'already-imported') return; // byte-identical duplicate of another sample
    expect(result?.status, JSON.stringify(result?.error)).toBe('imported');
    const info = await session.info();
    const source = info.sources.find((candidate) => candidate.id === result?.sourceId);
    expect(source?.hashVerified).toBe(true);
    const lineCount = Number(source?.details['lineCount']);
    const conversations = await session.db.client.call('listConversations', {});
    const chat = conversations.find((conversation) => conversation.sourceIds.includes(source?.id ?? ''));
    if (chat === undefined) throw new Error('no conversation for source');
    const messages: Message[] = [];
    for (let offset = 0; offset < chat.messageCount; offset += 2000) {
      messages.push(...(await session.db.client.call('messagesRange', { chatId: chat.id, offset, limit: 2000 })).messages);
    }
    let nextLine = 1;
    for (const message of messages) {
      if (message.locator.kind !== 'text-lines') throw new Error('expected text locators');
      expect(message.locator.lineStart, `gap or overlap before ${message.locator.file}:${message.locator.lineStart}`).toBe(nextLine);
      nextLine = message.locator.lineEnd + 1;
    }
    expect(nextLine - 1).toBe(lineCount);
    expect(messages.filter((message) => message.kind === 'unparsed').length).toBe(result?.unparsed);
  });
});
