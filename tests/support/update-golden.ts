import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CaseSession } from '../../engine/case/case-session.ts';
import { Engine } from '../../engine/engine.ts';
import { collectFiles } from '../../engine/import/collect-files.ts';
import type { ImportOptions, ImportSourceSummary, ImportSummary } from '../../shared/domain/import.ts';
import type { Message } from '../../shared/domain/message.ts';
import { REPO_ROOT, SAMPLES, tempFolder } from './temp-case.ts';

/**
 * Golden results per shared sample: what the real engine makes of each file (counts by kind,
 * conversations with participants, first and last UTC time, a few texts). The conformance test
 * (tests/integration/samples-golden.test.ts) compares a fresh import with these files; this
 * module builds both sides. Regenerate with
 *
 *   npx tsx tests/support/update-golden.ts [family...]
 *
 * and then read every changed golden against its raw sample before committing it: a golden
 * pins what the importer does, so it is only as right as the person who checked it.
 */

export const GOLDEN_ROOT = join(REPO_ROOT, 'tests', 'golden');

/** Every family is imported with a zone that has DST, so wall-clock times visibly move to UTC. */
export const GOLDEN_TIME_ZONE = 'Europe/Bucharest';

export interface GoldenFamily {
  /** The sample folder (under ../shared/samples) and the golden folder (under tests/golden). */
  name: string;
  options?: Omit<ImportOptions, 'timeZone'>;
}

export const FAMILIES: readonly GoldenFamily[] = [
  { name: 'whatsapp-txt' },
  { name: 'telegram-json' },
  { name: 'telegram-html' },
  { name: 'messenger-json' },
  { name: 'instagram-json' },
  { name: 'sms-backup-restore-xml' },
  { name: 'android-mmssms-db' },
  { name: 'ios-sms-db' },
  { name: 'whatsapp-db' },
  {
    name: 'misc',
    // DFRWS 2021 Mattermost export: Unix milliseconds, one row per post, the channel as the chat.
    options: { csvMapping: { timestamp: 'timestamp', sender: 'user', text: 'message', chat: 'channel', timestampFormat: 'unix-ms' } },
  },
];

/**
 * What the reviewer of a golden found worth saying next to it: where the importer's answer is
 * an assumption the file cannot settle, or where the case (not the file) decides a value.
 */
const REVIEW_NOTES: Readonly<Record<string, string>> = {
  'whatsapp-txt/whats_json/chats_unique/WhatsApp Chat - Group Chat XXX.txt':
    'Every date (1/11/23) is ambiguous; the importer assumes day first and says so. The Android export of the same group (android/WhatsApp Chat with Group Chat XXX Android.txt, 11/01/2023) shows the real date is 11 January 2023, so this iOS export is month-first: import it with --date-order mdy.',
  'whatsapp-txt/Chatistics/_chat.txt':
    'Line 19 "[1.2.2019, 00:00:00] John Doe: this line is not a message on its own" is a complete header, so it is read as a message; the fixture author meant it as a continuation. The importer reports it as out of order.',
  'whatsapp-txt/Chatistics/_chat 2.txt':
    'Line 2 "[1.9.19, 00:00:00] Peter Doe: this is the second line of the first message" is a complete header, so it is read as a message; the fixture author meant it as a continuation. The importer reports it as out of order.',
  'telegram-json/chat-analytics/DM_2A_7M.calls-aa572c5.json':
    'Three records have only "date" (no date_unixtime) and are read in the case zone (Europe/Bucharest); the unaltered version of this export (DM_2A_7M.orig-6adeac2.json) shows the device was at UTC-3.',
  'sms-backup-restore-xml/sms-backup-reader-2/sms_small.xml':
    'Chats merge across sources by phone number, and the fixtures of this family give the same test numbers different contact names (sample_mms.xml names +15550000003 "Contact C"), so titles come from the file imported first; participants are this file\'s own contact_name values.',
  'sms-backup-restore-xml/sms-backup-reader-2/sms_and_mms.xml':
    'The file is cut off inside its last <mms>: that element is kept raw as the one unparsed record. Chat titles merge by number across the family (see sms_small.xml).',
  'android-mmssms-db/dfrws2021/mmssms.db': 'Bodies of the +41786909109 thread are ciphertext from a messaging app, in this file and in dec_mmssms.db alike; they are kept as written.',
};

export interface GoldenText {
  /** Index of the record among its source's records, in source order. */
  position: number;
  kind: Message['kind'];
  sender: string | null;
  timestampText: string;
  timestamp: string | null;
  text: string;
}

export interface GoldenConversation {
  title: string;
  kind: string;
  /** Records of this sample in the conversation. */
  records: number;
  /** Distinct senders of real messages (not system lines), sorted. */
  participants: string[];
}

