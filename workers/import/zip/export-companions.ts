/**
 * Entries of a zip that are companions of an export in it, not sources of their own: the same
 * decision, by content, and the same reasons as detect-format.ts gives for the files of the
 * export's folder on disk. Today: the pages of a Telegram Desktop export
 * (telegram/html-export-companions.ts). Its overview and list pages are told by their own bytes;
 * a chat's page is a companion when the same "HTML and JSON" export's result.json, where the
 * writer puts it, is an entry the survey recognised as Telegram's JSON: the chat is imported from
 * it once, and so its page is never set aside unless that copy is imported.
 */

import type { SourceParser } from '../../../shared/contracts/parsed-source.ts';
import { describeExportCompanion, exportJsonPlaces, telegramExportPageOf } from '../telegram/html-export-companions.ts';
import type { ZipEntryInfo } from './zip-archive.ts';

export interface CompanionEntry {
  name: string;
  /** What it belongs to: result.json, or the export's folder ('' at the zip's root) for its overview pages. */
  companionOf: string;
  reason: string;
}

/** The format the Telegram JSON importer reads result.json as. */
const TELEGRAM_JSON_FORMAT = 'telegram-json';

/**
 * What the head of an entry makes of it: a companion already (an overview or list page), a chat
 * page whose fate waits for the other entries ('chat page'), or nothing.
 */
export function companionByHead(name: string, head: Uint8Array): CompanionEntry | 'chat page' | null {
  const page = telegramExportPageOf(head);
  if (page === null) return null;
  if (page === 'chat') return 'chat page';
  const companion = describeExportCompanion(page, name, null);
  return companion === null ? null : { name, ...companion };
}

/**
 * Of the recognised entries, the chat pages (as companionByHead told them) whose export's
 * result.json was recognised too are taken out and returned as companions.
 */
export function setAsideChatPagesWithJson<T extends { entry: ZipEntryInfo; parser: SourceParser }>(recognised: T[], chatPages: ReadonlySet<ZipEntryInfo>): { kept: T[]; companions: CompanionEntry[] } {
  if (chatPages.size === 0) return { kept: recognised, companions: [] };
  const jsonNames = new Set(recognised.filter((item) => item.parser.format === TELEGRAM_JSON_FORMAT).map((item) => item.entry.name));
  const kept: T[] = [];
  const companions: CompanionEntry[] = [];
  for (const item of recognised) {
    const json = chatPages.has(item.entry) ? exportJsonPlaces(item.entry.name).find((place) => jsonNames.has(place.path)) : undefined;
    const companion = json === undefined ? null : describeExportCompanion('chat', item.entry.name, json);
    if (companion === null) kept.push(item);
    else companions.push({ name: item.entry.name, ...companion });
  }
  return { kept, companions };
}
