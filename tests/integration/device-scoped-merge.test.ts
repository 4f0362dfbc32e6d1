import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../engine/dispatch.ts';
import { Engine } from '../../engine/engine.ts';
import type { ConversationSummary } from '../../shared/domain/message.ts';
import type { SearchResult } from '../../shared/domain/search.ts';
import type { SourceRecord } from '../../shared/domain/source.ts';
import { CLI, REPO_ROOT, tempFolder } from '../support/temp-case.ts';

/**
 * Conversations merge across sources only within one device (ADR 0014): two phones' SMS backups
 * that both wrote to one number are two conversations, each with its own "outgoing"; backups the
 * analyst declares as one phone are one; the parts of one Messenger export in one folder are one
 * without any declaration. Through the engine and the command line, on real workers.
 */
const SMS_BACKUP = join(REPO_ROOT, 'fixtures', 'sms-xml', 'backup.xml');
const META_THREAD = join(REPO_ROOT, 'fixtures', 'meta', 'inbox', 'irina_8842');
const REFUSED_XML = join(REPO_ROOT, 'fixtures', 'sms-xml', 'external-entity.xml');
const CONTACT_NAME = 'Dorin';

let engine: Engine | null = null;
afterEach(async () => {
  await engine?.dispose();
  engine = null;
});

/** Two different backups (other bytes) of conversations with the same contact, each in its phone's folder. */
function twoPhoneBackups(folder: string): { first: string; second: string } {
  const original = readFileSync(SMS_BACKUP, 'utf8');
  const first = join(folder, 'phone-a', 'sms.xml');
  const second = join(folder, 'phone-b', 'sms.xml');
  mkdirSync(join(folder, 'phone-a'));
  mkdirSync(join(folder, 'phone-b'));
  copyFileSync(SMS_BACKUP, first);
  writeFileSync(second, original.replace('Da, la gară', 'Nu, sunt acasă'));
  return { first, second };
}

async function importEach(casePath: string, imports: { path: string; device?: string }[]): Promise<{ conversations: ConversationSummary[]; sources: SourceRecord[] }> {
  engine = new Engine({ mode: 'cli', actor: 'test-examiner' });
  const session = await engine.openCase(casePath, true);
  for (const { path, device } of imports) {
    const summary = await engine.startImport([path], device === undefined ? {} : { device }).done;
    expect(summary.sources.every((source) => source.status === 'imported')).toBe(true);
  }
  const conversations = await session.db.client.call('listConversations', {});
  const { sources } = await session.db.client.call('caseSummary', {});
  return { conversations, sources };
}

/** The private SMS conversation with the contact (the fixture also holds a group MMS with them). */
function withContact(conversations: ConversationSummary[]): ConversationSummary[] {
  return conversations.filter((conversation) => conversation.kind === 'private' && conversation.title === CONTACT_NAME);
}

