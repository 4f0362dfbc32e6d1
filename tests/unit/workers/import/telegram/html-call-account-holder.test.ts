import { describe, expect, it } from 'vitest';
import { parseTelegramPage as parse, telegramCall as call, telegramMessage as message, telegramText as text } from '../../../../support/telegram-html-markup.ts';

/**
 * Regression: no message of a Telegram HTML export had a direction, though a page with a phone
 * call says who the account holder is. Telegram Desktop writes a call as a message from the
 * caller whose `media_call` block is titled with the person called (export_output_html.cpp,
 * prepareMediaData): "Outgoing"/"Cancelled" for the holder's calls, "Incoming"/"Missed"/
 * "Declined" for the other person's. In the real EmerickGrimm/Telegram-Chat-Export-Reader
 * sample.html, "Who" calls and the call is titled "Emerick Grimm", "Declined": Emerick Grimm,
 * the exporter, is the holder. The holder may write before the first call, so the page is read
 * for its calls first. Pages built here in that markup.
 */

describe('Telegram HTML: the account holder named by a phone call', () => {
  it('takes the title of an incoming call as the holder, for messages before the call too', async () => {
    const { messages, outcome } = await parse([message(1, 'Ion', text('salut')), message(2, 'Marta', text('hi')), message(3, 'Marta', call('Declined', 'Ion'))]);
    expect(messages.map((item) => [item.sender, item.direction])).toEqual([
      ['Ion', 'outgoing'],
      ['Marta', 'incoming'],
      ['Marta', 'incoming'],
    ]);
    expect(outcome.details['accountHolder']).toEqual({ name: 'Ion', evidence: 'the call at line 6 of ChatExport_2025-12-05/messages.html, "Declined": received by the person its title names, Ion' });
    // The call's class is found when the stream cuts it in two.
    const cut = await parse([message(1, 'Ion', text('salut')), message(3, 'Marta', call('Declined', 'Ion'))], 7);
    expect(cut.messages.map((item) => item.direction)).toEqual(['outgoing', 'incoming']);
  });

  it('takes the sender of an outgoing call as the holder, also when the call is joined to the message before', async () => {
    const { messages } = await parse([message(1, 'Marta', text('call me')), message(2, 'Ion', text('ok')), message(3, null, call('Outgoing (63 seconds)', 'Marta'))]);
    expect(messages.map((item) => item.direction)).toEqual(['incoming', 'outgoing', 'outgoing']);
  });

  it('names no holder when calls disagree or there is no call', async () => {
    const conflicting = await parse([message(1, 'Ion', call('Outgoing', 'Marta')), message(2, 'Marta', call('Outgoing', 'Ion'))]);
    expect(conflicting.messages.map((item) => item.direction ?? null)).toEqual([null, null]);
    expect(conflicting.outcome.details['accountHolder']).toBe(
      'not named: the calls and reactions name different people (Ion, by the call at line 4 of ChatExport_2025-12-05/messages.html, "Outgoing": placed by its sender, Ion; Marta, by the call at line 5 of ChatExport_2025-12-05/messages.html, "Outgoing": placed by its sender, Marta): directions are unknown',
    );
    const none = await parse([message(1, 'Ion', text('salut'))]);
    expect(none.messages[0]?.direction ?? null).toBeNull();
    expect(none.outcome.details['accountHolder']).toBe('not named by the page (no phone call, no reaction marked as the holder\'s): directions are unknown');
  });

  it('names no holder when both people of a call go by the same name', async () => {
    // Two people called "Alex": the other Alex's messages must not be shown as the holder's.
    const { messages, outcome } = await parse([message(1, 'Alex', text('who is this')), message(2, 'Alex', call('Outgoing', 'Alex'))]);
    expect(messages.map((item) => item.direction ?? null)).toEqual([null, null]);
    expect(outcome.details['accountHolder']).toMatch(/both named Alex/u);
  });
});
