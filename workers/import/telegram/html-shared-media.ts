/**
 * A shared contact, location or place as text, from the media block the HTML writer draws for it
 * (export_output_html.cpp prepareMediaData): `media_contact` titled with the first and last names,
 * its status the phone number (+ " - vCard" when a card file is linked); `media_location` titled
 * "Location" and `media_live_location` titled "Live location", the status "latitude, longitude";
 * `media_venue` titled with the place's name, its description the address, its link the map
 * (https://maps.google.com/maps?q=<latitude>,<longitude>&…). The message's own text is empty, so
 * what was shared was in extra.media only. Written as the JSON side writes it (json-shared-media.ts),
 * marked generated; "Location", "Live location" and " - vCard" are the writer's words and are not
 * repeated as the sender's.
 */

type MediaFact = Readonly<Record<string, string | string[]>>;

const VCARD_SUFFIX = / - vCard$/u;
const MAP_POINT = /[?&]q=(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)(?:&|$)/u;

export function htmlSharedMediaText(facts: readonly MediaFact[]): string | null {
  for (const fact of facts) {
    const classes = text(fact['class']).split(' ');
    const title = text(fact['title']);
    const status = text(fact['status']);
    if (classes.includes('media_contact')) {
      const shown = [title, status.replace(VCARD_SUFFIX, '')].filter((part) => part !== '').join(', ');
      if (shown !== '') return `Contact: ${shown}`;
    } else if (classes.includes('media_live_location') && status !== '') {
      return `Live location: ${status}`;
    } else if (classes.includes('media_location') && status !== '') {
      return `Location: ${status}`;
    } else if (classes.includes('media_venue')) {
      const place = [title, text(fact['description'])].filter((part) => part !== '').join(', ');
      const point = MAP_POINT.exec(text(fact['href']));
      if (place !== '') return `Place: ${place}${point === null ? '' : ` (${point[1] ?? ''}, ${point[2] ?? ''})`}`;
    }
  }
  return null;
}

function text(value: string | string[] | undefined): string {
  return typeof value === 'string' ? value.trim() : '';
}
