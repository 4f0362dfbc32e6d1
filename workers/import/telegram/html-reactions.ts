/**
 * The reactions under a Telegram HTML message. Newer Telegram Desktop writes them as
 * `span.reactions`, one `span.reaction` each: `span.emoji` (the emoji; a custom emoji as a link
 * to its file, `<a href = "stickers/…">👋</a>`; a paid reaction ⭐ with class `paid`), then
 * `span.userpics` with one userpic per recent reactor, whose name is the `title` of its initials
 * (or of the userpic itself), then `span.count` only when the count says more than the userpics.
 * Class `active` marks a reaction the exporting account made. Read under the JSON export's names
 * (type, emoji, document_id, count, recent[].from), so both exports of a chat read alike.
 * Seen in a 2026 export excerpt (Ukrainian private chat, "🙏" by one person, no count).
 */

import { childElements, findAll } from './html-tree.ts';
import type { HtmlElement } from './html-tree.ts';
import { decodeEntities, textOf } from './html-text.ts';

export interface HtmlReaction {
  type: 'emoji' | 'custom_emoji' | 'paid';
  emoji: string;
  /** A custom emoji's file, as the page links it. */
  document_id?: string;
  /** `span.count` when written, else the number of reactors shown. */
  count: number | null;
  /** The reactors the page names, in its order; a userpic with no name is "?" (still one person). */
  recent: { from: string }[];
  /** Class `active`: the exporting account is among the reactors. */
  byAccountHolder?: true;
}

const UNNAMED = '?';

/**
 * The reactions of a `reactions` block, or null when it holds none in this layout (an older or
 * unknown one: the caller keeps its text as an unread block).
 */
export function htmlReactions(block: HtmlElement): HtmlReaction[] | null {
  const reactions: HtmlReaction[] = [];
  for (const item of childElements(block).filter((child) => child.classes.includes('reaction'))) {
    const parts = childElements(item);
    const emojiElement = parts.find((child) => child.classes.includes('emoji'));
    if (emojiElement === undefined) return null;
    const link = findAll(emojiElement, (element) => element.name === 'a')[0];
    const href = link === undefined ? '' : decodeEntities(link.attributes['href'] ?? '');
    const type = item.classes.includes('paid') ? 'paid' : href !== '' ? 'custom_emoji' : 'emoji';
    const recent = reactorsOf(parts.find((child) => child.classes.includes('userpics')));
    const countElement = parts.find((child) => child.classes.includes('count'));
    const written = countElement === undefined ? '' : textOf(countElement);
    const count = /^\d{1,9}$/u.test(written) ? Number(written) : countElement === undefined && recent.length > 0 ? recent.length : null;
    const reaction: HtmlReaction = { type, emoji: textOf(emojiElement), count, recent };
    if (type === 'custom_emoji') reaction.document_id = href;
    if (item.classes.includes('active')) reaction.byAccountHolder = true;
    reactions.push(reaction);
  }
  return reactions.length === 0 ? null : reactions;
}

function reactorsOf(userpics: HtmlElement | undefined): { from: string }[] {
  if (userpics === undefined) return [];
  return findAll(userpics, (element) => element.classes.includes('userpic'), (element) => element.classes.includes('userpic')).map((userpic) => {
    const titled = userpic.attributes['title'] !== undefined ? userpic : findAll(userpic, (element) => element.attributes['title'] !== undefined)[0];
    const name = decodeEntities(titled?.attributes['title'] ?? '').trim();
    return { from: name === '' ? UNNAMED : name };
  });
}
