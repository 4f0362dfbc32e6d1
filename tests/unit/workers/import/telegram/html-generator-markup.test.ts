import { describe, expect, it } from 'vitest';
import type { ParsedMessage } from '../../../../../shared/contracts/parsed-source.ts';
import { telegramHtmlParser } from '../../../../../workers/import/telegram/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Markup exactly as Telegram Desktop's HTML writer (export_output_html.cpp) produces it, where it
 * differs from a hand-written page: " via @bot" is plain text inside from_name (no span), and a
 * poll is a `div.media_poll` of question, answers and total, with no title/status/description.
 */

function page(body: string): string {
  return [
    '<!DOCTYPE html><html><head><meta charset="utf-8"/><title>Exported Data</title></head><body><div class="page_wrap">',
    '<div class="page_header"><div class="content"><div class="text bold">\nJobs\n</div></div></div>',
    '<div class="page_body chat_page"><div class="history">',
    body,
    '</div></div></div></body></html>',
  ].join('\n');
}

function message(id: number, inner: string, joined = false): string {
  return `<div class="message default clearfix${joined ? ' joined' : ''}" id="message${id}">\n<div class="body">\n<div class="pull_right date details" title="12.01.2023 10:11:12 UTC+02:00">\n10:11\n</div>\n${inner}\n</div>\n</div>`;
}

async function parse(body: string): Promise<ParsedMessage[]> {
  const result = await runParser(telegramHtmlParser, inputFromText(page(body), { displayName: 'ChatExport/messages.html' }));
  return result.messages;
}

