import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseSession } from '../../engine/case/case-session.ts';
import { Engine } from '../../engine/engine.ts';
import { detectFiles } from '../../engine/import/detect-files.ts';
import type { ImportSummary } from '../../shared/domain/import.ts';
import { smsRecord, smsXml, whatsappText } from '../support/hostile-corpus/seeds.ts';
import { tempFolder, writeTemp } from '../support/temp-case.ts';
import { buildZip } from '../support/zip-writer.ts';
import { manifestText, smallManifest } from '../unit/workers/import/rsmf/rsmf-builder.ts';

/**
 * Regression (sessions 17 and 18): an RSMF manifest made its whole folder its own, as a UFDR's
 * report.xml does, so a WhatsApp export and an SMS backup an analyst kept beside an extracted
 * production were listed as "attached by none of its events" and not imported. A manifest owns
 * only the files its events attach; the rest are sources as they were before.
 */

const engines: Engine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((engine) => engine.dispose()));
});

const ATTACHED_CHAT = whatsappText(['attached words', 'read through the manifest']);
const OTHER_CHAT = whatsappText(['a chat of its own', 'kept beside the production']);
const SMS_BACKUP = smsXml([smsRecord(1712340000000, 'an sms backup'), smsRecord(1712340060000, 'beside it')]);

function manifest(): string {
  const shape = smallManifest();
  shape.events = [...(shape.events ?? []), { id: 'm3', type: 'message', participant: 'P1', conversation: 'C1', timestamp: '2023-05-01T10:02:00Z', body: 'see the chat', attachments: [{ id: 'chat.txt', display: 'chat.txt' }] }];
  return manifestText(shape);
}

/** The manifest cut inside its events, before the one that attaches chat.txt: which files it attaches cannot be read. */
function damagedManifest(): string {
  const text = manifest();
  return text.slice(0, text.indexOf('"m2"'));
}

function production(folder: string, manifestText: string): void {
  mkdirSync(folder, { recursive: true });
  writeTemp(folder, 'rsmf_manifest.json', manifestText);
  writeTemp(folder, 'chat.txt', ATTACHED_CHAT);
  writeTemp(folder, 'WhatsApp Chat with Dan.txt', OTHER_CHAT);
  writeTemp(folder, 'sms-backup.xml', SMS_BACKUP);
}

async function importInto(paths: string[]): Promise<{ summary: ImportSummary; session: CaseSession; texts: string[] }> {
  const engine = new Engine({ mode: 'cli', actor: 't' });
  engines.push(engine);
  const session = await engine.openCase(join(tempFolder(), 'case'), true);
  // The seeds' WhatsApp dates (12/03/2024) are ambiguous; declared, so no issue is expected but the ones tested.
  const summary = await engine.startImport(paths, { timeZone: 'UTC', dateOrder: 'dmy' }).done;
  const texts: string[] = [];
  for (const conversation of await session.db.client.call('listConversations', {})) {
    const { messages } = await session.db.client.call('messagesRange', { chatId: conversation.id, offset: 0, limit: 1000 });
    texts.push(...messages.map((message) => message.text));
  }
  return { summary, session, texts };
}

/** By code point, as the expectations are written. */
const byName = (a: unknown[], b: unknown[]): number => (String(a[0]) < String(b[0]) ? -1 : 1);
const statuses = (summary: ImportSummary, root: string): [string, string, string][] => summary.sources.map((source) => [source.path.slice(root.length + 1), source.status, source.format]).sort(byName) as [string, string, string][];

describe('an RSMF production beside other exports', () => {
  it('regression: in a folder, imports the WhatsApp export and SMS backup beside the manifest, and the attached chat once, through the manifest', async () => {
    const folder = join(tempFolder(), 'evidence');
    production(folder, manifest());
    const { summary, session, texts } = await importInto([folder]);
    expect(statuses(summary, folder)).toEqual([
      ['WhatsApp Chat with Dan.txt', 'imported', 'whatsapp-txt'],
      ['rsmf_manifest.json', 'imported', 'rsmf'],
      ['sms-backup.xml', 'imported', 'sms-backup-restore-xml'],
    ]);
    expect(summary.sources.find((source) => source.format === 'rsmf')).toMatchObject({ attachments: 1, issues: [] });
    expect(texts).toEqual(expect.arrayContaining(['a chat of its own', 'an sms backup', 'see the chat']));
    // The attached chat is an attachment of the production, never a conversation of its own.
    expect(texts).not.toContain('attached words');
    const detected = await detectFiles(session, [folder]);
    expect(detected.map((file) => [file.path.slice(folder.length + 1), file.format]).sort(byName)).toEqual([
      ['WhatsApp Chat with Dan.txt', 'whatsapp-txt'],
      ['rsmf_manifest.json', 'rsmf'],
      ['sms-backup.xml', 'sms-backup-restore-xml'],
    ]);
  });

  it('regression: in a zip, imports the WhatsApp export and SMS backup beside the manifest, and the attached chat once, through the manifest', async () => {
    const root = tempFolder();
    const zip = writeTemp(root, 'evidence.zip', buildZip([
      { name: 'production/rsmf_manifest.json', data: manifest(), deflate: true },
      { name: 'production/chat.txt', data: ATTACHED_CHAT },
      { name: 'production/WhatsApp Chat with Dan.txt', data: OTHER_CHAT },
      { name: 'production/sms-backup.xml', data: SMS_BACKUP },
    ]));
    const { summary, session, texts } = await importInto([zip]);
    expect(summary.sources).toEqual([expect.objectContaining({ path: zip, status: 'imported', format: 'zip', attachments: 1, issues: [] })]);
    expect(texts).toEqual(expect.arrayContaining(['a chat of its own', 'an sms backup', 'see the chat']));
    expect(texts).not.toContain('attached words');
    const [source] = (await session.db.client.call('caseSummary', {})).sources;
    const entries = (source?.details['entries'] ?? []) as { name: string; format: string }[];
    expect(entries.map((entry) => [entry.name, entry.format])).toEqual([
      ['production/rsmf_manifest.json', 'rsmf'],
      ['production/WhatsApp Chat with Dan.txt', 'whatsapp-txt'],
      ['production/sms-backup.xml', 'sms-backup-restore-xml'],
    ]);
  });

  it('imports the files beside a manifest whose attachments cannot be read (cut short), in a folder', async () => {
    const folder = join(tempFolder(), 'evidence');
    production(folder, damagedManifest());
    const { summary } = await importInto([folder]);
    expect(statuses(summary, folder).filter(([name]) => name !== 'rsmf_manifest.json')).toEqual([
      ['WhatsApp Chat with Dan.txt', 'imported', 'whatsapp-txt'],
      // Not known to be attached: imported as it would be with no manifest beside it.
      ['chat.txt', 'imported', 'whatsapp-txt'],
      ['sms-backup.xml', 'imported', 'sms-backup-restore-xml'],
    ]);
  });

  it('imports the entries beside a manifest whose attachments cannot be read (cut short), in a zip', async () => {
    const zip = writeTemp(tempFolder(), 'evidence.zip', buildZip([
      { name: 'production/rsmf_manifest.json', data: damagedManifest() },
      { name: 'production/WhatsApp Chat with Dan.txt', data: OTHER_CHAT },
      { name: 'production/sms-backup.xml', data: SMS_BACKUP },
    ]));
    const zipped = await importInto([zip]);
    expect(zipped.texts).toEqual(expect.arrayContaining(['a chat of its own', 'an sms backup']));
  });
});
