import { describe, expect, it } from 'vitest';
import { parseTelegramPage, telegramMessage, telegramText } from '../../../../support/telegram-html-markup.ts';

/**
 * Regression: a shared contact, location or place is drawn as a media block with no text of the
 * sender's (export_output_html.cpp prepareMediaData + pushGenericMedia: media_contact titled with
 * the names, the phone as status, " - vCard" when a card is linked; media_location "Location" and
 * media_live_location "Live location" with "latitude, longitude"; media_venue with the place's
 * name, its address as description, a maps link holding q=<latitude>,<longitude>). The number or
 * place shared was in extra.media only; it is written out as the JSON side writes it.
 */
function media(link: string | null, classes: string, title: string, status: string, description = ''): string {
  const open = link === null ? `<div class="media clearfix pull_left ${classes}">` : `<a class="media clearfix pull_left block_link ${classes}" href="${link}">`;
  const close = link === null ? '</div>' : '</a>';
  const parts = [`<div class="title bold">\n${title}\n</div>`, description === '' ? '' : `<div class="description">\n${description}\n</div>`, status === '' ? '' : `<div class="status details">\n${status}\n</div>`];
  return `<div class="media_wrap clearfix">\n${open}\n<div class="fill pull_left">\n</div>\n<div class="body">\n${parts.join('\n')}\n</div>\n${close}\n</div>`;
}

const MAP = 'https://maps.google.com/maps?q=45.1,28.2&amp;ll=45.1,28.2&amp;z=16';

describe('Telegram HTML shared contacts, locations and places as text', () => {
  it('writes out the contact, the location, the live location and the place, marked generated', async () => {
    const result = await parseTelegramPage([
      telegramMessage(1, 'Vlad', media('contacts/contact_1.vcf', 'media_contact', 'Marta ', '+40 721 000 111 - vCard')),
      telegramMessage(2, 'Vlad', media(MAP, 'media_location', 'Location', '45.1, 28.2')),
      telegramMessage(3, 'Vlad', media(MAP, 'media_live_location', 'Live location', '45.1, 28.2')),
      telegramMessage(4, 'Vlad', media(MAP, 'media_venue', 'Hotel Nord', '', 'Str. Gării 4')),
    ]);
    expect(result.messages.map((message) => message.text)).toEqual(['Contact: Marta, +40 721 000 111', 'Location: 45.1, 28.2', 'Live location: 45.1, 28.2', 'Place: Hotel Nord, Str. Gării 4 (45.1, 28.2)']);
    expect(result.messages.every((message) => message.extra?.['textGenerated'] === true)).toBe(true);
  });

  it('keeps the sender\'s caption as the text', async () => {
    const result = await parseTelegramPage([telegramMessage(5, 'Vlad', `${media(MAP, 'media_location', 'Location', '45.1, 28.2')}\n${telegramText('come here')}`)]);
    expect(result.messages[0]?.text).toBe('come here');
    expect(result.messages[0]?.extra?.['textGenerated']).toBeUndefined();
  });
});
