/**
 * What signal-export writes after "Name: " (sigexport/models.py Message.to_md), taken apart:
 *
 *   {quote}{body}"  "                     quote = "\n\n> line\n> line\n\n" when replying
 *   "\n(- Name: 👍, Name: ❤ -)"           reactions, when there are any
 *   "[emoji](../exported_stickers/…)  "   a sticker file, or "\n(( emoji ))" without one
 *   "![name](./media/file)  "             each attachment ("!" for images), spaces as %20
 *
 * A deleted message is the whole line "(This message was deleted)"; a call is a body such as
 * "Incoming voice call (accepted, 2m 3s)". Everything recognised is moved out of the text into
 * structured fields; what is left is the person's words.
 */

import type { MediaType } from '../../../shared/contracts/parsed-source.ts';
import { safeRelativePath } from '../import-limits.ts';

export interface SignalLink {
  name: string;
  /** The link target as written. */
  target: string;
  /** The target made safe to resolve beside the chat file, or null (absolute, or climbing out). */
  path: string | null;
  mediaType: MediaType;
}

export interface SignalSticker {
  /** The sticker's emoji, or "sticker" when it has none. */
  label: string;
  /** The link as written ("../exported_stickers/<pack>/<id>.<ext>"), or null when signal-export had no file for it. */
  target: string | null;
  /**
   * The file in the export's shared sticker folder, as an attachment path beside the chat file
   * ("../exported_stickers/…", made safe), or null when there is no file or the link is unsafe.
   */
  path: string | null;
}

export interface SignalBody {
  text: string;
  quote: string | null;
  reactions: { name: string; emoji: string }[];
  sticker: SignalSticker | null;
  attachments: SignalLink[];
  deleted: boolean;
  call: boolean;
}

/**
 * The target of a Markdown link that ends the line (only spaces after it). signal-export writes a
 * path's white space as %20 and keeps round brackets ("Scan_(1).pdf"), so the target is the run
 * of other characters up to the last ")"; it cannot hold "](", which starts the next link's target.
 */
const TRAILING_TARGET = /\]\(((?:(?!\]\()\S)+)\) *$/u;
const WEB_LINK = /^[a-z][a-z0-9+.-]*:/iu;
/** Where signal-export copies stickers: one folder for the whole export, beside the chat folders (SHARED_EXPORT_FOLDERS). */
export const SIGNAL_STICKER_FOLDER = 'exported_stickers';
const STICKER_FOLDER = /^\.\.\/exported_stickers\//u;
const STICKER_LINE = /^\(\( (.*) \)\)$/u;
const REACTIONS_LINE = /^\(- (.*) -\)$/u;
const QUOTE_LINE = /^> ?/u;
const MARKDOWN_HARD_BREAK = / {2}$/u;
const DELETED = '(This message was deleted)';
const CALL = /^(?:(?:Incoming|Outgoing) (?:voice |video )?call(?: \([^)\n]*\))?|Missed (?:voice |video )?call)$/u;

const IMAGE = new Set(['png', 'jpg', 'jpeg', 'gif', 'tif', 'tiff', 'webp', 'apng', 'svg', 'heic']);
const AUDIO = new Set(['m4a', 'aac', 'mp3', 'ogg', 'opus', 'wav', 'flac']);
const VIDEO = new Set(['mp4', 'mov', 'mkv', 'mpeg', 'webm', 'qt', '3gp']);

/** `lines[0]` is what followed "Name: " on the header line; the rest are continuation lines. */
export function readSignalBody(lines: readonly string[]): SignalBody {
  const body: SignalBody = { text: '', quote: null, reactions: [], sticker: null, attachments: [], deleted: false, call: false };
  let rest = takeQuote([...lines], body);
  rest = takeTrailingLinks(rest, body);
  rest = takeLastLine(rest, STICKER_LINE, (label) => {
    body.sticker ??= { label, target: null, path: null };
  });
  rest = takeLastLine(rest, REACTIONS_LINE, (list) => {
    body.reactions = readReactions(list);
  });
  const last = rest.length - 1;
  if (last >= 0) rest[last] = (rest[last] ?? '').replace(MARKDOWN_HARD_BREAK, '');
  body.text = rest.join('\n').replace(/\n+$/u, '');
  body.deleted = body.text === DELETED;
  body.call = body.attachments.length === 0 && CALL.test(body.text);
  return body;
}

/** A reply starts "Name: " + "\n\n> quoted line…\n\n" + body. */
function takeQuote(lines: string[], body: SignalBody): string[] {
  if (lines.length < 3 || lines[0] !== '' || lines[1] !== '' || !QUOTE_LINE.test(lines[2] ?? '')) return lines;
  let end = 2;
  while (end < lines.length && QUOTE_LINE.test(lines[end] ?? '')) end += 1;
  body.quote = lines.slice(2, end).map((line) => line.replace(QUOTE_LINE, '')).join('\n');
  // The blank line signal-export puts after the quote is part of the layout, not of the body.
  const after = lines[end] === '' ? end + 1 : end;
  return lines.slice(after);
}

