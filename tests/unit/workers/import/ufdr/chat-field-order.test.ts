import { describe, expect, it } from 'vitest';
import { ChatHold, MAX_HELD_CHARS } from '../../../../../workers/import/ufdr/chat-hold.ts';
import { newNode } from '../../../../../workers/import/ufdr/model-tree.ts';
import type { Capture } from '../../../../../workers/import/ufdr/report-reader.ts';
import { ufdrReportParser } from '../../../../../workers/import/ufdr/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';
import { CELLEBRITE_NS, field, party, stamp } from '../../../../support/ufdr-report-builder.ts';
import type { PartySpec } from '../../../../support/ufdr-report-builder.ts';
import type { ImportJob } from '../../../../../shared/contracts/import-worker.ts';
import type { CallContext } from '../../../../../shared/worker/serve.ts';
import { selectAll } from '../../../../../workers/db/repos/rows.ts';
import { RecordWriter } from '../../../../../workers/import/record-writer.ts';
import { folderFiles } from '../../../../../workers/import/source-files.ts';
import { memoryCaseWithSource } from '../../../../support/memory-case-db.ts';
import { caseDbClient } from '../../../../support/case-db-client.ts';

/**
 * Regression: a Chat model whose fields (Source, Id, Name, Participants) are written after its
 * Messages filed every message under `chat:unknown:<model id>`, without the chat's title,
 * participants, sender names or directions. The result must not depend on the field order.
 */

const OWNER: PartySpec = { id: '40700000001@s.whatsapp.net', name: 'Phone Owner', owner: true };
const RECRUITER: PartySpec = { id: '40711111111@s.whatsapp.net', name: 'Recruiter', owner: false };

function message(id: string, fromId: string, body: string, time: string): string {
  return `<model type="InstantMessage" id="${id}" deleted_state="Intact" decoding_confidence="High"><modelField name="From" type="Party"><model type="Party">${field('Identifier', fromId)}</model></modelField>${field('Body', body)}${stamp('TimeStamp', time)}</model>`;
}

const HEADER = [field('Source', 'WhatsApp'), field('Id', '40711111111@s.whatsapp.net'), field('Name', 'Job in Milan'), `<multiModelField name="Participants" type="Party">${[RECRUITER, OWNER].map(party).join('')}</multiModelField>`].join('\n');
const MESSAGES = `<multiModelField name="Messages" type="InstantMessage">${[
  message('m1', '40711111111', 'send the passport', '2024-03-12T09:15:01+02:00'),
  message('m2', '+40 700 000 001', 'tomorrow', '2024-03-12T09:16:00+02:00'),
].join('\n')}</multiModelField>`;

