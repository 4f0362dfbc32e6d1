/**
 * The account holder a full-account HTML export names: its root page, export_results.html,
 * starts with the exporting user's personal information (export_output_html.cpp,
 * writePreparedPersonal: `div.personal_info` with `div.rows.names` holding a `div.row` per value,
 * its `div.label.details` "First name" / "Last name" and its `div.value.bold`; an empty value has
 * no row). The holder's messages carry the same name in from_name: the writer names a sender by
 * wrapPeerName, Peer::name(), which for a user is ContactInfo::name(), the first and last names
 * joined by a space, or the one that is set (export_data_types.cpp).
 *
 * A chat page of that export lies in chats/chat_NN/ (a forum topic in chats/chat_NN/topic_NN/),
 * so the root page is two (three) folders up. It is looked for among the files near the page (a
 * zip offers all its entries), then on disk at that place (a regular file, not a link); only a
 * page whose own bytes are the writer's root page counts. Nothing else is read, and a page
 * elsewhere names no one. The root page is not a source of the case (no messages) and is not
 * hashed with one, so the evidence names its size and the SHA-256 of the bytes read (the whole
 * page: it is a few kilobytes), for a reader to check the page the statement rests on.
 */

import { createHash } from 'node:crypto';
import { lstatSync } from 'node:fs';
import type { ParserInput } from '../../../shared/contracts/parsed-source.ts';
import { isCancellation } from '../../../shared/errors.ts';
import { readHead } from '../file-input.ts';
import type { ChatHolderReading } from './html-chat-holder.ts';
import { isExportRootPage } from './html-export-companions.ts';
import { SNIFF_BYTES } from './html-sniff.ts';
import { decodeEntities } from './html-text.ts';

export interface ExportHolder {
  name: string;
  /** Where the export says so, in words a reader can check. */
  evidence: string;
}

const ROOT_PAGE = 'export_results.html';
const CHAT_FOLDER = /^chat_\d+$/u;
const TOPIC_FOLDER = /^topic_\d+$/u;
const PERSONAL_INFO = /<div class="personal_info[^"]*">([\s\S]*?)<div class="rows (?:info|bio)|<div class="personal_info[^"]*">([\s\S]*)$/u;
const ROW = /<div class="label details">\s*([^<]*?)\s*<\/div>\s*<div class="value bold">\s*([^<]*?)\s*<\/div>/gu;

/** The holder the export's root page names for the chat page `input`, or null. */
export async function exportHolderOf(input: ParserInput): Promise<ExportHolder | null> {
  const rootPage = rootPagePathOf(input.path);
  if (rootPage === null) return null;
  const head = (await nearbyHead(input, rootPage)) ?? diskHead(rootPage);
  if (head === null) return null;
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.bytes);
  if (!isExportRootPage(text)) return null;
  const name = holderName(text);
  return name === null ? null : { name, evidence: `the personal information on ${ROOT_PAGE}, the export's root page (First name, Last name): ${name} (${pageIdentity(head)})` };
}

interface PageHead {
  bytes: Uint8Array;
  /** The page's size, when known (a zip entry's or a file's); the bytes are all of it when it is their length. */
  size: number | null;
}

/** The page's size and the SHA-256 of what was read of it, as the evidence names them. */
function pageIdentity({ bytes, size }: PageHead): string {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const whole = size !== null && size === bytes.byteLength;
  return whole ? `${size} bytes, SHA-256 ${sha256}` : `SHA-256 of its first ${bytes.byteLength} bytes ${sha256}${size === null ? '' : `, of ${size}`}`;
}

/** Where the root page of the export lies for a page in chats/chat_NN/ (or …/topic_NN/), else null. */
function rootPagePathOf(pagePath: string): string | null {
  const parts = pagePath.split(/[\\/]/u);
  const folder = parts.at(-2) ?? '';
  const depth = CHAT_FOLDER.test(folder) && parts.at(-3) === 'chats' ? 3 : TOPIC_FOLDER.test(folder) && CHAT_FOLDER.test(parts.at(-3) ?? '') && parts.at(-4) === 'chats' ? 4 : 0;
  if (depth === 0 || parts.length <= depth) return null;
  return [...parts.slice(0, parts.length - depth), ROOT_PAGE].join('/');
}

async function nearbyHead(input: ParserInput, rootPage: string): Promise<PageHead | null> {
  try {
    const file = (await input.nearby()).find((nearby) => nearby.input.path.replace(/\\/gu, '/') === rootPage);
    return file === undefined ? null : { bytes: await file.head(SNIFF_BYTES), size: file.input.size };
  } catch (error) {
    // The page is read without it; the holder then rests on the pages' own evidence, as before.
    if (isCancellation(error)) throw error;
    return null;
  }
}

function diskHead(path: string): PageHead | null {
  try {
    const stat = lstatSync(path, { throwIfNoEntry: false });
    if (stat === undefined || !stat.isFile()) return null;
    return { bytes: readHead(path, SNIFF_BYTES), size: stat.size };
  } catch {
    return null;
  }
}

/** ContactInfo::name() from the "First name" and "Last name" rows; null when neither is there. */
function holderName(text: string): string | null {
  const match = PERSONAL_INFO.exec(text);
  const info = match?.[1] ?? match?.[2];
  if (info === undefined) return null;
  const values = new Map<string, string>();
  for (const row of info.matchAll(ROW)) values.set(decodeEntities(row[1] ?? ''), decodeEntities(row[2] ?? ''));
  const name = [values.get('First name') ?? '', values.get('Last name') ?? ''].filter((part) => part !== '').join(' ');
  return name === '' ? null : name;
}

/**
 * The chat's holder reading with what the export states. The statement names the holder when the
 * pages name no one (no call, no own reaction); pages naming the same person add their evidence;
 * pages naming someone else leave the holder unnamed, with both in the reason. A holder stated
 * only by the export is not used on a page whose chat bears the holder's own name
 * (holderForChatTitle): there a name cannot tell the two people apart.
 */
export function withExportHolder(reading: ChatHolderReading, stated: ExportHolder | null): ChatHolderReading {
  if (stated === null) return reading;
  const found = reading.holder;
  if (found === null) return { ...reading, holder: { name: stated.name, evidence: stated.evidence, statedByExport: true } };
  if (found.name === stated.name) return { ...reading, holder: { name: stated.name, evidence: `${stated.evidence}; and ${found.evidence}` } };
  return { ...reading, holder: null, none: `not named: ${stated.evidence}, but ${found.evidence}: directions are unknown` };
}

/**
 * The holder to give directions by on a page whose header (the chat's title) is `title`. The
 * other person of a personal chat is named in from_name by the title (both are Peer::name()), so
 * when the title is the name the export states for its holder, names cannot tell the holder's
 * messages from the other person's, and no direction is given.
 */
export function holderForChatTitle(reading: { holder: ChatHolderReading['holder']; none: string }, title: string | null): { holder: ChatHolderReading['holder']; none: string } {
  const { holder } = reading;
  if (holder === null || holder.statedByExport !== true || title === null || title.trim() !== holder.name) return reading;
  return { holder: null, none: `not named: the chat's title is the name the export's personal information gives its holder (${holder.name}), so names cannot tell the holder's messages from the other person's: directions are unknown` };
}
