import { describe, expect, it } from 'vitest';
import { telegramJsonParser } from '../../../../../workers/import/telegram/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Regression: a phone_call whose direction the export does not establish (no personal_information,
 * a chat whose id names no single peer) and whose discard_reason is "missed" was recorded with the
 * outcome 'missed', the word call logs give a call the holder received and did not take; the HTML
 * writer says "Missed" only for the other person's call and "Cancelled" for the holder's
 * (export_output_html.cpp, prepareMediaData). Which side missed it is not in the export: the
 * outcome is 'not connected' (nobody took the call), and the reason stays as written.
 */
describe('Telegram JSON: a missed call of unknown direction claims no side', () => {
  it('records a missed call with no direction as not connected, keeping discard_reason', async () => {
    const json = JSON.stringify({
      name: 'Crew',
      type: 'private_group',
      id: 77,
      messages: [{ id: 1, type: 'service', date: '2023-08-11T05:11:02', date_unixtime: '1691719862', actor: 'Alice', actor_id: 'user300', action: 'phone_call', discard_reason: 'missed', text: '', text_entities: [] }],
    });
    const [record] = (await runParser(telegramJsonParser, inputFromText(json, { displayName: 'result.json' }))).messages;
    expect(record?.direction).toBeNull();
    expect(record?.extra).toMatchObject({ recordType: 'call', outcome: 'not connected', discard_reason: 'missed' });
  });
});
