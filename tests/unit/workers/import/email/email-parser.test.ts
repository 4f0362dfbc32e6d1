import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { emailParser, parseEmailSource, sniffEmail } from '../../../../../workers/import/email/index.ts';
import { collectingSink, headOf, inputFromBytes, inputFromFile, otherFormatSamples, runParser, SAMPLES_ROOT } from '../../../../support/parser-harness.ts';

const FIXTURES = path.resolve(process.cwd(), 'fixtures/email');
const THREAD = path.join(FIXTURES, 'thread.mbox');
const FORWARD = path.join(FIXTURES, 'forward.eml');
const latin1 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'latin1'));
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

function streamed(bytes: Uint8Array, displayName = 'input.mbox') {
  return inputFromBytes(bytes, { displayName, forbidReadAll: true, chunkBytes: 64 * 1024 });
}

describe('e-mail sniffing', () => {
  it('recognises .eml, mbox and every shared e-mail sample', () => {
    expect(sniffEmail(headOf(THREAD))).toBe('mbox');
    expect(sniffEmail(headOf(FORWARD))).toBe('eml');
    expect(sniffEmail(utf8('From: a@b.c\nContent-Type: text/plain\n\nhi\n'))).toBe('eml');
    expect(sniffEmail(utf8('Received: from x\n\tby y; Mon, 1 Jan 2024 00:00:00 +0000\nMessage-ID: <1@x>\nSubject: s\n\nbody\n'))).toBe('eml');
  });

  it('refuses binary files, prose, HTTP, MHTML and other "Name: value" text', () => {
    expect(sniffEmail(new Uint8Array(randomBytes(4096)))).toBeNull();
    expect(sniffEmail(utf8('Dear Sir,\nFrom: me\n\n'))).toBeNull();
    expect(sniffEmail(utf8('HTTP/1.1 200 OK\nDate: Mon, 1 Jan 2024 00:00:00 GMT\nContent-Type: text/html\n\n'))).toBeNull();
    expect(sniffEmail(utf8('From: <Saved by Blink>\nSnapshot-Content-Location: https://x\nSubject: page\nDate: Mon, 1 Jan 2024\nMIME-Version: 1.0\n\n'))).toBeNull();
    expect(sniffEmail(utf8('Package: foo\nVersion: 1\nDepends: bar\n\n'))).toBeNull();
    expect(sniffEmail(utf8('23/03/2022, 13:31 - Ana: From: me\n'))).toBeNull();
  });

  it.skipIf(!existsSync(SAMPLES_ROOT))('claims every e-mail sample and no sample of another format', () => {
    const claimed = otherFormatSamples(['email']).filter((file) => emailParser.sniff(headOf(file), path.basename(file)));
    expect(claimed).toEqual([]);
    const samples = ['base64encodedroot', 'delivery-status', 'nested', 'nodemailer', 'simple'].map((name) => path.join(SAMPLES_ROOT, 'email', 'mailparser', `${name}.eml`));
    for (const sample of samples) expect(sniffEmail(headOf(sample)), sample).toBe('eml');
  });
});

