/**
 * Readable text out of Telegram's HTML: entities decoded, `<br>` as a line break, the layout
 * newlines and indentation the exporter puts around each block dropped, and a link's target kept
 * beside its text when the two differ (the hidden URL is often the evidence).
 */

import { hasScheme } from './html-links.ts';
import type { HtmlElement, HtmlNode } from './html-tree.ts';

const NAMED_ENTITIES: ReadonlyMap<string, string> = new Map<string, string>([
  ['amp', '&'],
  ['lt', '<'],
  ['gt', '>'],
  ['quot', '"'],
  ['apos', "'"],
  ['nbsp', '\u00a0'],
  ['laquo', '\u00ab'],
  ['raquo', '\u00bb'],
  ['ndash', '\u2013'],
  ['mdash', '\u2014'],
  ['hellip', '\u2026'],
  ['euro', '\u20ac'],
  ['pound', '\u00a3'],
  ['cent', '\u00a2'],
  ['yen', '\u00a5'],
  ['times', '\u00d7'],
  ['deg', '\u00b0'],
  ['middot', '\u00b7'],
  ['bull', '\u2022'],
  ['lsquo', '\u2018'],
  ['rsquo', '\u2019'],
  ['ldquo', '\u201c'],
  ['rdquo', '\u201d'],
  ['shy', '\u00ad'],
  ['copy', '\u00a9'],
  ['reg', '\u00ae'],
  ['trade', '\u2122'],
  ['lrm', '\u200e'],
  ['rlm', '\u200f'],
  ['zwj', '\u200d'],
  ['zwnj', '\u200c'],
]);
const ENTITY = /&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/gu;
const MAX_CODE_POINT = 0x10ffff;

export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(ENTITY, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code = body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number.parseInt(body.slice(1), 10);
      if (!Number.isFinite(code) || code > MAX_CODE_POINT || code === 0) return whole;
      return String.fromCodePoint(code);
    }
    return NAMED_ENTITIES.get(body) ?? whole;
  });
}

/** Layout whitespace: a line break with the indentation around it. */
export const LAYOUT_BREAK = /[ \t\r]*\n[ \t\r\n]*/gu;

export function textOf(node: HtmlNode): string {
  return collapse(render(node));
}

/** Text of an element leaving out descendants `skip` rejects (e.g. a date span inside a name). */
export function textWithout(element: HtmlElement, skip: (element: HtmlElement) => boolean): string {
  return collapse(element.children.map((child) => (typeof child !== 'string' && skip(child) ? '' : render(child, skip))).join(''));
}

function render(node: HtmlNode, skip?: (element: HtmlElement) => boolean): string {
  if (typeof node === 'string') return decodeEntities(node.replace(LAYOUT_BREAK, ' '));
  if (skip?.(node) === true) return '';
  switch (node.name) {
    case 'br':
      return '\n';
    case 'img':
      return node.attributes['alt'] ?? '';
    case 'a':
      return linkedText(node, node.children.map((child) => render(child, skip)).join(''));
    default:
      return node.children.map((child) => render(child, skip)).join('');
  }
}

/** A link's words, with its target beside them when the target says something the words do not. */
export function linkedText(link: HtmlElement, shown: string): string {
  const href = decodeEntities(link.attributes['href'] ?? '');
  if (href === '' || href.startsWith('#') || /^javascript:/iu.test(href) || !hidesItsTarget(href, shown.trim())) return shown;
  return `${shown} (${href})`;
}

/**
 * Whether a link's target says something its text does not. The exporter turns what the sender
 * typed into links of its own: `@name` → https://t.me/name, a phone → tel:, an e-mail → mailto:,
 * a custom emoji → its file in the export (a relative path). Those targets only repeat the text
 * (or point at the export itself), and appending them would change what the message says; the
 * JSON export of the same chat has no such target.
 */
function hidesItsTarget(href: string, shown: string): boolean {
  if (href === shown || href === `tel:${shown}` || href === `mailto:${shown}`) return false;
  if (shown.startsWith('@') && /^https:\/\/t\.me\//u.test(href) && href.slice('https://t.me/'.length) === shown.slice(1)) return false;
  // No scheme: a file of the export (custom emoji), not an address on the web.
  return hasScheme(href);
}

/**
 * Trims the whole: the layout breaks the exporter puts around a block's content. Spaces beside a
 * real line break are the sender's (SerializeString writes each "\n" of the text as <br>, with
 * no layout around it): the indentation of code, a line ending in a space. They are kept.
 */
function collapse(text: string): string {
  return text.trim();
}
