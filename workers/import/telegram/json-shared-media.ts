import { isJsonObject } from './json-walker.ts';
import type { JsonObject, JsonValue } from './json-walker.ts';

/**
 * A shared contact, location or place as text, or null when the message shares none. The JSON
 * writer (export_output_json.cpp SerializeMessage, media SharedContact / GeoPoint / Venue) writes
 * them as fields beside an empty `text`: `contact_information{first_name,last_name,phone_number}`
 * (+ contact_vcard), `location_information{latitude,longitude}` (+ live_location_period_seconds
 * for a live location), and for a venue `place_name`, `address` and its location. As with a poll,
 * the name and number shared, or the place, were in no searchable field: they are written out as
 * the message's text, marked generated; the fields stay in extra as written.
 */
export function sharedMediaText(message: JsonObject): string | null {
  const contact = message['contact_information'];
  if (isJsonObject(contact)) {
    const name = [textOf(contact['first_name']), textOf(contact['last_name'])].filter((part) => part !== '').join(' ');
    const phone = textOf(contact['phone_number']);
    const shown = [name, phone].filter((part) => part !== '').join(', ');
    return shown === '' ? null : `Contact: ${shown}`;
  }
  const point = coordinates(message['location_information']);
  const place = [textOf(message['place_name']), textOf(message['address'])].filter((part) => part !== '').join(', ');
  if (place !== '') return `Place: ${place}${point === null ? '' : ` (${point})`}`;
  if (point === null) return null;
  const period = message['live_location_period_seconds'];
  return typeof period === 'number' ? `Live location: ${point} (shared for ${period} seconds)` : `Location: ${point}`;
}

function coordinates(location: JsonValue | undefined): string | null {
  if (!isJsonObject(location)) return null;
  const latitude = location['latitude'];
  const longitude = location['longitude'];
  return typeof latitude === 'number' && typeof longitude === 'number' ? `${latitude}, ${longitude}` : null;
}

function textOf(value: JsonValue | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}