describe('e-mail parsing', () => {
  it('streams an mbox into threads, with senders, UTC times, decoded words and RFC 2231 names', async () => {
    const result = await runParser(emailParser, inputFromFile(THREAD, { forbidReadAll: true, chunkBytes: 97 }));
    expect(result.messages.map((message) => message.chatKey)).toEqual(['id:root-1@example.ro', 'id:root-1@example.ro', 'id:root-1@example.ro', 'subject:bilete', 'subject:bilete']);
    // A thread is announced again when a message of it names someone new (the second "Bilete").
    expect(result.chats.map((chat) => [chat.title, chat.mergeKey])).toEqual([['Ofertă de muncă în Germania', 'id:root-1@example.ro'], ['Bilete', undefined], ['Bilete', undefined]]);
    // Senders and recipients take part, each once per thread, with their addresses.
    const participants = (key: string): unknown[] => result.chats.filter((chat) => chat.key === key).flatMap((chat) => chat.participants ?? []);
    expect(participants('id:root-1@example.ro')).toEqual([
      { name: 'Ana Popescu', id: 'ana.popescu@example.ro', label: 'Ana Popescu <ana.popescu@example.ro>' },
      { name: 'Dan Ionescu', id: 'dan.ionescu@example.net', label: 'Dan Ionescu <dan.ionescu@example.net>' },
      { name: 'Recruiter, Jobs', id: 'jobs@agency.example', label: '"Recruiter, Jobs" <jobs@agency.example>' },
    ]);
    expect(participants('subject:bilete')).toEqual([
      { name: null, id: 'someone@example.org', label: 'someone@example.org' },
      { name: null, id: 'other@example.org', label: 'other@example.org' },
    ]);
    const [root, reply, html, noZone, gmail] = result.messages;
    expect(root).toMatchObject({ kind: 'message', sender: 'Ana Popescu <ana.popescu@example.ro>', senderId: 'ana.popescu@example.ro', direction: null, time: { utcMs: Date.UTC(2024, 2, 2, 9, 14, 5) }, timestampText: 'Sat, 2 Mar 2024 11:14:05 +0200' });
    expect(root?.text).toBe('Ofertă de muncă în Germania\n\nBună Dan,\nAm găsit o ofertă de muncă la un hotel.\nFrom the agency: transportul este plătit.');
    expect(root?.extra).toMatchObject({ to: ['Dan Ionescu <dan.ionescu@example.net>'], cc: ['"Recruiter, Jobs" <jobs@agency.example>'], messageId: '<root-1@example.ro>', dateOffset: '+0200', headers: { received: [expect.stringContaining('by mx.example.net')], 'return-path': ['<ana.popescu@example.ro>'] } });
    expect(root?.locator).toEqual({ kind: 'text-lines', file: 'thread.mbox', lineStart: 1, lineEnd: 19, byteStart: 0, byteEnd: reply?.locator.kind === 'text-lines' ? reply.locator.byteStart : -1 });
    expect(reply?.text).toBe('Re: Ofertă de muncă în Germania\n\nПаспорт оставь у меня до конца месяца.');
    expect(reply?.attachments).toEqual([expect.objectContaining({ kind: 'attached', mediaType: 'document', fileName: 'contract și pașaport.pdf', mimeType: 'application/pdf', size: 45 })]);
    expect(reply?.extra?.['attachmentParts']).toEqual([{ part: '2', fileName: 'contract și pașaport.pdf', mimeType: 'application/pdf', size: 45 }]);
    expect(html?.text).toBe('RE: Oferta\n\nPlata se face la sosire.\n\nDatoria de 2000\u00a0EUR se scade din salariu.');
    expect(noZone?.time).toEqual({ wall: { year: 2024, month: 3, day: 4, hour: 10, minute: 0, second: 0 } });
    expect(gmail?.extra).toMatchObject({ headers: { 'x-gm-thrid': ['1790000000000000001'], 'x-gmail-labels': ['Inbox,Important'] }, mboxPostmark: 'From 1790000000000000001@xxx Mon Mar 04 11:00:00 +0000 2024' });
    expect(result.warnings).toEqual([]);
    expect(result.outcome).toMatchObject({ formatVersion: 'mbox', details: { messages: 5, unparsed: 0, attachments: 1 } });
  });

  it('reads an embedded message as text and gives its attachment an IMAP part number', async () => {
    const result = await runParser(emailParser, inputFromFile(FORWARD));
    const [message] = result.messages;
    expect(message?.text).toContain('---- Attached message, MIME part 2 ----\nFrom: Agency <jobs@agency.example>');
    expect(message?.text).toContain('Biletul de autobuz e atasat.');
    expect(message?.attachments.map((attachment) => [attachment.mimeType, attachment.fileName])).toEqual([['message/rfc822', undefined], ['image/jpeg', 'bilet.jpg']]);
    expect(message?.extra?.['attachmentParts']).toEqual([
      { part: '2', fileName: null, mimeType: 'message/rfc822', size: expect.any(Number) as unknown as number },
      { part: '2.2', fileName: 'bilet.jpg', mimeType: 'image/jpeg', size: 26 },
    ]);
    expect(message?.extra?.['embeddedMessages']).toEqual([{ part: '2', from: ['Agency <jobs@agency.example>'], to: ['Dan Ionescu <dan.ionescu@example.net>'], subject: 'bilet', dateText: 'Mon, 4 Mar 2024 18:00:00 +0100', messageId: '<orig-9@agency.example>' }]);
  });
});

