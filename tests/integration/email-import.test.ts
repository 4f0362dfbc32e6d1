import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSession } from '../../engine/case/case-session.ts';
import { Engine } from '../../engine/engine.ts';
import { searchCase } from '../../engine/search/search-case.ts';
import type { ImportSummary } from '../../shared/domain/import.ts';
import type { ConversationSummary, Message } from '../../shared/domain/message.ts';
import { CLI, REPO_ROOT, SAMPLES, tempFolder, writeTemp } from '../support/temp-case.ts';

/**
 * E-mail through the real engine: every shared .eml sample, the hand-made mbox and forward, and
 * a binary file named .eml. Golden values are pinned, and counts are checked against figures
 * taken without the parser (files; "From " postmark lines; Message-ID header lines).
 */
const SAMPLE_FOLDER = join(SAMPLES, 'email', 'mailparser');
const SAMPLE_FILES = existsSync(SAMPLE_FOLDER) ? readdirSync(SAMPLE_FOLDER).filter((name) => name.endsWith('.eml')).sort().map((name) => join(SAMPLE_FOLDER, name)) : [];
const THREAD = join(REPO_ROOT, 'fixtures', 'email', 'thread.mbox');
const FORWARD = join(REPO_ROOT, 'fixtures', 'email', 'forward.eml');
const sample = (name: string): string => join(SAMPLE_FOLDER, name);

function countLines(file: string, pattern: RegExp): number {
  return readFileSync(file, 'latin1').split('\n').filter((line) => pattern.test(line)).length;
}

