import { describe, expect, it } from 'vitest';
import type { ParsedMessage } from '../../../../../shared/contracts/parsed-source.ts';
import { telegramJsonParser } from '../../../../../workers/import/telegram/index.ts';
import { inputFromText, runParser } from '../../../../support/parser-harness.ts';

/**
 * Regression: a shared contact, location, live location or place is written with an empty
 * `text` and its content in fields (export_output_json.cpp SerializeMessage: SharedContact →
 * contact_information{first_name,last_name,phone_number}; GeoPoint → location_information
 * {latitude,longitude} + live_location_period_seconds; Venue → place_name, address,
 * location_information). The number or place shared was in no searchable field.
 */
async function parse(messages: unknown[]): Promise<ParsedMessage[]> {
  const json = JSON.stringify({ name: 'Vlad', type: 'personal_chat', id: 41, messages }, null, 1);
  return (await runParser(telegramJsonParser, inputFromText(json, { displayName: 'result.json' }))).messages;
}

const base = (id: number): Record<string, unknown> => ({ id, type: 'message', date: '2026-05-02T10:00:00', date_unixtime: String(1777708800 + id), from: 'Vlad', from_id: 'user41', text: '', text_entities: [] });

describe('Telegram JSON shared contacts, locations and places as text', () => {
  it('writes out the contact, the location, the live location and the place, marked generated, the fields kept in extra', async () => {
    const messages = await parse([
      { ...base(1), contact_information: { first_name: 'Marta', last_name: '', phone_number: '+40 721 000 111' }, contact_vcard: 'contacts/contact_1.vcf' },
      { ...base(2), location_information: { latitude: 45.1, longitude: 28.2 } },
      { ...base(3), location_information: { latitude: 45.1, longitude: 28.2 }, live_location_period_seconds: 900 },
      { ...base(4), place_name: 'Hotel Nord', address: 'Str. Gării 4', location_information: { latitude: 45.1, longitude: 28.2 } },
    ]);
    expect(messages.map((message) => message.text)).toEqual([
      'Contact: Marta, +40 721 000 111',
      'Location: 45.1, 28.2',
      'Live location: 45.1, 28.2 (shared for 900 seconds)',
      'Place: Hotel Nord, Str. Gării 4 (45.1, 28.2)',
    ]);
    expect(messages.every((message) => message.extra?.['textGenerated'] === true)).toBe(true);
    expect(messages[0]?.extra?.['contact_information']).toEqual({ first_name: 'Marta', last_name: '', phone_number: '+40 721 000 111' });
  });

  it('keeps a caption the sender wrote, and generates nothing from a location the exporter wrote as null', async () => {
    const messages = await parse([
      { ...base(5), text: 'here', location_information: { latitude: 45.1, longitude: 28.2 } },
      { ...base(6), location_information: null },
    ]);
    expect(messages.map((message) => message.text)).toEqual(['here', '']);
    expect(messages[1]?.extra?.['textGenerated']).toBeUndefined();
  });
});
