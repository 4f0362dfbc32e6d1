import { createHash } from 'node:crypto';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withExportHolder } from '../../../../../workers/import/telegram/html-export-holder.ts';
import { telegramHtmlParser } from '../../../../../workers/import/telegram/index.ts';
import { inputFromFile, runParser } from '../../../../support/parser-harness.ts';
import { tempFolder } from '../../../../support/temp-case.ts';
import { chatMessage, chatPage, ROOT_PAGE } from './full-export-pages.ts';

/**
 * Regression: a full-account HTML export names its account holder on its root page
 * (export_results.html, writePreparedPersonal: First name, Last name), and the holder's messages
 * carry that name in from_name (Peer::name(): first and last joined by a space). A chat page in
 * chats/chat_NN/ with no call and no own reaction gave no directions at all.
 */
function exportWith(root: string | null, messages: string, title = 'Vlad'): string {
  const folder = join(tempFolder(), 'DataExport_2026-05-02');
  mkdirSync(join(folder, 'chats', 'chat_01'), { recursive: true });
  if (root !== null) writeFileSync(join(folder, 'export_results.html'), root);
  const page = join(folder, 'chats', 'chat_01', 'messages.html');
  writeFileSync(page, chatPage(messages, title));
  return page;
}

async function parse(page: string) {
  return runParser(telegramHtmlParser, inputFromFile(page, { displayName: 'chats/chat_01/messages.html' }));
}

const TWO_PEOPLE = [chatMessage(7, 'Vlad', 'the address'), chatMessage(8, 'Ann Holder', 'on my way')].join('\n');

describe('Telegram HTML full-account export: the holder named on export_results.html', () => {
  it('gives directions by the holder the root page names, and says so in the details', async () => {
    const result = await parse(exportWith(ROOT_PAGE, TWO_PEOPLE));
    expect(result.messages.map((message) => [message.sender, message.direction])).toEqual([
      ['Vlad', 'incoming'],
      ['Ann Holder', 'outgoing'],
    ]);
    // The root page is no source of the case: the evidence names its size and SHA-256, for a reader to check.
    const rootBytes = Buffer.from(ROOT_PAGE);
    const sha256 = createHash('sha256').update(rootBytes).digest('hex');
    expect(result.outcome.details['accountHolder']).toEqual({
      name: 'Ann Holder',
      evidence: `the personal information on export_results.html, the export's root page (First name, Last name): Ann Holder (${rootBytes.byteLength} bytes, SHA-256 ${sha256})`,
    });
  });

  it('does not follow a link in the root page\'s place', async () => {
    const page = exportWith(null, TWO_PEOPLE);
    const elsewhere = join(tempFolder(), 'export_results.html');
    writeFileSync(elsewhere, ROOT_PAGE);
    symlinkSync(elsewhere, join(dirname(page), '..', '..', 'export_results.html'));
    const result = await parse(page);
    expect(result.messages.map((message) => message.direction ?? null)).toEqual([null, null]);
  });

  it('names no one without the root page, or when a page elsewhere only looks like one', async () => {
    const withoutRoot = await parse(exportWith(null, TWO_PEOPLE));
    expect(withoutRoot.messages.map((message) => message.direction ?? null)).toEqual([null, null]);
    const notRoot = await parse(exportWith('<!DOCTYPE html><html><body><div class="label details">First name</div><div class="value bold">Vlad</div></body></html>', TWO_PEOPLE));
    expect(notRoot.messages.map((message) => message.direction ?? null)).toEqual([null, null]);
  });

  it('leaves the holder unnamed when the pages\' calls name someone else, with both in the reason', () => {
    const pages = { holder: { name: 'Vlad', evidence: 'the call at line 9 of messages.html' }, none: '', pages: 1, evidencePages: [], unreadablePages: [], unlistedFolders: [] };
    const stated = { name: 'Ann Holder', evidence: 'the personal information on export_results.html' };
    expect(withExportHolder(pages, stated)).toMatchObject({ holder: null, none: 'not named: the personal information on export_results.html, but the call at line 9 of messages.html: directions are unknown' });
    expect(withExportHolder({ ...pages, holder: { name: 'Ann Holder', evidence: 'the call' } }, stated).holder).toEqual({ name: 'Ann Holder', evidence: 'the personal information on export_results.html; and the call' });
  });

  it('gives no direction in a chat whose title is the holder\'s own name: there the name cannot tell the two people apart', async () => {
    const result = await parse(exportWith(ROOT_PAGE, [chatMessage(7, 'Ann Holder', 'one'), chatMessage(8, 'Ann Holder', 'two')].join('\n'), 'Ann Holder'));
    expect(result.messages.map((message) => message.direction ?? null)).toEqual([null, null]);
    expect(result.outcome.details['accountHolder']).toMatch(/^not named: the chat's title is the name the export's personal information gives its holder \(Ann Holder\)/u);
  });
});
