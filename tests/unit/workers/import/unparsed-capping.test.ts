/**
 * Importers that kept an unparsed record's raw text differently from the rest before they all
 * used unparsedRecord: each now cuts at RAW_TEXT_LIMIT and says so in the reason.
 */

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RAW_TEXT_LIMIT } from '../../../../workers/import/import-limits.ts';
import { sigtopJsonParser } from '../../../../workers/import/signal-desktop/index.ts';
import { parseSignalText } from '../../../../workers/import/signal/parse-signal-text.ts';
import { smsBackupXmlParser } from '../../../../workers/import/sms-xml/index.ts';
import { telegramHtmlParser } from '../../../../workers/import/telegram/index.ts';
import { whatsappTextParser } from '../../../../workers/import/whatsapp/index.ts';
import { inputFromText, runParser } from '../../../support/parser-harness.ts';
import { runParser as runSqliteHarness } from '../../../support/sqlite-parser-harness.ts';

const LONG = RAW_TEXT_LIMIT + 10;
const TELEGRAM_FIXTURES = path.resolve(process.cwd(), 'fixtures/telegram');

describe('unparsed records are cut the same way in every importer', () => {
  it('sigtop JSON: an unreadable entry is kept up to RAW_TEXT_LIMIT (was 4000 characters and an ellipsis, without a word in the reason)', async () => {
    const medium = { id: 'm', conversationId: 'c', sent_at: 1, body: 'y'.repeat(5000) };
    const huge = { id: 'h', conversationId: 'c', sent_at: 1, body: 'z'.repeat(LONG) };
    const bytes = new TextEncoder().encode(`[\n${[medium, huge].map((entry) => JSON.stringify(entry)).join(',\n')}\n]\n`);
    const run = await runSqliteHarness(sigtopJsonParser, bytes, 'Crew.json');
    const [first, second] = run.sink.messages;
    expect(first).toMatchObject({ kind: 'unparsed', text: JSON.stringify(medium) });
    expect(first?.reason).not.toContain('truncated');
    expect(second?.text).toHaveLength(RAW_TEXT_LIMIT);
    expect(second?.reason).toContain(`(raw text truncated to the first ${RAW_TEXT_LIMIT} of ${JSON.stringify(huge).length} characters)`);
  });

  it('signal-export text: lines before the first header are cut (were kept whole)', () => {
    const { records } = parseSignalText(new TextEncoder().encode('p'.repeat(LONG)), 'chat.md', 'chat');
    expect(records[0]?.kind).toBe('unparsed');
    expect(records[0]?.text).toHaveLength(RAW_TEXT_LIMIT);
    expect(records[0]?.reason).toBe(`text before the first message header (raw text truncated to the first ${RAW_TEXT_LIMIT} of ${LONG} characters)`);
  });

  it('WhatsApp text: lines before the first header are cut (were kept whole)', async () => {
    const text = `${'w'.repeat(LONG)}\n12/03/2024, 09:15 - Ana: hello\n`;
    const { messages } = await runParser(whatsappTextParser, inputFromText(text, { displayName: 'WhatsApp Chat with Ana.txt' }));
    expect(messages[0]?.kind).toBe('unparsed');
    expect(messages[0]?.text).toHaveLength(RAW_TEXT_LIMIT);
    expect(messages[0]?.reason).toBe(`lines before the first message header (raw text truncated to the first ${RAW_TEXT_LIMIT} of ${LONG} characters)`);
    expect(messages[1]).toMatchObject({ kind: 'message', sender: 'Ana', text: 'hello' });
  });

  it('SMS Backup & Restore XML: the note on an element cut by broken XML gives its length read too (was "the first N characters")', async () => {
    const body = 'b'.repeat(LONG);
    const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<smses count="2">\n<sms address="+4071" date="1712340000000" type="1" body="first" />\n<sms address="+4072" date="1712340001000" type="1" body="${body}`;
    const { messages } = await runParser(smsBackupXmlParser, inputFromText(xml, { displayName: 'sms.xml' }));
    const cut = messages.find((message) => message.kind === 'unparsed');
    expect(cut?.text).toHaveLength(RAW_TEXT_LIMIT);
    expect(cut?.reason).toMatch(new RegExp(`\\(raw text truncated to the first ${RAW_TEXT_LIMIT} of \\d+ characters\\)$`, 'u'));
  });

  it('Telegram HTML: a cut block says "raw text", like every importer (was "raw HTML")', async () => {
    const fixture = readFileSync(path.join(TELEGRAM_FIXTURES, 'messages-truncated.html'), 'utf8');
    const { messages } = await runParser(telegramHtmlParser, inputFromText(`${fixture}${'t'.repeat(LONG)}`, { displayName: 'messages.html' }));
    const cut = messages.at(-1);
    expect(cut?.kind).toBe('unparsed');
    expect(cut?.text).toHaveLength(RAW_TEXT_LIMIT);
    expect(cut?.reason).toMatch(new RegExp(`\\(raw text truncated to the first ${RAW_TEXT_LIMIT} of \\d+ characters\\)$`, 'u'));
  });
});