export interface GoldenSample {
  sample: string;
  status: ImportSourceSummary['status'];
  format: string;
  /** What a reviewer found when checking this golden against the raw file, where it needs saying. */
  note?: string;
  /** The error code of a file that was not imported. */
  code?: string;
  /** Why a file was not imported (failed or skipped), with sample paths made relative. */
  reason?: string;
  /** For a byte-identical copy of another sample. */
  duplicateOf?: string;
  timeZone?: string;
  counts?: { message: number; system: number; unparsed: number };
  attachments?: { attached: number; omitted: number; missing: number };
  deleted?: number;
  edited?: number;
  /** Earliest and latest UTC time among the sample's records; records with no time are counted apart. */
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  undated?: number;
  conversations?: GoldenConversation[];
  texts?: GoldenText[];
  issues?: string[];
}

export interface FamilyImport {
  family: GoldenFamily;
  engine: Engine;
  session: CaseSession;
  summary: ImportSummary;
  /** Every sample file of the family, relative to SAMPLES, sorted. */
  samples: string[];
  /** Path actually imported -> sample path (relative to SAMPLES). */
  sampleOf: Map<string, string>;
  /** Temporary folders (the case) removed by disposeFamily. */
  folders: string[];
}

/** The family's files relative to SAMPLES, sorted, as a folder import would list them. */
export async function familySamples(family: GoldenFamily): Promise<string[]> {
  return (await collectFiles([join(SAMPLES, family.name)])).files.map((file) => toSamplePath(file.path)).sort();
}

function toSamplePath(path: string): string {
  return relative(SAMPLES, path).split(sep).join('/');
}

/** Imports every file of a family into one new case (one engine, one import task). */
export async function importFamily(family: GoldenFamily): Promise<FamilyImport> {
  const samples = await familySamples(family);
  const sampleOf = new Map<string, string>();
  const paths: string[] = [];
  for (const sample of samples) {
    const path = join(SAMPLES, sample);
    sampleOf.set(path, sample);
    paths.push(path);
  }
  const engine = new Engine({ mode: 'cli', actor: 'golden' });
  const caseFolder = tempFolder();
  const session = await engine.openCase(join(caseFolder, 'case'), true);
  const summary = await engine.startImport(paths, { ...family.options, timeZone: GOLDEN_TIME_ZONE }).done;
  return { family, engine, session, summary, samples, sampleOf, folders: [caseFolder] };
}

/** Closes the family's engine and removes its temporary case and copies. */
export async function disposeFamily(run: FamilyImport): Promise<void> {
  await run.engine.dispose();
  for (const folder of run.folders) rmSync(folder, { recursive: true, force: true });
}

/** What the case holds for each sample of the family, in the shape of the golden files. */
export async function snapshotFamily(run: FamilyImport): Promise<Map<string, GoldenSample>> {
  const rowids = await run.session.db.client.call('allMessageRowids', {});
  const messages = await run.session.db.client.call('messagesByRowids', { rowids });
  const conversations = new Map((await run.session.db.client.call('listConversations', {})).map((conversation) => [conversation.id, conversation]));
  const bySource = new Map<string, (Message & { rowid: number; chatTitle: string })[]>();
  for (const message of messages) {
    const list = bySource.get(message.sourceId) ?? [];
    list.push(message);
    bySource.set(message.sourceId, list);
  }
  // Row ids are given in insertion order, which is source order within a source.
  for (const list of bySource.values()) list.sort((a, b) => a.rowid - b.rowid);
  const sampleBySha = new Map<string, string>();
  const snapshots = new Map<string, GoldenSample>();
  for (const source of run.summary.sources) {
    const sample = run.sampleOf.get(source.path) ?? source.path;
    const base: GoldenSample = { sample, status: source.status, format: source.format };
    const note = REVIEW_NOTES[sample];
    if (note !== undefined) base.note = note;
    if (source.status === 'imported') {
      if (source.sha256 !== null) sampleBySha.set(source.sha256, sample);
      const records = describeRecords(bySource.get(source.sourceId ?? '') ?? [], (chatId) => conversations.get(chatId)?.kind ?? 'unknown');
      const issues = source.issues.map((issue) => stableText(`${issue.place}: ${issue.reason}`, run));
      snapshots.set(sample, { ...base, timeZone: GOLDEN_TIME_ZONE, ...records, issues });
    } else if (source.status === 'already-imported') {
      snapshots.set(sample, { ...base, duplicateOf: sampleBySha.get(source.sha256 ?? '') ?? 'unknown' });
    } else {
      if (source.error !== null) base.code = source.error.code;
      snapshots.set(sample, { ...base, reason: stableText(source.error?.message ?? source.issues.map((issue) => issue.reason).join('; '), run) });
    }
  }
  return snapshots;
}

