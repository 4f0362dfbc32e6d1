import { describe, expect, it } from 'vitest';
import { telegramHtmlParser } from '../../../../../workers/import/telegram/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Regression: newer Telegram Desktop writes a message's reactions as span.reactions, one
 * span.reaction each (span.emoji, span.userpics whose initials carry the reactor's name as their
 * title, span.count when the count says more; class active when the exporting account reacted,
 * paid for a star reaction, a custom emoji as a link to its file). A 2026 export excerpt showed
 * "🙏" by one person; the importer kept only "🙏Б" in extra.otherBlocks: who reacted was lost.
 * Pages built here in that markup.
 */

const FOLDER = 'ChatExport_2026-04-30';

function page(body: string): string {
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8"/><title>Exported Data</title></head><body><div class="page_wrap">',
    '<div class="page_header"><div class="content"><div class="text bold">Sofia</div></div></div>',
    '<div class="page_body chat_page"><div class="history">',
    body,
    '</div></div></div></body></html>',
  ].join('\n');
}

function message(id: number, from: string, inner: string): string {
  return `<div class="message default clearfix" id="message${id}"><div class="body"><div class="pull_right date details" title="29.04.2026 18:0${id}:00 UTC+03:00">18:0${id}</div><div class="from_name">${from}</div>${inner}</div></div>`;
}

function userpic(name: string, initials: string): string {
  return `<div class="userpic userpic4" style="width: 20px; height: 20px"><div class="initials" style="line-height: 20px" title="${name}">${initials}</div></div>`;
}

async function parse(html: string): Promise<Awaited<ReturnType<typeof runParser>>> {
  return runParser(telegramHtmlParser, inputFromText(html, { displayName: `${FOLDER}/messages.html` }));
}

describe('Telegram HTML: reactions', () => {
  it('reads who reacted with what, the count, the holder\'s own reaction, a paid and a custom-emoji reaction', async () => {
    const reactions = [
      '<span class="reactions">',
      `<span class="reaction active"><span class="emoji">🙏</span><span class="userpics">${userpic('Andrii &amp; Co', 'AC')}${userpic('Sofia', 'S')}</span><span class="count">5</span></span>`,
      '<span class="reaction paid"><span class="emoji">⭐</span><span class="count">2</span></span>',
      '<span class="reaction"><span class="emoji"><a href = "stickers/sticker_7.webp">👋</a></span><span class="userpics">' + userpic('Sofia', 'S') + '</span></span>',
      '</span>',
    ].join('\n');
    const { messages } = await parse(page(message(1, 'Andrii', `<div class="text">квиток куплено</div>${reactions}`)));
    expect(messages[0]?.text).toBe('квиток куплено');
    expect(messages[0]?.extra?.['reactions']).toEqual([
      { type: 'emoji', emoji: '🙏', count: 5, recent: [{ from: 'Andrii & Co' }, { from: 'Sofia' }], byAccountHolder: true },
      { type: 'paid', emoji: '⭐', count: 2, recent: [] },
      { type: 'custom_emoji', emoji: '👋', document_id: 'stickers/sticker_7.webp', count: 1, recent: [{ from: 'Sofia' }] },
    ]);
    expect(messages[0]?.extra?.['otherBlocks']).toBeUndefined();
  });

  it('keeps a reactions block of another layout (no span.emoji) as an unread block, in words', async () => {
    const { messages } = await parse(page(message(2, 'Sofia', '<div class="text">ok</div><div class="reactions"><span class="reaction">👍 2</span></div>')));
    expect(messages[0]?.extra?.['reactions']).toBeUndefined();
    expect(messages[0]?.extra?.['otherBlocks']).toEqual([{ class: 'reactions', text: '👍 2' }]);
  });

  it('names the account holder from a reaction marked as the holder\'s with one reactor, and gives every message its direction', async () => {
    const own = `<span class="reactions"><span class="reaction active"><span class="emoji">🙏</span><span class="userpics">${userpic('Andrii', 'A')}</span></span></span>`;
    const other = `<span class="reactions"><span class="reaction"><span class="emoji">👍</span><span class="userpics">${userpic('Sofia', 'S')}</span></span></span>`;
    const html = page([message(1, 'Andrii', '<div class="text">де ти?</div>'), message(2, 'Sofia', `<div class="text">в дорозі</div>${own}`), message(3, 'Andrii', `<div class="text">ок</div>${other}`)].join('\n'));
    const { messages, outcome } = await parse(html);
    expect(messages.map((item) => [item.sender, item.direction])).toEqual([
      ['Andrii', 'outgoing'],
      ['Sofia', 'incoming'],
      ['Andrii', 'outgoing'],
    ]);
    expect(outcome.details['accountHolder']).toEqual({ name: 'Andrii', evidence: "the reaction at line 5 of ChatExport_2026-04-30/messages.html: marked as the exporting account's (class active), its one reactor Andrii" });
  });

  it('names no holder when a holder\'s reaction shows several reactors, or disagrees with a call', async () => {
    const shared = `<span class="reactions"><span class="reaction active"><span class="emoji">❤</span><span class="userpics">${userpic('Andrii', 'A')}${userpic('Sofia', 'S')}</span></span></span>`;
    const several = await parse(page(message(1, 'Sofia', `<div class="text">так</div>${shared}`)));
    expect(several.messages[0]?.direction ?? null).toBeNull();
    const own = `<span class="reactions"><span class="reaction active"><span class="emoji">🙏</span><span class="userpics">${userpic('Sofia', 'S')}</span></span></span>`;
    const call = '<div class="media_wrap clearfix"><div class="media clearfix pull_left media_call"><div class="body"><div class="title bold">Sofia</div><div class="status details">Outgoing (20 seconds)</div></div></div></div>';
    const disagreeing = await parse(page([message(1, 'Andrii', call), message(2, 'Andrii', `<div class="text">ok</div>${own}`)].join('\n')));
    expect(disagreeing.messages.map((item) => item.direction ?? null)).toEqual([null, null]);
    expect(disagreeing.outcome.details['accountHolder']).toBe(
      'not named: the calls and reactions name different people (Andrii, by the call at line 4 of ChatExport_2026-04-30/messages.html, "Outgoing (20 seconds)": placed by its sender, Andrii; Sofia, by the reaction at line 5 of ChatExport_2026-04-30/messages.html: marked as the exporting account\'s (class active), its one reactor Sofia): directions are unknown',
    );
  });
});
