import { describe, expect, it } from 'vitest';
import { parseTelegramPage, telegramMessage, telegramText } from '../../../../support/telegram-html-markup.ts';

/**
 * A rich message as Telegram Desktop's HTML writer lays it out (export_output_html.cpp,
 * RichHtmlRenderer): `div.text.rich_message` holds block elements (p, ul/li, blockquote, pre...)
 * written by HtmlContext::pushTag, which puts a newline and the nesting's indentation before and
 * after every tag not marked inline; the sender's own line breaks are `<br>` (SerializeString).
 */
function block(depth: number, tag: string, attributes: string, inner: string): string {
  const indent = ' '.repeat(depth);
  return `\n${indent}<${tag}${attributes}>\n${inner}\n${indent}</${tag}>\n`;
}

function richMessage(inner: string): string {
  return `<div class="text rich_message" data-rich-message="1" data-rich-part="false" dir="auto">${inner}</div>`;
}

const paragraph = (depth: number, words: string): string => block(depth, 'p', ' class="rich_block rich_paragraph" data-rich-kind="paragraph" dir="auto"', words);
const listItem = (depth: number, words: string): string =>
  block(depth, 'li', ' class="rich_list_item" data-rich-content="text"', `<span class="rich_list_content">${words}</span>`);

describe('Telegram HTML rich message: block boundaries are line breaks (export_output_html.cpp RichHtmlRenderer)', () => {
  it('reads paragraphs, list items, a quote and a code block each on its own line, never joined with a space', async () => {
    const rich = richMessage(
      [
        paragraph(7, 'Meet at the station'),
        paragraph(7, 'Bring the passports<br>all three'),
        block(7, 'ul', ' class="rich_block rich_list" data-rich-kind="list"', [listItem(8, 'first item'), listItem(8, 'second item')].join('')),
        block(7, 'blockquote', ' class="rich_block rich_quote" data-rich-kind="quote"', block(8, 'div', ' class="rich_quote_body"', 'quoted words')),
        '<pre class="rich_block rich_code" data-rich-kind="code" dir="auto"><code class="rich_code_content">code line</code></pre>',
        paragraph(7, 'Last <strong>bold</strong> words'),
      ].join(''),
    );
    const result = await parseTelegramPage([telegramMessage(1, 'Marta', rich)]);
    expect(result.messages[0]?.text).toBe('Meet at the station\nBring the passports\nall three\nfirst item\nsecond item\nquoted words\ncode line\nLast bold words');
  });

  it('keeps an ordinary message as its characters: the line breaks around a quote are the sender\'s <br>, none is added', async () => {
    const result = await parseTelegramPage([telegramMessage(1, 'Marta', telegramText('Hello<br><blockquote>quoted</blockquote><br>after <pre>x = 1</pre>'))]);
    expect(result.messages[0]?.text).toBe('Hello\nquoted\nafter x = 1');
  });

  it('leaves a media block of a rich message out of its text: the file is an attachment and its block\'s words are the writer\'s, kept in extra.media', async () => {
    // renderPhoto: a figure holding pushPhotoMedia's media_wrap, then the caption (figcaption).
    const media = '\n<div class="media_wrap clearfix">\n<a class="photo_wrap clearfix pull_left" href="photos/photo_1@01-02-2026_10-00-00.jpg">\n<img class="photo" src="photos/photo_1@01-02-2026_10-00-00_thumb.jpg" style="width: 260px; height: 195px"/>\n</a>\n</div>\n';
    const generic = '\n<div class="media_wrap clearfix">\n<div class="media clearfix pull_left media_location">\n<div class="fill pull_left">\n</div>\n<div class="body">\n<div class="title bold">\nLocation\n</div>\n<div class="status details">\n45.1, 28.2\n</div>\n</div>\n</div>\n</div>\n';
    const caption = block(8, 'figcaption', ' class="rich_media_caption" dir="auto"', block(9, 'div', ' class="rich_caption_text"', 'The room'));
    const rich = richMessage(
      [
        paragraph(7, 'See the place'),
        block(7, 'figure', ' class="rich_block rich_media_item" data-rich-kind="photo"', media + caption),
        block(7, 'figure', ' class="rich_block rich_reference_block" data-rich-kind="map"', generic),
      ].join(''),
    );
    const result = await parseTelegramPage([telegramMessage(1, 'Marta', rich)]);
    const [message] = result.messages;
    expect(message?.text).toBe('See the place\nThe room');
    // The photo once (not again as a custom emoji: its link is in the text div), and the map's place.
    expect(message?.attachments.map((attachment) => [attachment.mediaType, attachment.fileName])).toEqual([
      ['image', 'photo_1@01-02-2026_10-00-00.jpg'],
      ['location', undefined],
    ]);
    expect(message?.extra?.['textEntityFacts']).toBeUndefined();
    expect(message?.extra?.['media']).toEqual(expect.arrayContaining([expect.objectContaining({ class: 'media clearfix pull_left media_location', title: 'Location', status: '45.1, 28.2' })]));
  });

  it('keeps the exporter\'s fallback labels out of the person\'s words and beside them as facts (renderFallback, renderText)', async () => {
    // renderFallback: a block div with the label; renderText: inline spans, and a diff's earlier words after "Previous: ".
    const fallback = block(7, 'div', ' class="rich_block rich_fallback" data-rich-kind="unsupported"', 'Unsupported rich content');
    const inlineImage = '<span class="rich_inline_fallback" data-document-id="77" data-rich-kind="inline-image" data-source-height="20" data-source-width="20">Inline image</span>';
    const unsupportedText = '<span class="rich_inline_fallback" data-rich-kind="unsupported-text">Unsupported rich text</span>';
    const diff = '<span class="rich_diff" data-rich-kind="diff">meet at 9<del class="rich_diff_previous">Previous: meet at 8</del></span>';
    const rich = richMessage([paragraph(7, `Price ${inlineImage} 200`), fallback, paragraph(7, `${unsupportedText}Time: ${diff}`)].join(''));
    const result = await parseTelegramPage([telegramMessage(1, 'Marta', rich)]);
    const [message] = result.messages;
    expect(message?.text).toBe('Price  200\nTime: meet at 9');
    expect(message?.extra?.['richExporterLabels']).toEqual([
      { kind: 'inline-image', label: 'Inline image', documentId: '77' },
      { kind: 'unsupported', label: 'Unsupported rich content' },
      { kind: 'unsupported-text', label: 'Unsupported rich text' },
      { kind: 'diff-previous', label: 'Previous:', previousText: 'meet at 8' },
    ]);
  });
});
