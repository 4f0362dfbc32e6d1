/**
 * The account holder of a Telegram HTML chat, decided from all its pages. Telegram Desktop writes
 * a chat's history into its own folder as messages.html, messages2.html, … (export_output_html.cpp,
 * HtmlWriter::messagesFile; a new file every 1000 messages) and repeats the chat header on each;
 * the importer reads each page as a source and merges the pages with one chat key (folder and
 * header title) into one conversation. A call or a holder's reaction on any page names the holder
 * of the whole chat, so every page weighs what all pages of its chat say: its own and those beside
 * it (found by content: a Telegram page with the same chat key, not by name), in page order, so
 * each page reaches the same holder with the same evidence, or none, with the same reason.
 *
 * Cheap and bounded: a page is parsed for its calls only when its bytes mention one
 * (html-page-holder-facts.ts), and what a page beside says is kept in this worker under its path
 * and fingerprint, so the N pages of a chat cost about 2N reads, not N².
 *
 * A file beside that cannot be read (its head, its header, or the rest of a page with a holder
 * mark) is named in a warning and in the details (`unreadablePages`). The rule: unless what was
 * read of it shows it is a page of another chat (its header read, another chat key), it may be a
 * page of this chat whose calls or reactions name someone else, so the pages read do not settle
 * the holder and none is named; the reason says which files and what the pages read named. A
 * page of another chat cannot name this chat's holder, and does not stop the decision.
 *
 * The same holds for files beside that were never looked at: when the page's folder could not be
 * listed, or was listed only in part (ParserInput.nearbyUnlisted; a zip folder past
 * MAX_NEARBY_FILES), a page of the chat may be among them, so none is named either; the folder and
 * why are in a warning, the reason and the details (`unlistedFolders`).
 */

import type { NearbyFile, ParserInput, ParseSink, ParseWarning } from '../../../shared/contracts/parsed-source.ts';
import { isCancellation } from '../../../shared/errors.ts';
import { MAX_NEARBY_FILES } from '../file-input.ts';
import { HtmlAccountHolderTally } from './html-call-owner.ts';
import type { HtmlAccountHolder } from './html-call-owner.ts';
import { pageHolderFacts, reasonOf } from './html-page-holder-facts.ts';
import type { PageHolderFacts, PageReader } from './html-page-holder-facts.ts';
import { sniffTelegramHtml, SNIFF_BYTES } from './html-sniff.ts';

export interface ChatHolderReading {
  holder: HtmlAccountHolder | null;
  /** Why there is none, for the details. */
  none: string;
  /** The chat's pages weighed, this one included. */
  pages: number;
  /** The pages whose calls or reactions named someone, with the SHA-256 of the bytes read, in page order. */
  evidencePages: { page: string; sha256: string }[];
  /** Files beside that could not be read; `couldNameHolder` unless read far enough to be another chat's page. */
  unreadablePages: UnreadablePage[];
  /** Folders beside the page whose files were not all looked at, and why: any may hold a page of the chat. */
  unlistedFolders: UnlistedFolder[];
}

export interface UnlistedFolder {
  folder: string;
  reason: string;
}

export interface UnreadablePage {
  page: string;
  reason: string;
  couldNameHolder: boolean;
}

/** Facts of files beside a page, by path and fingerprint; cleared when full (a worker may import many folders). */
const siblingCache = new Map<string, PageHolderFacts>();
const MAX_CACHED_FILES = 20_000;

/** Unreadable files named in the reason's sentence (a folder may hold thousands). */
const FILES_NAMED = 10;

/** Natural page order: messages.html, messages2.html, …, messages10.html. */
const PAGE_ORDER = new Intl.Collator('en', { numeric: true });

export async function chatAccountHolder(input: ParserInput, sink: ParseSink, readPage: PageReader): Promise<ChatHolderReading> {
  const own = await pageHolderFacts(input, sink, readPage);
  const unreadablePages: UnreadablePage[] = [];
  const unlistedFolders: UnlistedFolder[] = [];
  const pages = [own, ...(await siblingPages(input, own.chatKey, sink, readPage, { unreadable: unreadablePages, unlisted: unlistedFolders }))];
  pages.sort(byPage);
  unreadablePages.sort(byPage);
  const tally = new HtmlAccountHolderTally();
  for (const page of pages) tally.addFacts(page);
  const evidencePages = pages.flatMap((page) => (page.sha256 === null ? [] : [{ page: page.page, sha256: page.sha256 }]));
  const reading = { holder: tally.decide(), none: tally.describeNone(pages.length), pages: pages.length, evidencePages, unreadablePages, unlistedFolders };
  const missing = unreadablePages.filter((page) => page.couldNameHolder);
  if (missing.length === 0 && unlistedFolders.length === 0) return reading;
  // What was read may name one holder; an unread page of the chat may name another.
  const read = reading.holder === null ? reading.none.replace(/: directions are unknown$/u, '') : `named ${reading.holder.name}, by ${reading.holder.evidence}`;
  const causes: string[] = [];
  if (missing.length > 0) {
    // Every one is in the details; the sentence names the first few.
    const named = missing.slice(0, FILES_NAMED).map((page) => `${page.page} (${page.reason})`);
    const files = missing.length > FILES_NAMED ? `${named.join('; ')}; and ${missing.length - FILES_NAMED} more, listed in accountHolderUnreadablePages` : named.join('; ');
    causes.push(`${missing.length === 1 ? 'a file' : `${missing.length} files`} beside the page could not be read (${files}) and may be a page of this chat whose calls or reactions name someone else`);
  }
  if (unlistedFolders.length > 0) {
    const folders = unlistedFolders.map((gap) => `${gap.folder}: ${gap.reason}`).join('; ');
    causes.push(`the files beside the page were not all looked at (${folders}), and one not looked at may be a page of this chat whose calls or reactions name someone else`);
  }
  return { ...reading, holder: null, none: `not named: ${causes.join('; ')}; the ${pages.length === 1 ? 'page' : `${pages.length} pages`} read: ${read}: directions are unknown` };
}