function report(chatBody: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<project id="r" xmlns="${CELLEBRITE_NS}"><decodedData><modelType type="Chat">\n<model type="Chat" id="chat-1">\n${chatBody}\n</model>\n<model type="Chat" id="chat-2">${field('Source', 'Telegram')}${field('Id', '555')}</model></modelType></decodedData></project>`;
}

async function parse(xml: string): Promise<Awaited<ReturnType<typeof runParser>>> {
  return runParser(ufdrReportParser, inputFromText(xml, { displayName: 'report.xml', chunkBytes: 97, forbidReadAll: true }));
}

const view = (result: Awaited<ReturnType<typeof runParser>>): unknown => ({
  chats: result.chats,
  messages: result.messages.map((item) => [item.chatKey, item.sender, item.senderId, item.direction, item.text, item.time]),
  warnings: result.warnings,
});

describe('UFDR Chat fields written after the Messages', () => {
  it('gives the same chats, senders, directions and texts as fields written before them', async () => {
    const before = await parse(report(`${HEADER}\n${MESSAGES}`));
    const after = await parse(report(`${MESSAGES}\n${HEADER}`));
    expect(before.messages.map((item) => [item.chatKey, item.sender, item.direction, item.text])).toEqual([
      ['chat:WhatsApp:40711111111@s.whatsapp.net', 'Recruiter', 'incoming', 'send the passport'],
      ['chat:WhatsApp:40711111111@s.whatsapp.net', 'Phone Owner', 'outgoing', 'tomorrow'],
    ]);
    expect(view(after)).toEqual(view(before));
    expect(after.chats.map((chat) => chat.title)).toEqual(['WhatsApp: Job in Milan', 'Telegram: 555']);
  });

  it('keeps each message its own locator, in document order, when held', async () => {
    const after = await parse(report(`${MESSAGES}\n${HEADER}`));
    expect(after.messages.map((item) => (item.locator.kind === 'xml-path' ? [item.locator.path, item.locator.line] : null))).toEqual([
      ["/project/decodedData/modelType[@type='Chat']/model[1]/multiModelField[@name='Messages']/model[1]", 4],
      ["/project/decodedData/modelType[@type='Chat']/model[1]/multiModelField[@name='Messages']/model[2]", 5],
    ]);
  });

  it('keeps the messages when the XML breaks before the late header: filed as read so far', async () => {
    const cut = report(`${MESSAGES}\n${HEADER}`).split('<field name="Source"')[0] ?? '';
    const result = await parse(cut);
    expect(result.messages.map((item) => [item.chatKey, item.text])).toEqual([
      ['chat:unknown:chat-1', 'send the passport'],
      ['chat:unknown:chat-1', 'tomorrow'],
    ]);
    expect(result.outcome.details).toMatchObject({ complete: false });
  });
});

/** The header's four parts, each of which may come before or after the Messages. */
const PARTS = [
  ['Source', field('Source', 'WhatsApp')],
  ['Id', field('Id', '40711111111@s.whatsapp.net')],
  ['Name', field('Name', 'Job in Milan')],
  ['Participants', `<multiModelField name="Participants" type="Party">${[RECRUITER, OWNER].map(party).join('')}</multiModelField>`],
] as const;

/** The Chat's body with the parts named in `late` written after its Messages. */
function chatBody(late: ReadonlySet<string>): string {
  const before = PARTS.filter(([name]) => !late.has(name)).map(([, xml]) => xml);
  const after = PARTS.filter(([name]) => late.has(name)).map(([, xml]) => xml);
  return [...before, MESSAGES, ...after].join('\n');
}

const EVERY_ORDER = Array.from({ length: 2 ** PARTS.length }, (_, mask) => new Set(PARTS.filter((_part, index) => (mask & (1 << index)) !== 0).map(([name]) => name)));

/** What a case stores of the parse: announcements fed through the RecordWriter into a case database. */
async function stored(xml: string): Promise<{ chats: unknown[]; messages: unknown[]; warnings: string[] }> {
  const db = await memoryCaseWithSource({ id: 'src-1', path: '/e/report.xml', format: 'ufdr', sha256: 'd'.repeat(64), status: 'importing' });
  const client = caseDbClient(db);
  const job = { source: { id: 'src-1', sha256: 'd'.repeat(64), timeZone: 'UTC', path: '/e/report.xml', device: 'Phone A' }, path: '/e/report.xml', casePath: '/tmp/case', format: 'ufdr' } as unknown as ImportJob;
  const context = { throwIfCancelled: () => undefined, progress: () => undefined } as unknown as CallContext;
  const writer = new RecordWriter(job, { db: client as never, index: [] }, context, folderFiles('/e/report.xml'));
  await ufdrReportParser.parse(inputFromText(xml, { displayName: 'report.xml', chunkBytes: 97, forbidReadAll: true }), writer, {});
  await writer.flush();
  const rows = (sql: string): unknown[] => selectAll(db, sql).map((row) => Object.values(row));
  const result = {
    chats: rows('SELECT c.id, c.title, c.kind, s.participants FROM chats c JOIN chat_sources s ON s.chat_id = c.id ORDER BY c.id'),
    // The locator's path, not its line: the parts moved around shift the lines.
    messages: rows("SELECT chat_id, seq, sender, sender_id, direction, timestamp, text, locator ->> '$.path', extra FROM messages ORDER BY rowid"),
    warnings: writer.issues.map((issue) => `${issue.place}: ${issue.reason}`),
  };
  db.close();
  return result;
}

describe('UFDR Chat header parts in every order around the Messages', () => {
  it('store the same chats (id, title, kind, participants) and messages, whichever parts come late', async () => {
    const first = await stored(report(chatBody(new Set())));
    // Rows are in chat id order, which is a hash: compare as a set.
    expect(first.chats.map((chat) => (chat as unknown[]).slice(1, 3)).sort()).toEqual([
      ['Telegram: 555', 'unknown'],
      ['WhatsApp: Job in Milan', 'private'],
    ]);
    expect(first.messages).toHaveLength(2);
    expect(first.warnings).toEqual([]);
    for (const late of EVERY_ORDER) {
      expect({ late: [...late], ...(await stored(report(chatBody(late)))) }).toEqual({ late: [...late], ...first });
    }
  });

  it('announces the chat once with its final title when the header precedes the messages, and again with retitle when the Name is late', async () => {
    const early = await parse(report(chatBody(new Set())));
    expect(early.chats.filter((chat) => chat.key.startsWith('chat:WhatsApp')).map((chat) => [chat.title, chat.retitle])).toEqual([['WhatsApp: Job in Milan', undefined]]);
    const lateName = await parse(report(chatBody(new Set(['Name']))));
    expect(lateName.chats.filter((chat) => chat.key.startsWith('chat:WhatsApp')).map((chat) => [chat.title, chat.retitle])).toEqual([
      ['WhatsApp: Recruiter', undefined],
      ['WhatsApp: Job in Milan', true],
    ]);
    // The same messages, mapped as they were read: a late Name is not waited for.
    const messagesOf = (result: Awaited<ReturnType<typeof runParser>>): unknown => (view(result) as { messages: unknown }).messages;
    expect(messagesOf(lateName)).toEqual(messagesOf(early));
  });

  it('holds the messages while the Source is unknown: the key and merge key carry the app', async () => {
    const lateSource = await parse(report(chatBody(new Set(['Source']))));
    expect(lateSource.chats.filter((chat) => chat.title.includes('Job')).map((chat) => [chat.key, chat.mergeKey])).toEqual([['chat:WhatsApp:40711111111@s.whatsapp.net', 'WhatsApp\n40711111111@s.whatsapp.net']]);
    expect(lateSource.messages.map((item) => [item.chatKey, item.extra?.['app']])).toEqual([
      ['chat:WhatsApp:40711111111@s.whatsapp.net', 'WhatsApp'],
      ['chat:WhatsApp:40711111111@s.whatsapp.net', 'WhatsApp'],
    ]);
  });
});

describe('ChatHold bound', () => {
  const capture = (id: string, size: number): Capture => ({ kind: 'message', modelType: 'InstantMessage', root: newNode('model', { id }, 1, 1), stack: [], depth: 0, size, oversized: false, start: 0, rawChars: 0, path: id });

  it('holds while the header is missing, and releases in order when the chat ends', () => {
    const hold = new ChatHold();
    const emitted: string[] = [];
    const emit = (item: Capture): void => void emitted.push(item.path);
    expect(hold.add(capture('a', 10), '', () => false, emit)).toBe(false);
    expect(hold.add(capture('b', 10), '', () => false, emit)).toBe(false);
    expect(emitted).toEqual([]);
    hold.release(emit);
    expect(emitted).toEqual(['a', 'b']);
  });

  it('releases what it holds, then this model, as soon as the header is complete, and streams after', () => {
    const hold = new ChatHold();
    const emitted: string[] = [];
    const emit = (item: Capture): void => void emitted.push(item.path);
    hold.add(capture('a', 10), '', () => false, emit);
    hold.add(capture('b', 10), '', () => false, emit);
    expect(emitted).toEqual([]);
    hold.add(capture('c', 10), '', () => true, emit);
    expect(emitted).toEqual(['a', 'b', 'c']);
    hold.add(capture('d', 10), '', () => true, emit);
    expect(emitted).toEqual(['a', 'b', 'c', 'd']);
    expect(hold.size).toBe(0);
    expect(hold.overflowed).toBe(false);
  });

  it('streams from the start when the header came first', () => {
    const hold = new ChatHold();
    const emitted: string[] = [];
    hold.add(capture('a', 10), '', () => true, (item) => void emitted.push(item.path));
    expect(emitted).toEqual(['a']);
  });

  it('past MAX_HELD_CHARS maps what it holds, in order, and streams the rest', () => {
    const hold = new ChatHold();
    const emitted: string[] = [];
    const emit = (item: Capture): void => void emitted.push(item.path);
    hold.add(capture('a', 10), '', () => false, emit);
    expect(hold.add(capture('b', MAX_HELD_CHARS), '', () => false, emit)).toBe(true);
    expect(emitted).toEqual(['a', 'b']);
    hold.add(capture('c', 10), '', () => false, emit);
    expect(emitted).toEqual(['a', 'b', 'c']);
    expect(hold.overflowed).toBe(true);
  });
});

describe('UFDR ChatType written after the chat was announced with a guessed kind', () => {
  /** Participants that list one other member: the kind guessed from them is private. */
  const twoParticipants = `<multiModelField name="Participants" type="Party">${[RECRUITER, OWNER].map(party).join('')}</multiModelField>`;
  const early = [field('Source', 'WhatsApp'), field('Id', '40711111111@s.whatsapp.net'), twoParticipants].join('\n');
  const whatsAppKinds = (chats: unknown[]): unknown[] => chats.map((chat) => (chat as unknown[]).slice(1, 3)).filter(([title]) => String(title).startsWith('WhatsApp'));

  it('stores the kind the ChatType states, not the one guessed from the participants', async () => {
    const result = await stored(report([early, MESSAGES, field('ChatType', 'Group')].join('\n')));
    expect(whatsAppKinds(result.chats)).toEqual([['WhatsApp: Recruiter', 'group']]);
    expect(result.messages).toHaveLength(2);
  });

  it('stores the same kind whether the ChatType comes before or after the messages', async () => {
    const before = await stored(report([early, field('ChatType', 'Group'), MESSAGES].join('\n')));
    const after = await stored(report([early, MESSAGES, field('ChatType', 'Group')].join('\n')));
    expect(after.chats).toEqual(before.chats);
  });

  it('lets a stated OneOnOne win over participants that would make a group', async () => {
    const third = party({ id: '40722222222@s.whatsapp.net', name: 'Driver', owner: false });
    const header = [field('Source', 'WhatsApp'), field('Id', '40711111111@s.whatsapp.net'), field('ChatType', 'OneOnOne'), `<multiModelField name="Participants" type="Party">${[party(RECRUITER), third, party(OWNER)].join('')}</multiModelField>`].join('\n');
    const result = await stored(report([header, MESSAGES].join('\n')));
    expect(whatsAppKinds(result.chats)).toEqual([['WhatsApp: Recruiter, Driver', 'private']]);
  });
});