function takeTrailingLinks(lines: string[], body: SignalBody): string[] {
  const last = lines.length - 1;
  let tail = lines[last];
  if (tail === undefined) return lines;
  const found: SignalLink[] = [];
  for (let link = trailingLink(tail); link !== null; link = trailingLink(tail)) {
    const { start, image, name, target } = link;
    if (WEB_LINK.test(target)) break;
    tail = tail.slice(0, start);
    if (STICKER_FOLDER.test(target)) {
      body.sticker = { label: name, target, path: stickerPath(target) };
      continue;
    }
    found.unshift(toLink(name, target, image));
  }
  body.attachments = found;
  const kept = [...lines.slice(0, last), tail];
  // A message of attachments alone leaves an empty last line that was only their carrier.
  return tail.trim() === '' && found.length + (body.sticker === null ? 0 : 1) > 0 ? kept.slice(0, -1) : kept;
}

/** The Markdown link that ends `tail`: where it starts (its "!" included), its name and its target. */
function trailingLink(tail: string): { start: number; image: boolean; name: string; target: string } | null {
  const match = TRAILING_TARGET.exec(tail);
  if (match === null) return null;
  const target = match[1] ?? '';
  const open = nameOpening(tail, match.index, target);
  if (open === -1) return null;
  const image = tail[open - 1] === '!';
  return { start: image ? open - 1 : open, image, name: tail.slice(open + 1, match.index), target };
}

/**
 * The "[" that opens a link's name, which ends at `nameEnd`. A file name may hold square brackets
 * ("[draft] plan.docx"), so the "[" whose name is the one the target ends with (white space as
 * %20, as signal-export writes it) is taken; a name is never longer than its target. Otherwise
 * (a sticker's emoji, a renamed file) the nearest "[" opens it when the name holds no "]".
 */
function nameOpening(tail: string, nameEnd: number, target: string): number {
  const nearest = tail.lastIndexOf('[', nameEnd - 1);
  for (let open = nearest; open !== -1 && nameEnd - open - 1 <= target.length; open = open === 0 ? -1 : tail.lastIndexOf('[', open - 1)) {
    if (target.endsWith(`/${tail.slice(open + 1, nameEnd).replace(/\s/gu, '%20')}`)) return open;
  }
  return nearest !== -1 && !tail.slice(nearest + 1, nameEnd).includes(']') ? nearest : -1;
}

function takeLastLine(lines: string[], pattern: RegExp, use: (captured: string) => void): string[] {
  const last = lines[lines.length - 1];
  const match = last === undefined ? null : pattern.exec(last);
  if (match === null || lines.length < 2) return lines;
  use(match[1] ?? '');
  return lines.slice(0, -1);
}

/**
 * "Name: emoji, Name: emoji". A name may hold ", " or ": " ("Doe, John"); an emoji holds no white
 * space, so each entry ends at the first ", " (or the end) that follows ": " and an emoji.
 */
const REACTION_ENTRY = /(?:^|, )(.+?): (\S+)(?=, |$)/gu;

function readReactions(list: string): { name: string; emoji: string }[] {
  const entries = [...list.matchAll(REACTION_ENTRY)];
  if (entries.map((entry) => entry[0]).join('') === list) return entries.map((entry) => ({ name: entry[1] ?? '', emoji: entry[2] ?? '' }));
  // Not in that shape (an entry without a name): split as signal-export joined them.
  return list.split(', ').map((entry) => {
    const cut = entry.lastIndexOf(': ');
    return cut === -1 ? { name: '', emoji: entry } : { name: entry.slice(0, cut), emoji: entry.slice(cut + 2) };
  });
}

/** "../exported_stickers/<pack>/<file>" with the part inside the sticker folder made safe; null when it climbs out. */
function stickerPath(target: string): string | null {
  const inside = safeRelativePath(decodeTarget(target).replace(STICKER_FOLDER, ''));
  return inside === null ? null : `../${SIGNAL_STICKER_FOLDER}/${inside}`;
}

/** signal-export writes spaces in paths as %20; other escapes are decoded too when well formed. */
function decodeTarget(target: string): string {
  try {
    return decodeURIComponent(target);
  } catch {
    return target.replaceAll('%20', ' ');
  }
}

function toLink(name: string, target: string, image: boolean): SignalLink {
  const decoded = decodeTarget(target);
  const extension = decoded.slice(decoded.lastIndexOf('.') + 1).toLowerCase();
  const mediaType: MediaType = image || IMAGE.has(extension) ? 'image' : AUDIO.has(extension) ? 'audio' : VIDEO.has(extension) ? 'video' : 'document';
  return { name, target, path: safeRelativePath(decoded), mediaType };
}
