import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AUDIT_LOG_FILE, AuditLog } from '../../engine/case/audit-log.ts';
import type { EvidencePackageInput, PackageMessage } from '../../shared/contracts/evidence-package.ts';
import { tempFolder } from './temp-case.ts';

/**
 * A small invented case for evidence package tests: two sources, two conversations in Romanian,
 * Russian, Vietnamese, Arabic and Hebrew (with numbers inside right-to-left text), markers,
 * reviews, two attachments on disk and a three-entry custody log made by the real audit log.
 */
export const ATTACHMENT_BYTES = {
  photo: Buffer.from(Array.from({ length: 3000 }, (_, index) => (index * 37 + 11) % 256)),
  document: Buffer.from('Contract de muncă — Ștefan Popescu, salariu 500 EUR\n', 'utf8'),
};


function message(partial: Partial<PackageMessage> & Pick<PackageMessage, 'id' | 'seq' | 'text' | 'sender' | 'timestamp'>, chatId: string, sourceId: string, line: number): PackageMessage {
  return {
    sourceId, chatId, kind: 'message', senderId: null, direction: null, timestampText: partial.timestamp ?? '', lang: 'und', langConfidence: 0,
    attachments: [], deleted: false, edited: false, extra: null, selected: true,
    locator: { kind: 'text-lines', file: 'WhatsApp Chat with Ana Pop.txt', lineStart: line, lineEnd: line, byteStart: line * 100, byteEnd: line * 100 + 80 },
    ...partial,
  };
}

function span(text: string, word: string): [number, number] {
  const start = text.indexOf(word);
  return [start, start + word.length];
}

export interface PackageFixture {
  input: EvidencePackageInput;
  folder: string;
  sha: { photo: string; document: string };
}