type StoredMessage = Message & { chatTitle: string };

function describeRecords(records: StoredMessage[], kindOf: (chatId: string) => string): Omit<GoldenSample, 'sample' | 'status' | 'format'> {
  const counts = { message: 0, system: 0, unparsed: 0 };
  const attachments = { attached: 0, omitted: 0, missing: 0 };
  const chats = new Map<string, { title: string; records: number; senders: Set<string> }>();
  const times: string[] = [];
  for (const record of records) {
    counts[record.kind] += 1;
    for (const attachment of record.attachments) {
      if (attachment.kind === 'omitted') attachments.omitted += 1;
      else attachments.attached += 1;
      if (attachment.status === 'missing') attachments.missing += 1;
    }
    if (record.timestamp !== null) times.push(record.timestamp);
    const chat = chats.get(record.chatId) ?? { title: record.chatTitle, records: 0, senders: new Set<string>() };
    chat.records += 1;
    if (record.kind === 'message' && record.sender !== null) chat.senders.add(record.sender);
    chats.set(record.chatId, chat);
  }
  times.sort();
  return {
    counts,
    attachments,
    deleted: records.filter((record) => record.deleted).length,
    edited: records.filter((record) => record.edited).length,
    firstTimestamp: times[0] ?? null,
    lastTimestamp: times.at(-1) ?? null,
    undated: records.length - times.length,
    conversations: [...chats].map(([chatId, chat]) => ({ title: chat.title, kind: kindOf(chatId), records: chat.records, participants: [...chat.senders].sort() })),
    texts: pickPositions(records.length).map((position) => {
      const record = records[position] as StoredMessage;
      return { position, kind: record.kind, sender: record.sender, timestampText: record.timestampText, timestamp: record.timestamp, text: record.text };
    }),
  };
}

/** Start, quarter, middle, three quarters and end: five records at most, all when there are fewer. */
export function pickPositions(count: number): number[] {
  if (count === 0) return [];
  const wanted = [0, Math.floor(count / 4), Math.floor(count / 2), Math.floor((3 * count) / 4), count - 1];
  return [...new Set(wanted)];
}

/**
 * Paths inside messages differ per machine (samples folder, temp copies), message ids follow the
 * id scheme and the list of supported formats grows with each importer: none of them is decided
 * by the sample, so they are written as "…" and a golden pins only what the sample decides.
 */
function stableText(text: string, run: FamilyImport): string {
  let cleaned = text;
  for (const [path, sample] of run.sampleOf) cleaned = cleaned.split(path).join(`<samples>/${sample}`);
  return cleaned
    .split(SAMPLES)
    .join('<samples>')
    .replace(/\bm-[0-9a-f][0-9a-f-]{7,}\b/gu, 'm-…')
    .replace(/\(supported: [^)]*\)/gu, '(supported: …)');
}

export function goldenPath(sample: string): string {
  return join(GOLDEN_ROOT, `${sample}.json`);
}

export function readGolden(sample: string): GoldenSample {
  return JSON.parse(readFileSync(goldenPath(sample), 'utf8')) as GoldenSample;
}

/**
 * Pretty JSON with invisible format characters (LRM, RLM, BOM, bidi embeddings, zero-width
 * joiners) written as \u escapes, so a reviewer can see them; JSON.parse reads them back as is.
 */
export function formatGolden(golden: GoldenSample): string {
  return `${JSON.stringify(golden, null, 2).replace(/\p{Cf}/gu, (char) => `\\u${(char.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`)}\n`;
}

async function main(names: string[]): Promise<void> {
  const chosen = names.length === 0 ? FAMILIES : FAMILIES.filter((family) => names.includes(family.name));
  const unknown = names.filter((name) => !FAMILIES.some((family) => family.name === name));
  if (unknown.length > 0) throw new Error(`unknown family ${unknown.join(', ')}; known: ${FAMILIES.map((family) => family.name).join(', ')}`);
  for (const family of chosen) {
    const run = await importFamily(family);
    try {
      const snapshots = await snapshotFamily(run);
      for (const sample of run.samples) {
        const golden = snapshots.get(sample);
        if (golden === undefined) throw new Error(`${sample}: not in the import summary`);
        mkdirSync(dirname(goldenPath(sample)), { recursive: true });
        writeFileSync(goldenPath(sample), formatGolden(golden));
      }
      process.stdout.write(`${family.name}: ${run.samples.length} goldens written\n`);
    } finally {
      await disposeFamily(run);
    }
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
