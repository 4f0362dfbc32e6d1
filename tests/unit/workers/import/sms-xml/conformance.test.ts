import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { smsBackupXmlParser, sniffSmsBackupXml } from '../../../../../workers/import/sms-xml/index.ts';
import { headOf, inputFromFile, listFiles, otherFormatSamples, runParser, SAMPLE_FOLDERS, SAMPLES_ROOT } from '../../../../support/parser-harness.ts';

/**
 * Conformance over the shared SMS Backup & Restore samples (`../shared/samples`, provenance in
 * SOURCES.md; some are malformed on purpose): one record per <sms>/<mms>/<call> element, each locator
 * pointing at the element's '<'. Skipped when the samples are absent.
 */
const HAVE_SAMPLES = existsSync(SAMPLES_ROOT);
const samples = HAVE_SAMPLES ? listFiles(path.join(SAMPLES_ROOT, 'sms-backup-restore-xml'), (name) => name.endsWith('.xml')) : [];

/** What each sample is known to produce beyond plain messages. */
const EXPECTED: Record<string, { unparsed?: number; warnings: RegExp[] }> = {
  'malformed.xml': { unparsed: 1, warnings: [/^bad XML: disallowed character in attribute name/u] },
  'corrupt_attachments.xml': { warnings: [/part 1 \(image\/png\) has data that is not valid base64/u, /part 1 \(application\/x-corrupt\) has data that is not valid base64/u] },
  // The copy in the sample set ends inside the 50th message (count="58").
  'sms_and_mms.xml': { unparsed: 1, warnings: [/^bad XML: unclosed tag: parts; .*declares 58/u] },
};

describe.skipIf(!HAVE_SAMPLES)('conformance: SMS Backup & Restore samples', () => {
  it('finds the samples', () => {
    expect(samples.length).toBeGreaterThanOrEqual(12);
  });

  for (const file of samples) {
    const name = path.relative(SAMPLES_ROOT, file);
    const base = path.basename(file);
    it(`${name}: one record per element, locators on the element, known warnings only`, async () => {
      expect(sniffSmsBackupXml(headOf(file))).toBe(true);
      const text = readFileSync(file, 'utf8');
      const elements = [...text.matchAll(/<(sms|mms|call)[\s>]/gu)].length;
      const result = await runParser(smsBackupXmlParser, inputFromFile(file, { displayName: name, forbidReadAll: true }));
      expect(result.messages).toHaveLength(elements);
      expect(result.messages.filter((message) => message.kind === 'unparsed')).toHaveLength(EXPECTED[base]?.unparsed ?? 0);
      const lines = text.split('\n');
      for (const message of result.messages) {
        expect(message.locator.kind).toBe('xml-path');
        if (message.locator.kind !== 'xml-path') continue;
        const element = /\/(sms|mms|call)\[\d+\]$/u.exec(message.locator.path)?.[1] ?? '';
        const line = lines[(message.locator.line ?? 0) - 1] ?? '';
        expect(line.slice((message.locator.column ?? 1) - 1).startsWith(`<${element}`)).toBe(true);
        if (message.kind !== 'unparsed') expect(result.chats.map((chat) => chat.key)).toContain(message.chatKey);
      }
      const expected = EXPECTED[base]?.warnings ?? [];
      expect(result.warnings).toHaveLength(expected.length);
      expected.forEach((pattern, index) => expect(result.warnings[index]?.message).toMatch(pattern));
    });
  }

  it('sms_and_mms.xml: RCS group, "~" group, MMS from-address and SMIL', async () => {
    const file = path.join(SAMPLES_ROOT, 'sms-backup-restore-xml/sms-backup-reader-2/sms_and_mms.xml');
    const { messages, chats } = await runParser(smsBackupXmlParser, inputFromFile(file));
    expect(chats.map((chat) => chat.key)).toEqual(expect.arrayContaining(['group_8@rcs.google.com', '+15550000009~+15550000012~+15550000013']));
    const rcs = messages.filter((message) => message.chatKey === 'group_8@rcs.google.com');
    expect(rcs.map((message) => [message.direction, message.senderId, message.text])).toEqual([
      ['incoming', '+15550000009', 'Body text 47'],
      ['outgoing', '+15550000007', 'Body text 48'],
      ['incoming', '+15550000010', 'Body text 49'],
    ]);
    const withImage = messages.find((message) => message.text === 'Body text 54');
    expect(withImage?.attachments).toMatchObject([{ kind: 'attached', mediaType: 'image', mimeType: 'image/png', fileName: 'image_8.png', size: 70 }]);
    expect(withImage?.extra?.['smil']).toHaveLength(1);
    expect(messages.find((message) => message.text.startsWith('Body text 10'))?.text).toBe('Body text 10\nBody text 11\nBody text 12');
  });

  it('edge_cases.xml: entities, an empty body and an MMS with no parts', async () => {
    const file = path.join(SAMPLES_ROOT, 'sms-backup-restore-xml/shruggietech/edge_cases.xml');
    const { messages } = await runParser(smsBackupXmlParser, inputFromFile(file));
    expect(messages[1]?.text).toBe('Hello 🌍 — this has «special» chars & symbols < > " \'');
    expect(messages[2]?.text).toBe('');
    expect(messages[3]).toMatchObject({ text: '', attachments: [], sender: 'Eve NoParts' });
  });
});

describe.skipIf(!HAVE_SAMPLES)('the SMS XML sniffer claims no other format', () => {
  it('is false on every other sample (UFDR report.xml, JSON, HTML, CSV, WhatsApp...)', () => {
    const others = otherFormatSamples(SAMPLE_FOLDERS.smsXml);
    expect(others.length).toBeGreaterThan(100);
    expect(others.filter((file) => sniffSmsBackupXml(headOf(file))).map((file) => path.relative(SAMPLES_ROOT, file))).toEqual([]);
  });
});