/** An unknown charset, multiparts nested 2000 deep (over the part limit), and a file cut mid-line. */
function hostileMbox(): Uint8Array {
  const head = (from: string, second: number): string => `From ${from} Wed Jan  1 00:00:0${second} 2020\nFrom: ${from}\nDate: Wed, 1 Jan 2020 00:00:0${second} +0000\n`;
  let open = '';
  let close = '';
  for (let level = 0; level < 2000; level += 1) {
    open += `Content-Type: multipart/mixed; boundary="b${level}"\n\n--b${level}\n`;
    close = `--b${level}--\n${close}`;
  }
  const text = [
    `${head('a@b.example', 0)}Subject: charset\nContent-Type: text/plain; charset=x-klingon\nContent-Transfer-Encoding: 8bit\n\nh\xe9llo\n`,
    `${head('deep@b.example', 1)}Subject: deep\n${open}Content-Type: text/plain\n\nleaf\n${close}`,
    `${head('last@b.example', 2)}Subject: cut\n\nthis line is cut sho`,
  ].join('');
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

describe.skipIf(SAMPLE_FILES.length === 0)('e-mail import through the engine', () => {
  let engine: Engine;
  let session: CaseSession;
  let casePath: string;
  let summary: ImportSummary;
  let conversations: ConversationSummary[];
  let binary: string;
  let hostile: string;
  let lateReply: string;

  async function messagesOf(file: string): Promise<Message[]> {
    const source = summary.sources.find((candidate) => candidate.path === file);
    const messages: Message[] = [];
    for (const chat of conversations.filter((conversation) => conversation.sourceIds.includes(source?.sourceId ?? ''))) {
      messages.push(...(await session.db.client.call('messagesRange', { chatId: chat.id, offset: 0, limit: 1000 })).messages.filter((message) => message.sourceId === source?.sourceId));
    }
    return messages.sort((a, b) => (a.locator.kind === 'text-lines' && b.locator.kind === 'text-lines' ? a.locator.byteStart - b.locator.byteStart : 0));
  }

  beforeAll(async () => {
    const folder = tempFolder();
    binary = writeTemp(folder, 'looks-like-mail.eml', new Uint8Array(randomBytes(8192)));
    hostile = writeTemp(folder, 'hostile.mbox', hostileMbox());
    lateReply = writeTemp(folder, 'late-reply.eml', 'From: Dan Ionescu <dan.ionescu@example.net>\r\nDate: Thu, 7 Mar 2024 08:00:00 +0200\r\nMessage-ID: <late-5@example.net>\r\nReferences: <root-1@example.ro> <reply-2@example.net>\r\nSubject: Re: Re: Ofertă\r\n\r\nAm plecat.\r\n');
    engine = new Engine({ mode: 'cli', actor: 'email-test' });
    casePath = join(folder, 'case');
    session = await engine.openCase(casePath, true);
    // Declared as one seized computer's mail: a thread merges across files only within one device (ADR 0014).
    summary = await engine.startImport([...SAMPLE_FILES, THREAD, FORWARD, binary, hostile, lateReply], { timeZone: 'Europe/Bucharest', device: 'Laptop of D.I.' }).done;
    conversations = await session.db.client.call('listConversations', {});
  }, 180_000);

  afterAll(async () => {
    await engine.dispose();
  });

  it('imports every shared sample and fixture as e-mail, one message per .eml file', () => {
    expect(SAMPLE_FILES.map((file) => file.slice(SAMPLE_FOLDER.length + 1))).toEqual(['base64encodedroot.eml', 'delivery-status.eml', 'nested.eml', 'nodemailer.eml', 'simple.eml']);
    for (const file of [...SAMPLE_FILES, FORWARD]) {
      const source = summary.sources.find((candidate) => candidate.path === file);
      expect(source, file).toMatchObject({ format: 'email', status: 'imported', messages: 1, unparsed: 0 });
    }
  });

  it('a binary file named .eml is refused with a reason naming it; the others are unaffected', () => {
    const source = summary.sources.find((candidate) => candidate.path === binary);
    expect(source).toMatchObject({ status: 'failed', error: { code: 'E_IMPORT_FORMAT' } });
    expect(source?.error?.message).toContain('looks-like-mail.eml');
    expect(summary.sources.filter((candidate) => candidate.status === 'imported')).toHaveLength(SAMPLE_FILES.length + 4);
  });

  it('pins nodemailer.eml: sender, UTC time, encoded-word subject, recipients, Received chain, four stored attachments', async () => {
    const [message] = await messagesOf(sample('nodemailer.eml'));
    expect(message).toMatchObject({ kind: 'message', sender: 'Andris Kreata <andris@kreata.ee>', senderId: 'andris@kreata.ee', direction: null, timestamp: '2016-10-13T11:39:48.000Z', timestampText: 'Thu, 13 Oct 2016 11:39:48 +0000' });
    expect(message?.text.startsWith('Nodemailer is unicode friendly ✔ (1476358788189)\n\nHello to myself!')).toBe(true);
    expect(message?.extra).toMatchObject({ to: ['Andris Reinman <andris+123@kreata.ee>', 'andris.reinman@gmail.com'], messageId: '<012d606e-3550-2d94-b566-6cd996de88e3@kreata.ee>' });
    const headers = message?.extra?.['headers'] as Record<string, string[]>;
    expect(headers['received']).toHaveLength(countLines(sample('nodemailer.eml'), /^Received:/u));
    expect(message?.attachments.map((attachment) => [attachment.fileName, attachment.mimeType, attachment.status])).toEqual([
      [null, 'text/watch-html', 'ok'],
      ['image.png', 'image/png', 'ok'],
      ['nyan cat ✔.gif', 'image/gif', 'ok'],
      ['notes.txt', 'text/plain', 'ok'],
    ]);
    expect((message?.extra?.['attachmentParts'] as { part: string }[]).map((part) => part.part)).toEqual(['1.2', '1.3.2', '1.3.3', '2']);
    // The bytes were copied into the case store, named by their SHA-256.
    const notes = message?.attachments[3];
    const stored = readFileSync(join(casePath, 'attachments', notes?.sha256?.slice(0, 2) ?? '', notes?.sha256 ?? ''));
    expect(stored.toString('utf8')).toBe('Some notes about this e-mail');
    expect(createHash('sha256').update(stored).digest('hex')).toBe(notes?.sha256);
  });

  it('pins the other samples: a bounce with its report, a root-only attachment, nested multiparts, a plain message', async () => {
    const [bounce] = await messagesOf(sample('delivery-status.eml'));
    expect(bounce).toMatchObject({ sender: 'MAILER-DAEMON@amazonses.com', timestamp: '2021-02-16T00:57:06.000Z' });
    expect(bounce?.text).toContain('---- Delivery status, MIME part 2 ----\nReporting-MTA: dns; amazonses.com');
    expect(bounce?.text).toContain('---- Attached message, MIME part 3 ----\nFrom: xx xx <xxx@xxx.com>\nTo: not@found.com\nDate: Mon, 15 Feb 2021 17:57:06 -0700\nSubject: Example Subject\n\nHi,\n\nMessage');
    expect(bounce?.extra?.['deliveryStatus']).toEqual([expect.objectContaining({ part: '2', recipients: [expect.objectContaining({ action: 'failed', status: '5.1.1', 'final-recipient': 'rfc822; xxxx@xxxx.com' })] })]);
    expect(countLines(sample('delivery-status.eml'), /^Message-ID:/iu)).toBe(1 + (bounce?.extra?.['embeddedMessages'] as unknown[]).length);
    const [root] = await messagesOf(sample('base64encodedroot.eml'));
    expect(root).toMatchObject({ sender: 'test@example.com', timestamp: null, text: '' });
    expect(root?.attachments).toEqual([expect.objectContaining({ fileName: 'screenshot.png', mediaType: 'image', size: 425, status: 'ok' })]);
    const [nested] = await messagesOf(sample('nested.eml'));
    expect(nested?.text).toMatch(/^Dear Sir,\n\nGood evening\.\n[\s\S]*The footer$/u);
    const [simple] = await messagesOf(sample('simple.eml'));
    expect(simple).toMatchObject({ sender: 'andris@kreata.ee', timestamp: '2017-01-08T18:37:44.000Z', text: 'test\n\nHello world!', extra: { to: ['andris.reinman@gmail.com'] } });
    const dateless = summary.sources.find((candidate) => candidate.path === sample('base64encodedroot.eml'));
    expect(dateless?.issues).toEqual([{ place: 'base64encodedroot.eml:1', reason: 'message at byte 0: the message has no Date header; it has no time' }]);
  });

  it('lists who each e-mail went to among its conversation’s participants, with addresses, and finds them with with:', async () => {
    const participantsOf = (file: string): string[] | undefined => {
      const source = summary.sources.find((candidate) => candidate.path === file);
      return conversations.find((conversation) => conversation.sourceIds.includes(source?.sourceId ?? ''))?.participants;
    };
    // Checked against the samples' headers: the sender first, then To (and Cc, Bcc) in header order.
    expect(participantsOf(sample('nodemailer.eml'))).toEqual(['Andris Kreata <andris@kreata.ee>', 'Andris Reinman <andris+123@kreata.ee>', 'andris.reinman@gmail.com']);
    expect(participantsOf(sample('simple.eml'))).toEqual(['andris@kreata.ee', 'andris.reinman@gmail.com']);
    expect(participantsOf(sample('delivery-status.eml'))).toEqual(['MAILER-DAEMON@amazonses.com', 'xxxxx@gmail.com']);
    expect(participantsOf(sample('base64encodedroot.eml'))).toEqual(['test@example.com']);
    // Dan and "Recruiter, Jobs" <jobs@agency.example> are recipients who also wrote: listed once, as they wrote.
    expect(participantsOf(THREAD)).toEqual(['Ana Popescu <ana.popescu@example.ro>', 'Dan Ionescu <dan.ionescu@example.net>', 'jobs@agency.example']);
    const received = await searchCase(session, 'with:andris.reinman@gmail.com', 10, 0);
    expect(received.hits.map((hit) => hit.source).sort()).toEqual(['nodemailer.eml', 'simple.eml']);
    expect((await searchCase(session, 'with:"Andris Reinman"', 10, 0)).hits.map((hit) => hit.source)).toEqual(['nodemailer.eml']);
    expect((await searchCase(session, 'with:jobs@agency.example chat:bilete', 10, 0)).total).toBe(0);
  });

  it('pins the mbox: one record per postmark, two threads, UTC times, the zone-less Date read in the import zone', async () => {
    const source = summary.sources.find((candidate) => candidate.path === THREAD);
    expect(source).toMatchObject({ messages: countLines(THREAD, /^From \S+ /u), unparsed: 0, attachments: 1 });
    const messages = await messagesOf(THREAD);
    expect(messages.map((message) => message.timestamp)).toEqual(['2024-03-02T09:14:05.000Z', '2024-03-02T12:30:00.000Z', '2024-03-03T08:00:00.000Z', '2024-03-04T08:00:00.000Z', '2024-03-04T11:00:00.000Z']);
    const threads = conversations.filter((conversation) => conversation.sourceIds.includes(source?.sourceId ?? ''));
    expect(threads.map((thread) => [thread.title, thread.messageCount, thread.firstTimestamp, thread.lastTimestamp])).toEqual(expect.arrayContaining([
      // Three messages from the mbox and late-reply.eml, which joins the thread (see below).
      ['Ofertă de muncă în Germania', 4, '2024-03-02T09:14:05.000Z', '2024-03-07T06:00:00.000Z'],
      ['Bilete', 2, '2024-03-04T08:00:00.000Z', '2024-03-04T11:00:00.000Z'],
    ]));
    expect([...(threads.find((thread) => thread.title === 'Bilete')?.participants ?? [])].sort()).toEqual(['other@example.org', 'someone@example.org']);
    let next = 0;
    for (const message of messages) {
      if (message.locator.kind !== 'text-lines') throw new Error('expected text-lines locators');
      expect(message.locator.byteStart).toBe(next);
      next = message.locator.byteEnd;
    }
    expect(next).toBe(readFileSync(THREAD).length);
    expect(new Set(messages.map((message) => message.id)).size).toBe(messages.length);
  });

  it('a hostile mailbox imports: the broken message is kept raw, each problem names its place, the others are whole', async () => {
    const source = summary.sources.find((candidate) => candidate.path === hostile);
    expect(source).toMatchObject({ status: 'imported', messages: 2, unparsed: 1 });
    expect(source?.messages).toBe(countLines(hostile, /^From \S+ /u) - 1);
    expect(source?.issues.map((issue) => issue.place)).toEqual(['hostile.mbox:1', 'hostile.mbox:9', 'hostile.mbox:8016']);
    expect(source?.issues[0]?.reason).toContain('declared charsets: x-klingon');
    expect(source?.issues[1]?.reason).toContain('MIME structure could not be read');
    expect(source?.issues[2]?.reason).toContain('ends in the middle of a line');
    const messages = await messagesOf(hostile);
    expect(messages.map((message) => [message.kind, message.sender, message.timestamp])).toEqual([
      ['message', 'a@b.example', '2020-01-01T00:00:00.000Z'],
      ['unparsed', 'deep@b.example', '2020-01-01T00:00:01.000Z'],
      ['message', 'last@b.example', '2020-01-01T00:00:02.000Z'],
    ]);
  });

  it('a reply in a file of its own joins its thread from the mbox (threads are named after their root Message-ID)', () => {
    const source = summary.sources.find((candidate) => candidate.path === lateReply);
    const thread = conversations.find((conversation) => conversation.sourceIds.includes(source?.sourceId ?? ''));
    expect(thread?.sourceIds).toHaveLength(2);
    expect(thread).toMatchObject({ title: 'Ofertă de muncă în Germania', messageCount: 4, lastTimestamp: '2024-03-07T06:00:00.000Z' });
  });

  it('the CLI imports a sample with --json', () => {
    const run = spawnSync(process.execPath, [CLI, 'import', join(tempFolder(), 'cli-case'), sample('simple.eml'), '--tz', 'UTC', '--json'], { encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const output = JSON.parse(run.stdout.trim()) as ImportSummary;
    expect(output.sources).toEqual([expect.objectContaining({ format: 'email', status: 'imported', messages: 1, attachments: 0, unparsed: 0 })]);
    const search = spawnSync(process.execPath, [CLI, 'search', output.case, 'with:andris.reinman@gmail.com', '--json'], { encoding: 'utf8' });
    expect(search.status, search.stderr).toBe(0);
    expect((JSON.parse(search.stdout.trim()) as { hits: { sender: string }[] }).hits.map((hit) => hit.sender)).toEqual(['andris@kreata.ee']);
  }, 60_000);
});
