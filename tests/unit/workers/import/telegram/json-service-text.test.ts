import { describe, expect, it } from 'vitest';
import type { ParsedMessage } from '../../../../../shared/contracts/parsed-source.ts';
import { telegramJsonParser } from '../../../../../workers/import/telegram/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * A service message has no text of its own: the importer writes one ("Actor: action (details)")
 * and that line is what an analyst reads and searches. Each action below is written with the
 * per-action fields tdesktop's JSON writer (export_output_json.cpp) gives it; the line must carry
 * every one of them, not only the few an older list of keys knew.
 */
async function parse(messages: unknown[]): Promise<ParsedMessage[]> {
  const json = JSON.stringify({ name: 'Jobs abroad', type: 'private_supergroup', id: 77, messages });
  return (await runParser(telegramJsonParser, inputFromText(json, { displayName: 'result.json' }))).messages;
}

const T0 = 1_700_000_000;
const service = (id: number, fields: Record<string, unknown>): Record<string, unknown> => ({
  id,
  type: 'service',
  date: '2023-11-14T22:13:20',
  date_unixtime: String(T0 + id),
  actor: 'Boss',
  actor_id: 'user5',
  ...fields,
  text: '',
  text_entities: [],
});

describe('Telegram JSON service messages: the generated line says what happened, with the values', () => {
  it.each([
    [{ action: 'topic_edit', new_title: 'Payments', new_icon_emoji_id: 5377498341074 }, 'Boss: topic_edit (new_title: Payments; new_icon_emoji_id: 5377498341074)'],
    [{ action: 'topic_edit', closed: true }, 'Boss: topic_edit (closed: true)'],
    [{ action: 'topic_edit', hidden: true }, 'Boss: topic_edit (hidden: true)'],
    [{ action: 'boost_apply', boosts: 4 }, 'Boss: boost_apply (boosts: 4)'],
    [
      { action: 'send_star_gift', gift_id: 5170145012310, stars: 15, is_limited: false, is_anonymous: true, gift_text: ['for the ', { type: 'bold', text: 'documents' }] },
      'Boss: send_star_gift (gift_id: 5170145012310; stars: 15; is_limited: false; is_anonymous: true; gift_text: for the documents)',
    ],
    [{ action: 'send_stars_gift', cost: '€4.99', amount_whole: 250, amount_nano: 0 }, 'Boss: send_stars_gift (cost: €4.99; amount_whole: 250; amount_nano: 0)'],
    [{ action: 'send_premium_gift', cost: '$3.99', days: 90 }, 'Boss: send_premium_gift (cost: $3.99; days: 90)'],
    [
      { action: 'gift_code_prize', gift_code: 'ABCD1234', boost_peer_id: 'channel88', days: 90, unclaimed: false, via_giveaway: true },
      'Boss: gift_code_prize (gift_code: ABCD1234; boost_peer_id: channel88; days: 90; unclaimed: false; via_giveaway: true)',
    ],
    [{ action: 'conference_call', duration_seconds: 300, is_active: false, is_missed: true }, 'Boss: conference_call (duration_seconds: 300; is_active: false; is_missed: true)'],
    [{ action: 'group_call_scheduled', schedule_date: 1700086400 }, 'Boss: group_call_scheduled (schedule_date: 1700086400)'],
    [{ action: 'requested_peer', button_id: 1, peers: [7001, 7002] }, 'Boss: requested_peer (button_id: 1; peers: 7001, 7002)'],
    [{ action: 'allow_sending_messages', reason_domain: 'jobs.example' }, 'Boss: allow_sending_messages (reason_domain: jobs.example)'],
    [{ action: 'send_passport_values', values: ['passport', 'phone_number'] }, 'Boss: send_passport_values (values: passport, phone_number)'],
    [
      { action: 'refunded_payment', amount: 500, currency: 'XTR', peer_name: 'Shop bot', peer_id: 'user900', charge_id: 'ch_1' },
      'Boss: refunded_payment (amount: 500; currency: XTR; peer_name: Shop bot; peer_id: user900; charge_id: ch_1)',
    ],
    [{ action: 'paid_messages_refund', messages_count: 3, stars_count: 30 }, 'Boss: paid_messages_refund (messages_count: 3; stars_count: 30)'],
    [{ action: 'suggest_birthday', day: 4, month: 7, year: 1990 }, 'Boss: suggest_birthday (day: 4; month: 7; year: 1990)'],
    [
      { action: 'proximity_reached', actor: undefined, actor_id: undefined, from: 'Recruiter', from_id: 'user7001', to: 'Owner', to_id: 'user42', distance: 50 },
      'proximity_reached (from: Recruiter; from_id: user7001; to: Owner; to_id: user42; distance: 50)',
    ],
  ])('%j', async (fields, expected) => {
    const [message] = await parse([service(1, fields)]);
    expect(message).toMatchObject({ kind: 'system', text: expected, extra: { textGenerated: true } });
  });

  it('leaves the photo of edit_group_photo to the attachment, not the line', async () => {
    const [message] = await parse([service(1, { action: 'edit_group_photo', photo: 'photos/photo_1@14-11-2023_22-13-20.jpg', photo_file_size: 52000, width: 640, height: 640 })]);
    expect(message?.text).toBe('Boss: edit_group_photo');
    expect(message?.attachments).toHaveLength(1);
  });

  it('says what data was sent to a web app (send_webview_data), which sits in the first of two "text" keys', async () => {
    const json = `{"name":"Shop bot","type":"bot_chat","id":900,"messages":[{"id":1,"type":"service","date_unixtime":"${T0}","action":"send_webview_data","text":"Order #5521 confirmed","text":"","text_entities":[]}]}`;
    const [message] = (await runParser(telegramJsonParser, inputFromText(json, { displayName: 'result.json' }))).messages;
    expect(message?.text).toBe('send_webview_data (text: Order #5521 confirmed)');
  });
});