describe('e-mail recipients', () => {
  it('names every recipient (To, Cc, Bcc, groups opened) as a participant of the thread, without repeating anyone', async () => {
    const mbox = [
      'From a@x Mon Jan  1 00:00:00 2024\nMessage-ID: <r1@x>\nFrom: Ana <ana@x.example>\nTo: Dan <dan@y.example>, Team: Ion <ion@z.example>, eva@z.example;\nCc: "Pop, Maria" <maria@w.example>\nBcc: boss@v.example\nSubject: Plan\nDate: Mon, 1 Jan 2024 00:00:00 +0000\n\nbody\n',
      'From d@y Mon Jan  1 01:00:00 2024\nMessage-ID: <r2@y>\nReferences: <r1@x>\nFrom: DAN@y.example\nTo: ana@x.example, Nou <nou@u.example>\nSubject: Re: Plan\nDate: Mon, 1 Jan 2024 01:00:00 +0000\n\nreply\n',
    ].join('');
    const result = await runParser(emailParser, streamed(utf8(mbox)));
    expect(result.chats.map((chat) => chat.participants?.map((participant) => participant.label))).toEqual([
      ['Ana <ana@x.example>', 'Dan <dan@y.example>', 'Ion <ion@z.example>', 'eva@z.example', '"Pop, Maria" <maria@w.example>', 'boss@v.example'],
      // The reply names one new person; Dan (whatever the case of his address) and Ana are known.
      ['Nou <nou@u.example>'],
    ]);
    expect(result.messages[0]?.extra).toMatchObject({ to: ['Dan <dan@y.example>', 'Ion <ion@z.example>', 'eva@z.example'], bcc: ['boss@v.example'] });
  });
});

