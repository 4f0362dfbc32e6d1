/**
 * Location shares as exports write them (FORMATS.md §1.4): a pin (`location: https://maps…`),
 * Android's live location, and a place picked on the map (a venue).
 */

import { fold, FoldedEdges } from './folding.ts';

/**
 * `location: https://maps…` (Android) / `Location: …` (iOS), per language in the samples. The
 * link is part of the wording: a person's "Location: Hotel Central" is their own words.
 */
const LOCATION_PREFIX =
  /^(?:location|standort|locatie|ubicación|posizione|localisation|localização|местоположение|розташування|місцезнаходження|poloha|lokasi|位置情報|位置|ตำแหน่งที่ตั้ง|vị trí|موقع|الموقع|लोकेशन|konum|locație): https?:\/\//iu;

/**
 * Android's live-location share, a whole first line (strings.xml `email_live_location_message`;
 * a caption may follow on the next lines). No sample holds one: these are the wordings
 * starkdmi/whats_json lib/src/patterns.dart lists (`liveLocation`) for the languages above.
 */
const LIVE_LOCATION_TEXTS = [
  'live location shared', 'Live-Standort wird geteilt', 'ubicación en tiempo real compartida',
  'posizione attuale condivisa', 'Localisation en direct partagée', 'localização atual compartilhada',
  'Está a partilhar a sua localização', 'Геоданные отправлены', 'геодані надіслано',
  'byla sdílena aktuální poloha', 'live locatie gedeeld', 'लाइव स्थान साझा किया गया', 'Lokasi terkini dibagikan',
  'ライブロケーション共有', 'ตำแหน่งปัจจุบันถูกแบ่งปัน', 'vị trí hiện thời được chia sẻ', 'تمت مشاركة الموقع المباشر',
  'Mevcut konum paylaşıldı', '共享实时位置', '實時位置已分享', 'locație în timp real distribuită',
];
const LIVE_LOCATIONS = new Set(LIVE_LOCATION_TEXTS.map(fold));
const LIVE_LOCATION_EDGES = new FoldedEdges(LIVE_LOCATIONS);
const LIVE_LOCATION_LENGTHS: ReadonlySet<number> = new Set(LIVE_LOCATION_TEXTS.map((text) => text.length));

/** True when the first line is a pin: a map link after the label, or Android's live share. */
function isPinShare(firstLine: string): boolean {
  return LOCATION_PREFIX.test(firstLine) || (LIVE_LOCATION_LENGTHS.has(firstLine.length) && LIVE_LOCATION_EDGES.mayStart(firstLine) && LIVE_LOCATIONS.has(fold(firstLine)));
}

/**
 * A place shared from the map (a venue), as exports write it (AyazKhuraishi/whatsapp-export-
 * inconsistencies, "Locations (Static)", documented from real exports; timelinize's WhatsApp
 * fixture `_chat.txt`): iOS puts the place and its area before the link on one line,
 * `Helsinki (Helsinki): https://maps.google.com/?q=60.167850,24.952965` (a Foursquare link for
 * some venues); Android writes the place and its address on lines of their own, then the
 * labelled link, `Helsinki` / `Helsinki` / `location: https://maps.google.com/?q=…`. Only the
 * map links WhatsApp writes count: a person's "Office (2nd floor): https://example.com" is theirs.
 */
const IOS_VENUE = /^[^\n]{1,200} \([^\n]{0,200}\): https:\/\/(?:maps\.google\.com\/\?q=-?\d|foursquare\.com\/v\/)[^\s]*$/u;
/** Lines an Android venue share has before its labelled link: the place, and its address. */
const MAX_ANDROID_VENUE_LINES_BEFORE_LINK = 2;

function isVenueShare(firstLine: string, whole: string): boolean {
  if (IOS_VENUE.test(firstLine)) return true;
  const lastBreak = whole.lastIndexOf('\n');
  if (lastBreak === -1) return false;
  const linesBefore = whole.slice(0, lastBreak).split('\n').length;
  const lastLine = whole.slice(lastBreak + 1).trim();
  // The link ends the share: words after it make the line a person's.
  return linesBefore <= MAX_ANDROID_VENUE_LINES_BEFORE_LINK && LOCATION_PREFIX.test(lastLine) && !/\s/u.test(lastLine.slice(lastLine.indexOf('://')));
}

/**
 * WhatsApp Web's export (WAWebExportChatPlainTextFormatter): `Location: 52.37, 4.89 - https://maps.google.com/?q=52.37,4.89`,
 * `Live location: …`, the place's name and a colon before it when it has one. English wording:
 * no other was seen.
 */
const WEB_EXPORT_LOCATION = /^(?:[^\n]{1,200}: )?(?:live location|location): -?\d{1,3}(?:\.\d+)?, -?\d{1,3}(?:\.\d+)? - https:\/\/maps\.google\.com\/\?q=\S+$/iu;

/** True when a body (its first line, and the whole, both trimmed) is a location share of any kind. */
export function isLocationShare(firstLine: string, whole: string): boolean {
  if (isPinShare(firstLine)) return true;
  // A venue and a WhatsApp Web share end in a map link. Most bodies hold none, and the patterns
  // below try many ways to split a line before failing: tried on every body of a 1M-message
  // export they took longer than the rest of its placeholder checks together.
  if (!whole.includes('://')) return false;
  return isVenueShare(firstLine, whole) || WEB_EXPORT_LOCATION.test(firstLine);
}
