import { readFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import initSqlJs from 'sql.js';
import type { Database } from 'sql.js';
import yauzl from 'yauzl';
import { SAMPLES } from './temp-case.ts';

/**
 * How many records each shared sample should yield, counted without any of Threadline's parsers:
 * a regex over header lines, JSON.parse and array lengths, element counts, SQL count(*) through
 * sql.js, csv-parse. The conformance test compares these with what the importer stored. Each
 * count says how it was taken and what it leaves out on purpose, so a difference is either a bug
 * or one of the reasons written here.
 */
export interface IndependentCount {
  /** Records the sample should yield: compared with the importer's message + system + unparsed. */
  records: number;
  /** Of those, the ones the format itself marks as service or system lines, when it marks them. */
  system?: number;
  /** Of those, the ones that are malformed by this count's own reading (CSV rows of the wrong width). */
  malformed?: number;
  /** How the count was taken, including what it leaves out and why. */
  method: string;
}

/** The independent count for a sample (path relative to the samples folder), or null for files that are not exports. */
export async function countIndependently(sample: string): Promise<IndependentCount | null> {
  const family = sample.split('/')[0] ?? '';
  const path = join(SAMPLES, sample);
  const extension = extname(sample).toLowerCase();
  switch (family) {
    case 'whatsapp-txt':
      if (extension === '.txt') return whatsappHeaders([readFileSync(path, 'utf8')]);
      if (extension === '.zip') return whatsappHeaders(await zipTextEntries(path));
      return null;
    case 'telegram-json':
      return telegramJson(readJson(path));
    case 'telegram-html':
      return telegramHtml(readFileSync(path, 'utf8'));
    case 'messenger-json':
    case 'instagram-json':
      return extension === '.json' ? metaJson(readJson(path)) : null;
    case 'sms-backup-restore-xml':
      return smsBackupXml(readFileSync(path, 'utf8'));
    case 'android-mmssms-db':
    case 'ios-sms-db':
    case 'whatsapp-db':
      return extension === '.db' ? sqlCount(family, readFileSync(path)) : null;
    case 'signal-desktop-db':
      return extension === '.sqlite' || extension === '.db' ? sqlCount(family, readFileSync(path)) : null;
    case 'misc':
      return extension === '.csv' ? csvRecords(readFileSync(path)) : null;
    default:
      return null;
  }
}

/**
 * A WhatsApp header: after the invisible marks WhatsApp sprinkles in (any Unicode format
 * character), an optional "[", a date of three numbers in any script's digits and a time, or
 * (Vietnamese iOS) the time first; then the end of the header: "]", " - ", " – " or ": ".
 */
const DATE = String.raw`\p{Nd}{1,4}[./-]\s?\p{Nd}{1,4}[./-]\s?\p{Nd}{1,4}`;
const TIME = String.raw`\p{Nd}{1,2}[:.]\p{Nd}{2}(?:[:.]\p{Nd}{2})?`;
const WHATSAPP_HEADER = new RegExp(String.raw`^\[?(?:${DATE}[,،]?\s\D{0,6}?${TIME}|${TIME},\s${DATE})[^\]\n]{0,12}?(?:\]|\s[-–]\s|:\s)`, 'u');
const FORMAT_CHARACTERS = /\p{Cf}/gu;

export function countWhatsAppHeaderLines(text: string): number {
  return text.split(/\r?\n/u).filter((line) => WHATSAPP_HEADER.test(line.replace(FORMAT_CHARACTERS, ''))).length;
}

function whatsappHeaders(texts: string[]): IndependentCount {
  return {
    records: texts.reduce((sum, text) => sum + countWhatsAppHeaderLines(text), 0),
    method: 'lines that start with a date-and-time header (regex over the raw text, format characters removed); continuation lines belong to the message above',
  };
}

async function zipTextEntries(path: string): Promise<string[]> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(path, { lazyEntries: true }, (error, opened) => (error === null ? resolve(opened) : reject(error))));
  const texts: string[] = [];
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      if (!entry.fileName.endsWith('.txt')) {
        zip.readEntry();
        return;
      }
      zip.openReadStream(entry, (error, stream) => {
        if (error !== null) return reject(error);
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          texts.push(Buffer.concat(chunks).toString('utf8'));
          zip.readEntry();
        });
        stream.on('error', reject);
      });
    });
    zip.on('end', () => resolve());
    zip.on('error', reject);
    zip.readEntry();
  });
  zip.close();
  return texts;
}

type Json = Record<string, unknown>;

function readJson(path: string): Json {
  // Meta exports may start with a BOM, which JSON.parse refuses.
  return JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/u, '')) as Json;
}

function arrayOf(value: unknown): Json[] {
  return Array.isArray(value) ? (value as Json[]) : [];
}