describe('hostile e-mail', () => {
  const HEAD = 'From a@b Thu Jan  1 00:00:00 2020\nFrom: a@b.example\nDate: Wed, 1 Jan 2020 00:00:00 +0000\n';
  const NEXT = 'From c@d Thu Jan  1 00:00:01 2020\nFrom: Next <next@d.example>\nDate: Wed, 1 Jan 2020 00:00:01 +0000\nSubject: still here\n\nintact\n';

  it('reports text in an unknown charset or invalid UTF-8, names the place, and keeps the message', async () => {
    const bytes = latin1(`${HEAD}Subject: x\nContent-Type: text/plain; charset=x-klingon\nContent-Transfer-Encoding: 8bit\n\nh\xe9llo\n${HEAD}Subject: y\nContent-Type: text/plain; charset=utf-8\n\nbad \xff\xfe bytes\n`);
    const result = await runParser(emailParser, streamed(bytes));
    expect(result.messages.map((message) => message.kind)).toEqual(['message', 'message']);
    expect(result.warnings).toEqual([
      { place: 'input.mbox:1', message: expect.stringMatching(/^message at byte 0: some text could not be decoded \(declared charsets: x-klingon\)/u) as unknown as string },
      { place: 'input.mbox:9', message: expect.stringMatching(/could not be decoded \(declared charsets: utf-8\)/u) as unknown as string },
    ]);
    expect(result.messages[1]?.text).toContain('bad \uFFFD');
  });

  // The case keeps the first MAX_MESSAGE_TEXT_CHARS of it: the RecordWriter cuts every format's bodies (record-writer-text-cap.test.ts).
  it('reads a message with a 50 MB line whole and the next one intact', async () => {
    const long = 'x'.repeat(50 * 1024 * 1024);
    const result = await runParser(emailParser, streamed(utf8(`${HEAD}Subject: long\n\n${long}\n${NEXT}`)));
    expect(result.messages).toHaveLength(2);
    expect(result.messages[0]?.text.length).toBe('long\n\n'.length + long.length);
    expect(result.messages[1]?.text).toBe('still here\n\nintact');
    expect(result.warnings).toEqual([]);
  }, 60_000);

  it('extracts a 20 MB base64 attachment byte for byte', async () => {
    const payload = new Uint8Array(randomBytes(15 * 1024 * 1024));
    const base64 = Buffer.from(payload).toString('base64').replace(/.{76}/gu, '$&\n');
    const message = `${HEAD}Subject: big\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nsee file\n--b\nContent-Type: application/octet-stream; name=scan.bin\nContent-Transfer-Encoding: base64\n\n${base64}\n--b--\n`;
    expect(base64.length).toBeGreaterThan(20 * 1024 * 1024);
    const result = await runParser(emailParser, streamed(utf8(message + NEXT)));
    const attachment = result.messages[0]?.attachments[0];
    expect(attachment).toMatchObject({ fileName: 'scan.bin', size: payload.length });
    expect(createHash('sha256').update(attachment?.bytes ?? new Uint8Array()).digest('hex')).toBe(createHash('sha256').update(payload).digest('hex'));
    expect(result.messages[1]?.kind).toBe('message');
  }, 60_000);

  it('refuses multiparts nested too deep: the message is kept raw with its headers, the next one is untouched', async () => {
    let open = '';
    let close = '';
    for (let level = 0; level < 2000; level += 1) {
      open += `Content-Type: multipart/mixed; boundary="b${level}"\n\n--b${level}\n`;
      close = `\n--b${level}--\n${close}`;
    }
    const deep = `${HEAD}Subject: deep\n${open}Content-Type: text/plain\n\nleaf\n${close}`;
    const result = await runParser(emailParser, streamed(utf8(deep + NEXT)));
    expect(result.messages.map((message) => message.kind)).toEqual(['unparsed', 'message']);
    expect(result.messages[0]).toMatchObject({ sender: 'a@b.example', time: { utcMs: Date.UTC(2020, 0, 1) }, reason: expect.stringContaining('MIME structure could not be read') as unknown as string });
    expect(result.messages[0]?.text.startsWith('From: a@b.example')).toBe(true);
    expect(result.messages[1]?.text).toBe('still here\n\nintact');
  });

  it('keeps what a truncated mbox still holds and warns about the cut', async () => {
    const whole = readFileSync(THREAD);
    const cut = new Uint8Array(whole.subarray(0, 1200));
    const result = await runParser(emailParser, streamed(cut, 'cut.mbox'));
    expect(result.messages).toHaveLength(2);
    expect(result.messages[0]?.text).toContain('Bună Dan');
    expect(result.messages[1]).toMatchObject({ sender: 'Dan Ionescu <dan.ionescu@example.net>', locator: { lineStart: 20, byteEnd: 1200 } });
    expect(result.warnings).toEqual([{ place: 'cut.mbox:20', message: expect.stringContaining('ends in the middle of a line') as unknown as string }]);
  });

  it('keeps a message over the size limit as an unparsed record with its headers', async () => {
    const sink = collectingSink();
    const bytes = utf8(`${HEAD}Subject: huge\n\n${'z'.repeat(5000)}\n${NEXT}`);
    await parseEmailSource(streamed(bytes), sink, 1000);
    expect(sink.collected.messages.map((message) => message.kind)).toEqual(['unparsed', 'message']);
    expect(sink.collected.messages[0]).toMatchObject({ sender: 'a@b.example', extra: { subject: 'huge' }, reason: expect.stringContaining('only its headers were read') as unknown as string });
  });
});

describe('Thunderbird mbox', () => {
  it('marks a message Thunderbird flagged as deleted (X-Mozilla-Status 0x0008, kept until the folder is compacted) and keeps the header', async () => {
    const mbox = [
      'From - Mon Jan  1 10:00:00 2024', 'X-Mozilla-Status: 0009', 'X-Mozilla-Status2: 00000000', 'From: a@example.org', 'Date: Mon, 1 Jan 2024 10:00:00 +0000', 'Subject: gone', '', 'deleted one', '',
      'From - Mon Jan  1 11:00:00 2024', 'X-Mozilla-Status: 0001', 'From: b@example.org', 'Date: Mon, 1 Jan 2024 11:00:00 +0000', 'Subject: kept', '', 'body', '',
    ].join('\r\n');
    const { messages } = await runParser(emailParser, streamed(utf8(mbox), 'Inbox'));
    expect(messages.map((message) => message.deleted)).toEqual([true, false]);
    expect(messages[0]?.extra?.['headers']).toMatchObject({ 'x-mozilla-status': ['0009'], 'x-mozilla-status2': ['00000000'] });
  });
});