describe('Telegram HTML (FORMATS.md §2.3): markup as the exporter writes it', () => {
  it('keeps " via @bot" written as plain text in from_name out of the sender, also for the joined message after it', async () => {
    const [first, joined, forwarded] = await parse(
      [
        message(1, '<div class="from_name">\nVlad via @jobs_bot\n</div>\n<div class="text">\nOffer\n</div>'),
        message(2, '<div class="text">\nsecond\n</div>', true),
        message(
          3,
          '<div class="from_name">\nAnn\n</div>\n<div class="pull_left forwarded userpic_wrap"></div>\n<div class="forwarded body">\n<div class="from_name">\nAgency X via @jobs_bot<span class="date details" title="11.01.2023 09:00:00 UTC+02:00"> 11.01.2023 09:00:00</span>\n</div>\n<div class="text">\nfwd\n</div>\n</div>',
        ),
      ].join('\n'),
    );
    expect(first?.sender).toBe('Vlad');
    expect(first?.extra?.['fromNameDetails']).toBe('via @jobs_bot');
    expect(joined?.sender).toBe('Vlad');
    expect(forwarded?.extra).toMatchObject({ forwardedFrom: 'Agency X', forwardedVia: 'via @jobs_bot' });
  });

  it('keeps the question, the answers and the total of a poll', async () => {
    const [poll] = await parse(
      message(
        1,
        [
          '<div class="from_name">\nAnn\n</div>',
          '<div class="media_wrap clearfix">',
          '<div class="media_poll">',
          '<div class="question bold">\nWhere do we meet?\n</div>',
          '<div class="details">\nAnonymous poll\n</div>',
          '<div class="answer">\n- Station <span class="details">2 votes, chosen vote</span>\n</div>',
          '<div class="answer">\n- Airport\n</div>',
          '<div class="total details\t">\n2 votes\n</div>',
          '</div>',
          '</div>',
        ].join('\n'),
      ),
    );
    expect(poll?.attachments).toEqual([]);
    // The poll's words are its only content: they are its text (generated), so a search finds them.
    expect(poll?.text).toBe('Poll: Where do we meet?\n- Station 2 votes, chosen vote\n- Airport');
    expect(poll?.extra?.['textGenerated']).toBe(true);
    expect(poll?.extra?.['media']).toEqual([
      { class: 'media_poll', question: 'Where do we meet?', details: 'Anonymous poll', answers: ['- Station 2 votes, chosen vote', '- Airport'], total: '2 votes' },
    ]);
  });

  it('adds a link target to the text only when it is hidden: not for mentions, phones, e-mails or custom emoji files', async () => {
    const [first] = await parse(
      message(
        1,
        [
          '<div class="from_name">\nVlad\n</div>',
          '<div class="text">',
          'Ask <a href="https://t.me/alice">@alice</a> or <a href="" onclick="return ShowMentionName()">Bob</a>: <a href="tel:+4912345">+4912345</a>, <a href="mailto:a@b.c">a@b.c</a> <a href = "stickers/sticker (2).webp">👍</a> <a href="https://pay.example.invalid">here</a> <a href="https://t.me/other">@alice</a>',
          '</div>',
        ].join('\n'),
      ),
    );
    expect(first?.text).toBe('Ask @alice or Bob: +4912345, a@b.c 👍 here (https://pay.example.invalid) @alice (https://t.me/other)');
  });

  it('links the new group photo of a service message and keeps the message a pin points at', async () => {
    const [photo, pin] = await parse(
      [
        '<div class="message service" id="message7">\n<div class="body details">\nVlad changed group photo\n</div>\n<div class="userpic_wrap">\n<a class="userpic_link" href="photos/photo_3@12-01-2023_10-11-12.jpg">\n<img class="userpic" src="photos/photo_3@12-01-2023_10-11-12_thumb.jpg" style="width: 60px; height: 60px"/>\n</a>\n</div>\n</div>',
        '<div class="message service" id="message8">\n<div class="body details">\nVlad pinned <a href="#go_to_message5" onclick="return GoToMessage(5)">this message</a>\n</div>\n</div>',
      ].join('\n'),
    );
    expect(photo).toMatchObject({ kind: 'system', text: 'Vlad changed group photo', attachments: [{ kind: 'attached', mediaType: 'image', path: 'photos/photo_3@12-01-2023_10-11-12.jpg', fileName: 'photo_3@12-01-2023_10-11-12.jpg' }] });
    expect(pin).toMatchObject({ kind: 'system', text: 'Vlad pinned this message', extra: { replyToMessageId: '5' } });
  });

  it('gives each message of a forwarded batch the original author, which the exporter shows only on the first', async () => {
    const forwardedBody = (author: string) =>
      `<div class="pull_left forwarded userpic_wrap"></div>\n<div class="forwarded body">\n${author}<div class="text">\npost\n</div>\n</div>`;
    const [first, second, third] = await parse(
      [
        message(1, `<div class="from_name">\nAnn\n</div>\n${forwardedBody('<div class="from_name">\nAgency X<span class="date details" title="11.01.2023 09:00:00 UTC+02:00"> 11.01.2023 09:00:00</span>\n</div>\n')}`),
        message(2, '<div class="forwarded body">\n<div class="text">\nsecond post\n</div>\n</div>', true),
        message(3, '<div class="text">\nown words\n</div>', true),
      ].join('\n'),
    );
    expect(first?.extra?.['forwardedFrom']).toBe('Agency X');
    expect(second?.extra).toMatchObject({ joined: true, forwardedFrom: 'Agency X', forwardedFromJoined: true });
    expect(second?.text).toBe('second post');
    expect(third?.extra?.['forwardedFrom']).toBeUndefined();
  });

  it('reads the reply, bot buttons and signature of a forwarded message, which the exporter writes inside the forwarded body', async () => {
    // pushMessage opens "forwarded body" before reply_to, the text, the buttons and the signature,
    // and closes it after them.
    const buttons = '<table class="bot_buttons_table"><tbody><tr><td class="bot_button_row"><div class="bot_button"><a href="https://pay.example/x"><div>Pay now</div></a></div></td></tr></tbody></table>';
    const [forwarded] = await parse(
      message(
        1,
        `<div class="from_name">\nAnn\n</div>\n<div class="pull_left forwarded userpic_wrap"></div>\n<div class="forwarded body">\n<div class="from_name">\nNews<span class="date details" title="11.01.2023 09:00:00 UTC+02:00"> 11.01.2023 09:00:00</span>\n</div>\n<div class="reply_to details">\nIn reply to <a href="#go_to_message5" onclick="return GoToMessage(5)">this message</a>\n</div>\n<div class="text">\npost\n</div>\n${buttons}\n<div class="signature details">\nEditor Ivan\n</div>\n</div>`,
      ),
    );
    expect(forwarded?.text).toBe('post');
    expect(forwarded?.extra).toMatchObject({
      forwardedFrom: 'News',
      replyToMessageId: '5',
      signature: 'Editor Ivan',
      inline_bot_buttons: [[{ type: 'url', text: 'Pay now', data: 'https://pay.example/x' }]],
    });
    expect(forwarded?.extra?.['otherBlocks']).toBeUndefined();
  });

  it('regression: keeps each bot button with its URL or callback data, under the JSON export’s inline_bot_buttons', async () => {
    // pushTag writes a button without a URL as <a ="" onclick=...>: the empty href pair keeps a nameless attribute.
    const button = (link: string, label: string) => `<div class="bot_button">\n<a ${link}>\n<div>\n${label}\n</div>\n</a>\n</div>`;
    const table = [
      '<table class="bot_buttons_table">\n<tbody>\n<tr>\n<td class="bot_button_row">',
      button('="" href="https://a.example/pay?x=1&amp;y=2"', 'Go'),
      '<div class="bot_button_column_separator">\n</div>',
      button('="" onclick="return ShowTextCopied(&apos;Data: x\\\\y | Type: callback&apos;);"', 'It&apos;s'),
      '</td>\n</tr>\n<tr>\n<td class="bot_button_row">',
      button('="" onclick="return ShowTextCopied(&apos;Data: https://auth.example | Forward text: fwd | Type: auth&apos;);"', 'Log in'),
      '<div class="bot_button_column_separator">\n</div>',
      button('="" onclick="return ShowTextCopied(&apos;Type: request_phone&apos;);"', 'Share phone'),
      '</td>\n</tr>\n</tbody>\n</table>',
    ].join('\n');
    const [first] = await parse(message(1, `<div class="from_name">\nShop bot\n</div>\n<div class="text">\nChoose\n</div>\n${table}`));
    expect(first?.text).toBe('Choose');
    expect(first?.extra?.['inline_bot_buttons']).toEqual([
      [
        { type: 'url', text: 'Go', data: 'https://a.example/pay?x=1&y=2' },
        { type: 'callback', text: "It's", data: 'x\\y' },
      ],
      [
        { type: 'auth', text: 'Log in', data: 'https://auth.example', forward_text: 'fwd' },
        { type: 'request_phone', text: 'Share phone' },
      ],
    ]);
  });

  it('regression: keeps the file of each custom emoji (as written, and as a sticker attachment) under the JSON export’s textEntityFacts', async () => {
    const [first, forwarded] = await parse(
      [
        message(1, '<div class="from_name">\nVlad\n</div>\n<div class="text">\nPaid <a href = "stickers/sticker (2).webp">💶</a><a href = "stickers/sticker (2).webp">💶</a> <a href="" onclick="return ShowNotLoadedEmoji();">🙂</a> <a href = "../../etc/passwd">👀</a>\n</div>'),
        message(2, '<div class="forwarded body">\n<div class="from_name">\nNews<span class="date details" title="11.01.2023 09:00:00 UTC+02:00"> 11.01.2023 09:00:00</span>\n</div>\n<div class="text">\n<a href = "stickers/AnimatedSticker.tgs">🔥</a>\n</div>\n</div>', true),
      ].join('\n'),
    );
    expect(first?.text).toBe('Paid 💶💶 🙂 👀');
    expect(first?.extra?.['textEntityFacts']).toEqual([
      { type: 'custom_emoji', text: '💶', document_id: 'stickers/sticker (2).webp' },
      { type: 'custom_emoji', text: '💶', document_id: 'stickers/sticker (2).webp' },
      { type: 'custom_emoji', text: '👀', document_id: '../../etc/passwd' },
    ]);
    // One attachment per file; a path out of the export is kept as written but never linked.
    expect(first?.attachments).toEqual([{ kind: 'attached', mediaType: 'sticker', path: 'stickers/sticker (2).webp', fileName: 'sticker (2).webp' }]);
    expect(forwarded?.extra?.['textEntityFacts']).toEqual([{ type: 'custom_emoji', text: '🔥', document_id: 'stickers/AnimatedSticker.tgs' }]);
    expect(forwarded?.attachments).toEqual([{ kind: 'attached', mediaType: 'sticker', path: 'stickers/AnimatedSticker.tgs', fileName: 'AnimatedSticker.tgs' }]);
  });

  it('keeps the spaces a message has beside its line breaks: the indentation of code, a line that ends in a space', async () => {
    // SerializeString writes each "\n" of the text as <br>; the spaces around it are the sender's.
    const [code, spaced] = await parse(
      [
        message(1, '<div class="from_name">\nAnn\n</div>\n<div class="text">\n<pre>def pay(to):<br>    send(to, 500)<br>        # cash</pre>\n</div>'),
        message(2, '<div class="text">\nIBAN: <br>  RO49 AAAA 1B31 <br> end\n</div>', true),
      ].join('\n'),
    );
    expect(code?.text).toBe('def pay(to):\n    send(to, 500)\n        # cash');
    expect(spaced?.text).toBe('IBAN: \n  RO49 AAAA 1B31 \n end');
  });

  it('keeps what a giveaway announces (prizes, participants, date), which it writes as sections, and invents no missing file for it', async () => {
    const [giveaway] = await parse(
      message(
        1,
        [
          '<div class="from_name">\nCrypto Signals\n</div>',
          '<div class="media_wrap clearfix">',
          '<div class="media_giveaway">',
          '<div class="section_title bold">\nGiveaway Prizes\n</div>',
          '<div class="section_body">\n<b>3</b> Telegram Premium Subscriptions for <b>6</b> months.\n</div>',
          '<div class="section_title bold">\nParticipants\n</div>',
          '<div class="section_body">\nAll subscribers of the channel: <b>Crypto Signals</b>\n</div>',
          '<div class="section_title bold">\nWinners Selection Date\n</div>',
          '<div class="section_body">\n01.02.2024 12:00:00\n</div>',
          '</div>',
          '</div>',
        ].join('\n'),
      ),
    );
    expect(giveaway?.attachments).toEqual([]);
    expect(giveaway?.extra?.['media']).toEqual([
      {
        class: 'media_giveaway',
        sections: [
          'Giveaway Prizes: 3 Telegram Premium Subscriptions for 6 months.',
          'Participants: All subscribers of the channel: Crypto Signals',
          'Winners Selection Date: 01.02.2024 12:00:00',
        ],
      },
    ]);
  });

  it('regression: keeps the date out of the original author of a forward written by an older Telegram Desktop (span.details, no title)', async () => {
    // export_output_html.cpp before the date titles gained "UTC±hh:mm" wrote the original's date
    // as <span class="details"> dd.MM.yyyy hh:mm:ss</span> after the name: it was read as part of it.
    const [forwarded] = await parse(
      message(1, '<div class="from_name">\nAnn\n</div>\n<div class="pull_left forwarded userpic_wrap"></div>\n<div class="forwarded body">\n<div class="from_name">\nAgency X via @jobs_bot<span class="details"> 11.01.2021 09:00:00</span>\n</div>\n<div class="text">\nfwd\n</div>\n</div>'),
    );
    expect(forwarded?.extra).toMatchObject({ forwardedFrom: 'Agency X', forwardedVia: 'via @jobs_bot', forwardedDate: '11.01.2021 09:00:00' });
  });
});