/** A single-chat export has `messages`; a full-account export has `chats.list[].messages`. */
function telegramJson(json: Json): IndependentCount {
  const chats = arrayOf((json['chats'] as Json | undefined)?.['list']);
  const messages = [...arrayOf(json['messages']), ...chats.flatMap((chat) => arrayOf(chat['messages']))];
  return {
    records: messages.length,
    system: messages.filter((message) => message['type'] === 'service').length,
    method: 'JSON.parse: length of messages (and of every chats.list[].messages); system = type "service"',
  };
}

function metaJson(json: Json): IndependentCount {
  return { records: arrayOf(json['messages']).length, method: 'JSON.parse: length of messages' };
}

/**
 * Telegram Desktop writes a "message service" div for each day ("3 December 2025") as well as
 * for real service events (joins, pins). Day separators are page layout, not records. A phone
 * call is drawn as a default message holding a `media_call` block; it is a call record, and call
 * records are system records.
 */
function telegramHtml(html: string): IndependentCount {
  const divs = [...html.matchAll(/<div class="message([^"]*)"[^>]*>([\s\S]*?)(?=<div class="message[ "]|$)/gu)];
  const service = divs.filter((div) => /\bservice\b/u.test(div[1] ?? ''));
  const daySeparators = service.filter((div) => /<div class="body details">\s*\d{1,2} \p{L}+ \d{4}\s*<\/div>/u.test(div[2] ?? ''));
  const calls = divs.filter((div) => !/\bservice\b/u.test(div[1] ?? '') && /class="[^"]*\bmedia_call\b/u.test(div[2] ?? ''));
  return {
    records: divs.length - daySeparators.length,
    system: service.length - daySeparators.length + calls.length,
    method: 'count of <div class="message…"> minus the day-separator service divs (a details body that is only a date); system = the other service divs and the messages holding a media_call block',
  };
}

function smsBackupXml(xml: string): IndependentCount {
  const count = (pattern: RegExp): number => xml.match(pattern)?.length ?? 0;
  const calls = count(/<call\s/gu);
  return {
    records: count(/<sms\s/gu) + count(/<mms\s/gu) + calls,
    system: calls,
    method: 'regex count of <sms …>, <mms …> and <call …> start tags; calls are system records',
  };
}

let sqlJs: ReturnType<typeof initSqlJs> | undefined;

async function sqlCount(family: string, bytes: Uint8Array): Promise<IndependentCount | null> {
  sqlJs ??= initSqlJs();
  const db = new (await sqlJs).Database(bytes);
  try {
    const tables = new Set(db.exec("SELECT name FROM sqlite_master WHERE type = 'table'")[0]?.values.map((row) => String(row[0])) ?? []);
    if (family === 'android-mmssms-db' && tables.has('sms')) {
      // raw: the parts of multipart SMS never put together (assembled ones are marked deleted, Android 7+).
      const rawColumns = tables.has('raw') ? new Set(db.exec("SELECT name FROM pragma_table_info('raw')")[0]?.values.map((row) => String(row[0])) ?? []) : new Set<string>();
      const pendingRaw = !tables.has('raw') ? 0 : scalar(db, `SELECT count(*) FROM raw${rawColumns.has('deleted') ? ' WHERE deleted IS NULL OR deleted = 0' : ''}`);
      return { records: scalar(db, 'SELECT count(*) FROM sms') + (tables.has('pdu') ? scalar(db, 'SELECT count(*) FROM pdu') : 0) + pendingRaw, method: 'SQL: count(*) FROM sms + count(*) FROM pdu + count(*) FROM raw not marked deleted' };
    }
    if (family === 'ios-sms-db' && tables.has('message')) return iosSmsRows(db);
    if (family === 'whatsapp-db' && (tables.has('messages') || tables.has('message'))) return whatsappRows(db, tables);
    if (family === 'signal-desktop-db' && tables.has('messages')) return signalDesktopRows(db);
    return null;
  } finally {
    db.close();
  }
}

/**
 * WhatsApp keeps one marker row that is not a message (legacy key_remote_jid '-1', new layout
 * chat_row_id -1). A transitional database holds both layouts and may repeat a message in
 * both; the repeat (same key_id) counts once.
 */
function whatsappRows(db: Database, tables: Set<string>): IndependentCount {
  const legacy = tables.has('messages') ? scalar(db, "SELECT count(*) FROM messages WHERE key_remote_jid IS NOT '-1'") : 0;
  const newHasKeys = tables.has('message') && columnNames(db, 'message').has('key_id');
  const fresh = tables.has('message') ? scalar(db, `SELECT count(*) FROM message WHERE chat_row_id IS NOT -1${newHasKeys ? " AND key_id IS NOT '-1'" : ''}`) : 0;
  const repeated =
    tables.has('messages') && newHasKeys
      ? scalar(db, "SELECT count(*) FROM messages WHERE key_remote_jid IS NOT '-1' AND key_id IN (SELECT key_id FROM message WHERE chat_row_id IS NOT -1)")
      : 0;
  // Calls are call_log rows, one record each unless message_call_log ties them to a message row.
  const calls = !tables.has('call_log')
    ? 0
    : tables.has('message_call_log')
      ? scalar(db, 'SELECT count(*) FROM call_log WHERE _id NOT IN (SELECT call_log_row_id FROM message_call_log WHERE call_log_row_id IS NOT NULL)')
      : scalar(db, 'SELECT count(*) FROM call_log');
  const count: IndependentCount = {
    records: legacy + fresh - repeated + calls,
    method: "SQL: count(*) FROM messages (key_remote_jid <> '-1') + count(*) FROM message (chat_row_id <> -1) - messages repeated in both by key_id + call_log rows no message_call_log row links",
  };
  // In the legacy table WhatsApp marks group events (created, added, left...) with status 6.
  if (fresh === 0 && legacy > 0) {
    count.system = scalar(db, "SELECT count(*) FROM messages WHERE key_remote_jid IS NOT '-1' AND status = 6") + calls;
    count.method += '; system = legacy rows with status 6, and the calls';
  }
  return count;
}