export async function buildPackageInput(options: { sign?: boolean } = {}): Promise<PackageFixture> {
  const { createHash } = await import('node:crypto');
  const folder = tempFolder('threadline-package-input-');
  const photoPath = join(folder, 'IMG-20240301-WA0001.jpg');
  const documentPath = join(folder, 'Contract muncă Ștefan.txt');
  writeFileSync(photoPath, ATTACHMENT_BYTES.photo);
  writeFileSync(documentPath, ATTACHMENT_BYTES.document);
  const sha = {
    photo: createHash('sha256').update(ATTACHMENT_BYTES.photo).digest('hex'),
    document: createHash('sha256').update(ATTACHMENT_BYTES.document).digest('hex'),
  };
  const log = new AuditLog(folder);
  log.append('Insp. Maria Ionescu', 'case.created', { name: 'Operațiunea Nord' });
  log.append('Insp. Maria Ionescu', 'source.import.finished', { sourceId: 'src-wa', sha256: 'a'.repeat(64) });
  log.append('Analyst Ion Rusu', 'review.decision', { messageId: 'm-1', decision: 'confirm' });
  const custodyLog = readFileSync(join(folder, AUDIT_LOG_FILE), 'utf8').split('\n').filter((line) => line !== '');

  const wa = 'chat-wa-1';
  const tg = 'chat-tg-1';
  const input: EvidencePackageInput = {
    case: { name: 'Operațiunea Nord', reference: 'DIICOT-2024-117', createdAt: '2024-03-02T08:00:00.000Z', timeZone: 'Europe/Bucharest' },
    exhibitRefs: ['EXH-001', 'EXH-002'],
    examiner: { name: 'Insp. Maria Ionescu', email: 'maria.ionescu@example.org' },
    organisation: 'DIICOT Brașov',
    baggingDate: '2025-03-14T09:30:00.000Z',
    tool: { name: 'Threadline', version: '0.1.0' },
    sources: [
      {
        id: 'src-wa', path: '/evidence/phone-1/WhatsApp Chat with Ana Pop.txt', displayName: 'WhatsApp Chat with Ana Pop.txt', format: 'whatsapp-txt', formatVersion: 'android',
        parser: 'whatsapp-txt', parserVersion: '1.2.0', size: 48213, importedAt: '2024-03-02T08:10:00.000Z', finishedAt: '2024-03-02T08:10:02.000Z',
        messageCount: 412, unparsedCount: 2, timeZone: 'Europe/Bucharest', timeZoneOrigin: 'flag', device: 'Exhibit EXH-001 (phone of the complainant)', details: { dateOrder: 'dmy' },
        sha256AtIntake: 'a'.repeat(64), sha256AtExport: 'a'.repeat(64),
      },
      {
        id: 'src-tg', path: '/evidence/phone-1/result.json', displayName: 'result.json', format: 'telegram-json', formatVersion: null,
        parser: 'telegram-json', parserVersion: '0.9.1', size: 90211, importedAt: '2024-03-02T08:12:00.000Z', finishedAt: null,
        messageCount: 120, unparsedCount: 0, timeZone: 'UTC', timeZoneOrigin: 'default', device: null, details: {},
        sha256AtIntake: 'b'.repeat(64), sha256AtExport: 'c'.repeat(64),
      },
    ],
    selection: { description: 'Confirmed indicators with 1 message of context', criteria: { select: 'confirmed', context: 1 } },
    conversations: [
      {
        id: wa, title: 'Ana Pop', participants: ['Ana Pop', 'Victor', '+40 722 123 456'],
        messages: [
          message({ id: 'm-0', seq: 0, sender: 'Ana Pop', timestamp: '2024-03-01T09:59:00.000Z', text: 'Bună, am văzut anunțul. Mai e valabil?', selected: false }, wa, 'src-wa', 10),
          message({
            id: 'm-1', seq: 1, sender: 'Victor', senderId: '+40 722 123 456', timestamp: '2024-03-01T10:02:00.000Z',
            text: 'Da. Lucrezi în Germania, 500 EUR pe săptămână, pașaportul îl ținem noi. Ștefan te ia de la gară.',
            attachments: [{ kind: 'attached', mediaType: 'image', fileName: 'IMG-20240301-WA0001.jpg', mimeType: 'image/jpeg', sourcePath: 'IMG-20240301-WA0001.jpg', size: ATTACHMENT_BYTES.photo.length, sha256: sha.photo, status: 'ok' }],
          }, wa, 'src-wa', 11),
          message({ id: 'm-2', seq: 2, sender: 'Ana Pop', timestamp: '2024-03-01T10:05:00.000Z', text: 'Привет, я тоже поеду с подругой. Tôi sẽ đến vào thứ Hai.', lang: 'rus' }, wa, 'src-wa', 12),
          message({
            id: 'm-3', seq: 3, sender: 'Victor', timestamp: '2024-03-01T10:07:00.000Z', text: '=HYPERLINK("http://x") trimite contractul "semnat", te rog',
            attachments: [{ kind: 'attached', mediaType: 'document', fileName: 'Contract muncă Ștefan.txt', mimeType: 'text/plain', sourcePath: null, size: null, sha256: sha.document, status: 'ok' },
              { kind: 'omitted', mediaType: 'video', fileName: null, mimeType: null, sourcePath: null, size: null, sha256: null, status: 'omitted' }],
          }, wa, 'src-wa', 13),
        ],
      },
      {
        id: tg, title: 'Καλημέρα group', participants: ['Omar', 'Dana'],
        messages: [
          message({ id: 't-1', seq: 0, sender: 'Omar', timestamp: '2024-02-20T18:00:00.000Z', text: 'مرحبا، السفر يوم 12 مارس والدفع 300 دولار (نقدا).', lang: 'arb', sourceId: 'src-tg', locator: { kind: 'json-pointer', file: 'result.json', pointer: '/chats/list/0/messages/4' } }, tg, 'src-tg', 0),
          message({ id: 't-2', seq: 1, sender: 'Dana', timestamp: null, timestampText: '31/02/2024 25:61', text: 'שלום, אני מגיעה ב-12 במרץ עם 2 חברות.', lang: 'heb', selected: false, sourceId: 'src-tg', locator: { kind: 'json-pointer', file: 'result.json', pointer: '/chats/list/0/messages/5' } }, tg, 'src-tg', 0),
        ],
      },
    ],
    markers: [
      { messageId: 'm-1', markerId: 'document-retention', ruleId: 'passport-held', spans: [span('Da. Lucrezi în Germania, 500 EUR pe săptămână, pașaportul îl ținem noi. Ștefan te ia de la gară.', 'pașaportul')], score: 0.92, packVersion: 'core-2024.03', explanation: 'The employer keeps the worker\'s passport: a recognised indicator of control (ILO indicator "retention of identity documents").' },
      { messageId: 't-1', markerId: 'debt-travel', ruleId: 'travel-paid', spans: [span('مرحبا، السفر يوم 12 مارس والدفع 300 دولار (نقدا).', 'السفر')], score: 0.61, packVersion: 'core-2024.03', explanation: 'Travel is arranged and paid by a third party.' },
    ],
    reviews: [
      { messageId: 'm-1', markerId: 'document-retention', decision: 'confirm', note: 'Victor is the recruiter known from exhibit EXH-002.', by: 'Analyst Ion Rusu', at: '2024-03-05T11:00:00.000Z' },
      { messageId: 't-1', decision: 'note', note: 'Omar appears in three other chats.', by: 'Analyst Ion Rusu', at: '2024-03-05T11:05:00.000Z' },
    ],
    attachments: [
      { messageId: 'm-1', sha256: sha.photo, fileName: 'IMG-20240301-WA0001.jpg', mediaType: 'image', readFile: () => photoPath, ocrText: 'PAȘAPORT ROMÂNIA — POPESCU ȘTEFAN' },
      { messageId: 'm-3', sha256: sha.document, fileName: 'Contract muncă Ștefan.txt', mediaType: 'document', readFile: () => documentPath },
    ],
    custodyLog,
    importIssues: [{ sourceId: 'src-wa', place: 'WhatsApp Chat with Ana Pop.txt:388', reason: 'line does not start with a date; kept raw' }],
  };
  if (options.sign === true) input.signingKey = generateKeyPairSync('ed25519').privateKey;
  return { input, folder, sha };
}
