import { closeSync, ftruncateSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../../../workers/import/detect-format.ts';
import { emailParser } from '../../../../workers/import/email/index.ts';
import { telegramJsonParser } from '../../../../workers/import/telegram/index.ts';
import { whatsappTextParser } from '../../../../workers/import/whatsapp/index.ts';
import { inputFromFile, runParser } from '../../../support/parser-harness.ts';
import { mmssmsDb } from '../../../support/hostile-corpus/databases.ts';
import { tempFolder, writeTemp } from '../../../support/temp-case.ts';

/** Exports as analysts hand them in, whose heads differ from the small fixtures: each must still be recognised. */
describe('detectFormat on real-shaped exports', () => {
  const folder = tempFolder();

  /** A full-account export as tdesktop writes it: account sections first, "chats" last. */
  function telegramFullExport(sections: string[]): string {
    const contacts = Array.from({ length: 600 }, (_, index) => [
      '   {',
      `    "first_name": "Name${index}",`,
      `    "last_name": "Surname${index}",`,
      `    "phone_number": "+44 7700 900${String(index).padStart(3, '0')}",`,
      '    "date": "2019-05-01T10:00:00",',
      '    "date_unixtime": "1556704800"',
      '   }',
    ].join('\n')).join(',\n');
    const chat = { name: 'Alice', type: 'personal_chat', id: 1, messages: [{ id: 1, type: 'message', date: '2023-01-01T10:00:00', date_unixtime: '1672574400', from: 'Alice', from_id: 'user1', text: 'hi', text_entities: [{ type: 'plain', text: 'hi' }] }] };
    const parts = [' "about": "Here is the data you requested."'];
    if (sections.includes('personal')) parts.push(' "personal_information": {\n  "user_id": 5,\n  "first_name": "Me"\n }');
    parts.push(` "contacts": {\n  "about": "Contacts",\n  "list": [\n${contacts}\n  ]\n }`);
    parts.push(` "chats": {\n  "about": "Chats",\n  "list": [${JSON.stringify(chat, null, 1)}]\n }`);
    return `{\n${parts.join(',\n')}\n}\n`;
  }

  it('recognises a Telegram full-account export whose contact list pushes "chats" past the sniffed head (regression)', async () => {
    for (const sections of [['personal'], []]) {
      const path = writeTemp(folder, `result-${sections.join('')}.json`, telegramFullExport(sections));
      expect(await detectFormat(path), path).toMatchObject({ format: 'telegram-json' });
      const { messages } = await runParser(telegramJsonParser, inputFromFile(path));
      expect(messages.map((message) => message.text)).toEqual(['hi']);
    }
  });

  it('keeps an ISO-dated iOS WhatsApp export whose message ends in two spaces as WhatsApp, not signal-export (regression)', async () => {
    const chat = [
      '[2024-01-05 14:03:20] Alice: \u200eMessages and calls are end-to-end encrypted. No one outside of this chat, not even WhatsApp, can read or listen to them.',
      '[2024-01-05 14:03:22] Alice: hej  ',
      '[2024-01-05 14:03:25] Bob: \u200eimage omitted',
      '',
    ].join('\r\n');
    const path = writeTemp(folder, 'WhatsApp Chat - Alice.txt', chat);
    expect(await detectFormat(path)).toMatchObject({ format: 'whatsapp-txt' });
    const { messages } = await runParser(whatsappTextParser, inputFromFile(path));
    expect(messages.map((message) => message.timestampText)).toEqual(['2024-01-05 14:03:20', '2024-01-05 14:03:22', '2024-01-05 14:03:25']);
  });

  it('keeps an ISO-dated iOS WhatsApp export with no end-to-end notice or placeholder in its head as WhatsApp when a message ends in two spaces (regression)', async () => {
    const chat = ['[2024-01-05 14:03:22] Alice: hej  ', '[2024-01-05 14:03:25] Bob: hur mår du?', '[2024-01-05 14:04:01] Alice: bra', ''].join('\r\n');
    const path = writeTemp(folder, '_chat.txt', chat);
    expect(await detectFormat(path)).toMatchObject({ format: 'whatsapp-txt' });
    const { messages } = await runParser(whatsappTextParser, inputFromFile(path));
    expect(messages.map((message) => [message.sender, message.text])).toEqual([['Alice', 'hej  '], ['Bob', 'hur mår du?'], ['Alice', 'bra']]);
  });

  it('reads an e-mail that forwards a WhatsApp or signal-export chat in its body as e-mail, not as the chat (regression)', async () => {
    const whatsApp = Array.from({ length: 8 }, (_, index) => `12/0${index + 1}/21, 9:4${index} PM - ${index % 2 === 0 ? 'Bob' : 'Alice'}: message ${index}`);
    const fields = ['From: Ana <ana@example.ro>', 'To: dan@example.ro', 'Subject: the chat', 'Date: Mon, 1 Jan 2024 10:00:00 +0000', 'Message-ID: <1@example.ro>'];
    const eml = [...fields, '', 'Here is the chat:', '', ...whatsApp, ''].join('\r\n');
    const mbox = ['From ana@example.ro Mon Jan  1 10:00:00 2024', ...fields, '', ...whatsApp, ''].join('\n');
    const signal = ['From: Ana <ana@example.ro>', 'Subject: the chat', '', '[2019-12-24, 12:23] Jane: hi', '[2019-12-24, 12:24] Me: yes', ''].join('\n');
    for (const [name, text] of [['chat.eml', eml], ['chat.mbox', mbox], ['signal.eml', signal]] as const) {
      expect(await detectFormat(writeTemp(folder, name, text)), name).toMatchObject({ format: 'email' });
    }
    const { messages } = await runParser(emailParser, inputFromFile(writeTemp(folder, 'again.eml', eml)));
    expect(messages).toHaveLength(1);
    expect(messages[0]?.text).toContain('12/08/21, 9:47 PM - Alice: message 7');
  });

  it('reads an .eml and an mbox re-saved with a UTF-8 byte order mark, From header and postmark included (regression)', async () => {
    const BOM = '\uFEFF';
    const eml = 'From: Ana <ana@example.ro>\r\nTo: dan@example.ro\r\nSubject: bilet\r\nDate: Mon, 1 Jan 2024 10:00:00 +0000\r\nMessage-ID: <1@example.ro>\r\n\r\nbody\r\n';
    const mbox = `From ana@example.ro Mon Jan  1 10:00:00 2024\n${eml.replace(/\r/gu, '')}From dan@example.ro Mon Jan  1 11:00:00 2024\n${eml.replace(/\r/gu, '').replace('Ana <ana@', 'Dan <dan@')}`;
    for (const [name, content, senders] of [['bom.eml', eml, ['ana@example.ro']], ['bom.mbox', mbox, ['ana@example.ro', 'dan@example.ro']]] as const) {
      const path = writeTemp(folder, name, BOM + content);
      expect(await detectFormat(path), name).toMatchObject({ format: 'email' });
      const { messages } = await runParser(emailParser, inputFromFile(path));
      expect(messages.map((message) => message.senderId ?? message.sender), name).toEqual(senders);
      expect(messages[0]?.locator, name).toMatchObject({ byteStart: 0 });
    }
  });

  it('refuses a phone database too big to read in memory by name and size, instead of throwing (regression: a 2 GiB database)', async () => {
    // A sparse file: a real database's first pages, then a hole up to just over 2 GiB.
    const database = await mmssmsDb();
    const path = join(folder, 'mmssms.db');
    const fd = openSync(path, 'w');
    try {
      writeSync(fd, database);
      ftruncateSync(fd, 2 ** 31 + 4096);
    } finally {
      closeSync(fd);
    }
    const detection = await detectFormat(path).finally(() => rmSync(path));
    expect(detection).toEqual({ format: null, reason: 'a SQLite database (android-sms, from its first pages) of 2147487744 bytes, more than the 1610612736 bytes a database can be read in memory' });
  });
});
