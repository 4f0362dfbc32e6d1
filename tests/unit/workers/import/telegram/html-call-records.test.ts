import { describe, expect, it } from 'vitest';
import { parseTelegramPage as parse, telegramCall as call, telegramMessage as message } from '../../../../support/telegram-html-markup.ts';

/**
 * Regression: a Telegram HTML phone call was stored as an empty message (kind 'message', no
 * text, the block only in extra.media), where every other importer writes a call record. Telegram
 * Desktop writes a call as a message from the caller with one `media_call` block: title = the
 * person called, status = "Outgoing"/"Cancelled" (the holder called) or "Incoming"/"Missed"/
 * "Declined", plus " (N seconds)" when it lasted (export_output_html.cpp, prepareMediaData).
 * Pages built here in that markup.
 */

describe('Telegram HTML: a phone call is a call record', () => {
  it('is kind system with recordType call, the caller as sender, a generated text, and the block kept', async () => {
    const { messages } = await parse([message(1, 'Ion', call('Outgoing (63 seconds)', 'Marta'))]);
    expect(messages[0]).toMatchObject({
      kind: 'system',
      sender: 'Ion',
      text: 'Phone call from Ion to Marta: Outgoing (63 seconds)',
      extra: {
        recordType: 'call',
        outcome: 'answered',
        durationSeconds: 63,
        textGenerated: true,
        media: [{ class: 'media clearfix pull_left media_call success', title: 'Marta', status: 'Outgoing (63 seconds)' }],
        messageId: '1',
      },
    });
  });

  it('takes the outcome only from what the status says', async () => {
    const statuses = ['Outgoing', 'Incoming', 'Incoming (5 seconds)', 'Missed', 'Cancelled', 'Declined'];
    const { messages } = await parse(statuses.map((status, index) => message(index + 1, 'Ion', call(status, 'Marta'))));
    expect(messages.map((item) => [item.extra?.['outcome'], item.extra?.['durationSeconds']])).toEqual([
      ['unknown', null],
      ['unknown', null],
      ['answered', 5],
      ['missed', null],
      ['cancelled', null],
      ['rejected', null],
    ]);
  });

  it('takes the sender of a joined call from the message before, as the page draws it', async () => {
    const { messages } = await parse([message(1, 'Marta', '<div class="text">call me</div>'), message(2, null, call('Missed', 'Ion'))]);
    expect(messages[1]).toMatchObject({ kind: 'system', sender: 'Marta', text: 'Phone call from Marta to Ion: Missed', extra: { joined: true, outcome: 'missed' } });
  });

  it('gives a call the direction of its caller once the calls name the holder', async () => {
    const { messages, outcome } = await parse([message(1, 'Marta', '<div class="text">hi</div>'), message(2, 'Ion', call('Outgoing (9 seconds)', 'Marta')), message(3, 'Marta', call('Missed', 'Ion'))]);
    expect(outcome.details['accountHolder']).toMatchObject({ name: 'Ion' });
    expect(messages.map((item) => [item.kind, item.direction])).toEqual([
      ['message', 'incoming'],
      ['system', 'outgoing'],
      ['system', 'incoming'],
    ]);
  });

  it('still reads a chat whose call text would read as a group line as private', async () => {
    // The generated text is no service line of the page: "… invited …" in a name says nothing of groups.
    const { outcome } = await parse([message(1, 'Ion', call('Outgoing', 'Dan invited'))]);
    expect(outcome.details).toMatchObject({ chatKind: 'private' });
  });

  it('leaves a call block beside written words a message, with its words', async () => {
    const { messages } = await parse([message(1, 'Ion', `${call('Outgoing', 'Marta')}<div class="text">see you</div>`)]);
    expect(messages[0]).toMatchObject({ kind: 'message', text: 'see you' });
    expect(messages[0]?.extra?.['recordType']).toBeUndefined();
  });
});