/**
 * iOS keeps one row of `message` per message, group event (item_type other than 0: renamed,
 * member added or left) and tapback (associated_message_type 2000-2007 added, 3000-3007 removed,
 * associated_message_guid "p:N/GUID", "bp:GUID" or "GUID"). A tapback whose message is in the
 * table and which carries no file is shown on that message, not counted; one whose message is
 * missing is a notice of its own.
 */
export function iosSmsRows(db: Database): IndependentCount {
  const columns = columnNames(db, 'message');
  const itemType = columns.has('item_type') ? 'm.item_type' : '0';
  if (!columns.has('associated_message_type') || !columns.has('associated_message_guid')) {
    return { records: scalar(db, 'SELECT count(*) FROM message'), system: scalar(db, `SELECT count(*) FROM message m WHERE ${itemType} <> 0`), method: 'SQL: count(*) FROM message; system = item_type <> 0' };
  }
  const guid = "CASE WHEN m.associated_message_guid LIKE 'p:%/%' THEN substr(m.associated_message_guid, instr(m.associated_message_guid, '/') + 1) WHEN m.associated_message_guid LIKE 'bp:%' THEN substr(m.associated_message_guid, 4) ELSE m.associated_message_guid END";
  const tapback = '(m.associated_message_type BETWEEN 2000 AND 2007 OR m.associated_message_type BETWEEN 3000 AND 3007)';
  const targetKept = `EXISTS (SELECT 1 FROM message t WHERE t.guid = ${guid})`;
  const joins = scalar(db, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'message_attachment_join'") > 0;
  const hasFile = joins ? 'EXISTS (SELECT 1 FROM message_attachment_join j WHERE j.message_id = m.ROWID)' : '0';
  const onItsMessage = `${tapback} AND ${targetKept} AND NOT ${hasFile}`;
  return {
    records: scalar(db, `SELECT count(*) FROM message m WHERE NOT (${onItsMessage})`),
    system: scalar(db, `SELECT count(*) FROM message m WHERE ${itemType} <> 0 OR (${tapback} AND NOT ${targetKept})`),
    method: 'SQL: count(*) FROM message less the tapbacks on a message of the table (no file); system = item_type <> 0, and tapbacks whose message is missing',
  };
}

/**
 * Signal Desktop keeps one row per message and per event in `messages`; events are the rows
 * whose type is not 'incoming' or 'outgoing' (the type is read from the column, or from the
 * json object in layouts without one; rows where neither can be read count as records, not events).
 */
export function signalDesktopRows(db: Database): IndependentCount {
  const typeColumn = columnNames(db, 'messages').has('type');
  const type = typeColumn ? "coalesce(type, json_extract(CASE WHEN json_valid(json) THEN json END, '$.type'))" : "json_extract(CASE WHEN json_valid(json) THEN json END, '$.type')";
  return {
    records: scalar(db, 'SELECT count(*) FROM messages'),
    system: scalar(db, `SELECT count(*) FROM messages WHERE ${type} NOT IN ('incoming', 'outgoing')`),
    method: "SQL: count(*) FROM messages; system = rows whose type (column, else json $.type) is neither 'incoming' nor 'outgoing'",
  };
}

function columnNames(db: Database, table: string): Set<string> {
  return new Set(db.exec(`PRAGMA table_info(${table})`)[0]?.values.map((row) => String(row[1])) ?? []);
}

function scalar(db: Database, sql: string): number {
  return Number(db.exec(sql)[0]?.values[0]?.[0] ?? 0);
}

/** csv-parse with a loose column count, so rows of the wrong width are counted rather than refused. */
function csvRecords(bytes: Buffer): IndependentCount {
  const rows = parseCsv(bytes, { relax_column_count: true, relax_quotes: true, skip_empty_lines: true }) as string[][];
  const width = rows[0]?.length ?? 0;
  const data = rows.slice(1);
  return {
    records: data.length,
    malformed: data.filter((row) => row.length !== width).length,
    method: 'csv-parse (loose column count): rows after the header; malformed = rows whose width differs from the header',
  };
}