/** The folder a page lies in, as its path says (on disk, or "<zip>!/<folder>" inside a zip). */
function folderOf(input: ParserInput): string {
  const cut = Math.max(input.path.lastIndexOf('/'), input.path.lastIndexOf('\\'));
  return cut < 0 ? '.' : input.path.slice(0, cut);
}

function unlistedWarning(input: ParserInput, gap: UnlistedFolder): ParseWarning {
  return { place: input.displayName, message: `the files beside the page were not all looked at for other pages of the chat naming its account holder (${gap.folder}: ${gap.reason}); one not looked at may be such a page, so no holder was named` };
}

function byPage(a: { page: string }, b: { page: string }): number {
  return PAGE_ORDER.compare(a.page, b.page) || (a.page < b.page ? -1 : a.page > b.page ? 1 : 0);
}

/** What the other pages of the chat (the Telegram pages beside this one with its chat key) say. */
async function siblingPages(input: ParserInput, chatKey: string | null, sink: ParseSink, readPage: PageReader, gaps: { unreadable: UnreadablePage[]; unlisted: UnlistedFolder[] }): Promise<PageHolderFacts[]> {
  const { unreadable, unlisted } = gaps;
  const note = (gap: UnlistedFolder): void => {
    unlisted.push(gap);
    sink.warning(unlistedWarning(input, gap));
  };
  let nearby: NearbyFile[];
  try {
    nearby = await input.nearby();
    for (const gap of await input.nearbyUnlisted()) if (gap.relation === 'same-folder') note({ folder: gap.folder, reason: gap.reason });
  } catch (error) {
    if (isCancellation(error)) throw error;
    note({ folder: folderOf(input), reason: `it could not be listed (${reasonOf(error)})` });
    return [];
  }
  const found: PageHolderFacts[] = [];
  // A zip's folder offers every entry in it (a folder on disk at most MAX_NEARBY_FILES): each page
  // of a chat would read the head of each, past what the cache keeps. As many are looked at as on disk.
  const beside = nearby.filter((file) => file.relation === 'same-folder');
  if (beside.length > MAX_NEARBY_FILES) {
    note({ folder: folderOf(input), reason: `it holds ${beside.length} other files, more than the ${MAX_NEARBY_FILES} looked at: ${beside.length - MAX_NEARBY_FILES} were not` });
  }
  for (const file of beside.slice(0, MAX_NEARBY_FILES)) {
    sink.throwIfCancelled();
    const page = file.input.displayName;
    try {
      const facts = await siblingFacts(file, sink, readPage);
      if (facts.unreadable !== undefined) {
        const sameChat = facts.chatKey === chatKey;
        unreadable.push({ page, reason: facts.unreadable, couldNameHolder: sameChat });
        const consequence = sameChat ? 'it is a page of this chat, so what it says of its account holder is unknown: no holder was named' : 'its header shows a page of another chat, which cannot name this chat\'s account holder';
        sink.warning({ place: page, message: `this file beside ${input.displayName} could not be read to its end (${facts.unreadable}); ${consequence}` });
      } else if (facts.chatKey !== null && facts.chatKey === chatKey) {
        found.push(facts);
      }
    } catch (error) {
      if (isCancellation(error)) throw error;
      unreadable.push({ page, reason: reasonOf(error), couldNameHolder: true });
      sink.warning({
        place: page,
        message: `this file beside ${input.displayName} could not be read (${reasonOf(error)}), so whether it is another page of the chat naming its account holder is unknown: no holder was named`,
      });
    }
  }
  return found;
}

async function siblingFacts(file: NearbyFile, sink: ParseSink, readPage: PageReader): Promise<PageHolderFacts> {
  const key = file.fingerprint === undefined ? null : `${file.input.path}\n${file.fingerprint}`;
  const cached = key === null ? undefined : siblingCache.get(key);
  if (cached !== undefined) return cached;
  const isPage = sniffTelegramHtml(await file.head(SNIFF_BYTES));
  const facts = isPage ? await pageHolderFacts(file.input, sink, readPage, true) : { page: file.input.displayName, chatKey: null, named: [], sharedName: null, sha256: null };
  // A failed read may not fail again: it is not kept.
  if (key !== null && facts.unreadable === undefined) {
    if (siblingCache.size >= MAX_CACHED_FILES) siblingCache.clear();
    siblingCache.set(key, facts);
  }
  return facts;
}