describe('conversations merge only within one device', () => {
  it('keeps two undeclared phones apart even when both wrote to the same number', async () => {
    const folder = tempFolder();
    const { first, second } = twoPhoneBackups(folder);
    const { conversations } = await importEach(join(folder, 'case'), [{ path: first }, { path: second }]);
    const dorin = withContact(conversations);
    expect(dorin).toHaveLength(2);
    expect(dorin.map((conversation) => conversation.sourceIds.length)).toEqual([1, 1]);
  });

  it('merges the backups declared as one device, however its name was typed, and records the name', async () => {
    const folder = tempFolder();
    const { first, second } = twoPhoneBackups(folder);
    const { conversations, sources } = await importEach(join(folder, 'case'), [{ path: first, device: 'Exhibit JS/1' }, { path: second, device: '  exhibit   js/1 ' }]);
    const dorin = withContact(conversations);
    expect(dorin).toHaveLength(1);
    expect(dorin[0]?.sourceIds).toHaveLength(2);
    // One device, however it was typed: listed once.
    expect(dorin[0]?.devices).toEqual(['Exhibit JS/1']);
    expect(sources.map((source) => source.device).sort()).toEqual(['Exhibit JS/1', 'exhibit js/1']);
    // The import dialog's rows carry it too, so "Import again" on a row keeps the device.
    const tasks = engine?.tasks.list() ?? [];
    expect(tasks.map((task) => task.title)).toEqual([`Import ${first} as device “Exhibit JS/1”`, `Import ${second} as device “exhibit js/1”`]);
    const rows = tasks.flatMap((task) => task.sources ?? []);
    expect(rows.map((row) => row.device).sort()).toEqual(['Exhibit JS/1', 'exhibit js/1']);
  });

  it('keeps apart backups declared as two devices, and searches one device with device:', async () => {
    const folder = tempFolder();
    const { first, second } = twoPhoneBackups(folder);
    const { conversations } = await importEach(join(folder, 'case'), [{ path: first, device: 'Phone 1' }, { path: second, device: 'Phone 2' }]);
    expect(withContact(conversations).map((conversation) => conversation.devices).sort()).toEqual([['Phone 1'], ['Phone 2']]);
    const search = async (query: string): Promise<SearchResult> => {
      const envelope = await dispatch((engine as Engine).handlers(), 'search.run', { query, limit: 50, offset: 0 });
      if (!envelope.ok) throw new Error(envelope.error.message);
      return envelope.value as SearchResult;
    };
    const secondSource = (await engine?.current().db.client.call('caseSummary', {}))?.sources.find((source) => source.device === 'Phone 2')?.id;
    // "acasă" is only in the second phone's backup.
    expect((await search('acasă')).total).toBe(1);
    expect((await search('acasă device:"phone 2"')).hits.map((hit) => hit.sourceId)).toEqual([secondSource]);
    expect((await search('acasă device:"phone 1"')).total).toBe(0);
    expect((await search('device:"Phone 1" source:sms')).total).toBeGreaterThan(0);
    expect((await search('device:"no such phone"')).total).toBe(0);
  });

  it('merges the parts of one Messenger thread in one folder with no device declared', async () => {
    const folder = tempFolder();
    const { conversations } = await importEach(join(folder, 'case'), [{ path: META_THREAD }]);
    expect(conversations).toHaveLength(1);
    expect(conversations[0]?.sourceIds).toHaveLength(2);
  });

  it('refuses a device name with control characters before reading anything', async () => {
    const folder = tempFolder();
    engine = new Engine({ mode: 'cli', actor: 'test-examiner' });
    await engine.openCase(join(folder, 'case'), true);
    await expect(engine.startImport([SMS_BACKUP], { device: 'Phone\u0007 1' }).done).rejects.toMatchObject({ code: 'E_USAGE' });
  });

  it('retries a failed source as the device it was declared with', async () => {
    const folder = tempFolder();
    const refused = join(folder, 'refused.xml');
    copyFileSync(REFUSED_XML, refused);
    engine = new Engine({ mode: 'cli', actor: 'test-examiner' });
    await engine.openCase(join(folder, 'case'), true);
    const summary = await engine.startImport([refused], { device: 'Phone 9' }).done;
    expect(summary.sources[0]?.status).toBe('failed');
    expect(await engine.sourcesToRetry()).toEqual({ paths: [refused], deviceByPath: { [refused]: 'Phone 9' }, timeZoneByPath: {}, dateOrderByPath: {}, csvMappingByPath: {} });
  });

  it('takes --device on the command line', async () => {
    const folder = tempFolder();
    const { first, second } = twoPhoneBackups(folder);
    const casePath = join(folder, 'case');
    for (const path of [first, second]) {
      const result = spawnSync(process.execPath, [CLI, 'import', casePath, path, '--device', 'Phone of A.B.', '--no-ocr', '--json'], { encoding: 'utf8', timeout: 120_000 });
      expect(result.status, result.stderr).toBe(0);
    }
    engine = new Engine({ mode: 'cli', actor: 'test-examiner' });
    const session = await engine.openCase(casePath, false);
    const { sources } = await session.db.client.call('caseSummary', {});
    expect(sources.map((source) => source.device)).toEqual(['Phone of A.B.', 'Phone of A.B.']);
    expect(withContact(await session.db.client.call('listConversations', {}))).toHaveLength(1);
  });
});
