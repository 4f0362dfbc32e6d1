/**
 * A bot's inline keyboard in a Telegram HTML page (`table.bot_buttons_table`) → the rows of
 * buttons, under the same names as the JSON export's `inline_bot_buttons` (type, text, data,
 * forward_text). The exporter links a URL button to its address and gives every other button an
 * onclick that shows "Data: … | Forward text: … | Type: …": the callback data is evidence (what
 * the bot was told when the button was pressed) and the page's text does not show it.
 */

import { childElements, findAll } from './html-tree.ts';
import type { HtmlElement } from './html-tree.ts';
import { decodeEntities, textOf } from './html-text.ts';

export interface HtmlBotButton {
  type: string;
  text: string;
  data?: string;
  forward_text?: string;
  /** The onclick as written, when it is not the exporter's "ShowTextCopied('…')". */
  onclick?: string;
}

const SHOW_TEXT_COPIED = /^return ShowTextCopied\('(.*)'\);$/su;
const TYPE_SUFFIX = /(?:^| \| )Type: ([^|]*)$/su;
const DATA_PREFIX = 'Data: ';
const FORWARD_TEXT = ' | Forward text: ';
const FORWARD_PREFIX = 'Forward text: ';

export function htmlBotButtons(table: HtmlElement): HtmlBotButton[][] {
  return findAll(table, (element) => element.classes.includes('bot_button_row')).map((row) =>
    findAll(row, (element) => element.classes.includes('bot_button')).map(readButton),
  );
}

function readButton(button: HtmlElement): HtmlBotButton {
  const link = findAll(button, (element) => element.name === 'a')[0];
  // The label is the div inside the link: the link's own text would carry its target too.
  const text = textOf((link === undefined ? undefined : childElements(link)[0]) ?? button);
  const href = decodeEntities(link?.attributes['href'] ?? '');
  if (href !== '') return { type: 'url', text, data: href };
  const onclick = decodeEntities(link?.attributes['onclick'] ?? '');
  const shown = SHOW_TEXT_COPIED.exec(onclick);
  const parts = shown === null ? null : describedParts(unescapeJsString(shown[1] ?? ''));
  if (parts === null) return { type: 'unknown', text, ...(onclick === '' ? {} : { onclick }) };
  return { type: parts.type, text, ...(parts.data === undefined ? {} : { data: parts.data }), ...(parts.forwardText === undefined ? {} : { forward_text: parts.forwardText }) };
}

/** "Data: x | Forward text: y | Type: z" (the first two optional) → its parts; null if not that shape. */
function describedParts(content: string): { type: string; data?: string; forwardText?: string } | null {
  const type = TYPE_SUFFIX.exec(content);
  if (type === null) return null;
  let rest = content.slice(0, type.index);
  let forwardText: string | undefined;
  // Data comes first and may hold anything; a forward text is looked for after it, from the end.
  const forwardAt = rest.lastIndexOf(FORWARD_TEXT);
  if (rest.startsWith(FORWARD_PREFIX)) {
    forwardText = rest.slice(FORWARD_PREFIX.length);
    rest = '';
  } else if (forwardAt !== -1) {
    forwardText = rest.slice(forwardAt + FORWARD_TEXT.length);
    rest = rest.slice(0, forwardAt);
  }
  if (rest !== '' && !rest.startsWith(DATA_PREFIX)) return null;
  return { type: type[1] ?? '', ...(rest === '' ? {} : { data: rest.slice(DATA_PREFIX.length) }), ...(forwardText === undefined ? {} : { forwardText }) };
}

/** The exporter escapes `\` and `'` inside the JavaScript string literal. */
function unescapeJsString(escaped: string): string {
  return escaped.replace(/\\(.)/gsu, '$1');
}
