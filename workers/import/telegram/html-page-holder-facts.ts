/**
 * What one Telegram HTML page says about its chat and its account holder, read as cheaply as the
 * page allows: its chat key from the header at its top, and the people its calls and the holder's
 * reactions name (html-call-owner.ts) only when its bytes mention a call block or a reaction
 * marked as the holder's. Most pages mention neither and are streamed once as bytes, with only
 * their first block parsed.
 */

import { createHash } from 'node:crypto';
import type { ParserInput, ParseSink } from '../../../shared/contracts/parsed-source.ts';
import { isCancellation } from '../../../shared/errors.ts';
import { folderOf } from '../import-limits.ts';
import { HtmlAccountHolderTally } from './html-call-owner.ts';
import type { HtmlHolderFacts } from './html-call-owner.ts';
import { textOf } from './html-text.ts';
import { HtmlTokenizer } from './html-tokenizer.ts';
import type { HtmlToken } from './html-tokenizer.ts';
import { BlockCollector, findAll, hasClasses } from './html-tree.ts';
import type { CollectedBlock } from './html-tree.ts';
import { Utf8ChunkDecoder } from './utf8-chunks.ts';

export interface PageHolderFacts extends HtmlHolderFacts {
  /** The page as locators name it. */
  page: string;
  /** The chat key the page's messages get (chatKeyOf), or null when the file is no Telegram page. */
  chatKey: string | null;
  /**
   * SHA-256 of the page's bytes when its calls or reactions named someone, else null: a holder
   * (and so every direction of the chat) may rest on a page beside the source that the case does
   * not hold, and the details pin which bytes it rested on.
   */
  sha256: string | null;
  /**
   * Why the page could not be read to its end, when it was read as a page beside with its header
   * (so its chat key) known: what it names is then not all it says. Absent when read whole.
   */
  unreadable?: string;
}

/** Reads a whole page into a sink (html-parser.ts readPage, with no holder). */
export type PageReader = (input: ParserInput, sink: ParseSink) => Promise<unknown>;

/** A call block, or a reaction marked as the holder's: the page may name its holder. */
const HOLDER_MARKS = ['media_call', 'reaction active'];
const NEEDLES = HOLDER_MARKS.map((mark) => Buffer.from(mark, 'latin1'));
const LONGEST_NEEDLE = Math.max(...NEEDLES.map((needle) => needle.length));
/** Bytes parsed at a time while looking for the first block; a file stream's chunk may be the whole page. */
const SKIM_SLICE_BYTES = 8 * 1024;

/**
 * The chat key of a page: messages.html, messages2.html… of one chat share folder and header title
 * (HtmlWriter writes each chat's pages into its own folder and repeats the header on each), so they
 * share one key and merge into one conversation. A page with no header is a chat of its own.
 */
export function chatKeyOf(title: string | null, displayName: string): string {
  const folder = folderOf(displayName);
  const name = title ?? (folder === '' ? displayName : folder);
  return folder === '' ? name : `${folder}/${name}`;
}

/** The chat's title as the page header gives it, or null: the text of its `div.text.bold`. */
export function headerTitleOf(block: CollectedBlock): string | null {
  const name = findAll(block.element, (element) => hasClasses(element, 'text', 'bold'))[0];
  const text = name === undefined ? '' : textOf(name);
  return text === '' ? null : text;
}

/**
 * `partial`: for a page beside the source, a read that fails once the header is known gives the
 * facts with `unreadable` set (the chat the page belongs to is then known) instead of failing.
 */
export async function pageHolderFacts(input: ParserInput, sink: ParseSink, readPage: PageReader, partial = false): Promise<PageHolderFacts> {
  const { title, mentionsHolder, unreadable } = await skimPage(input, sink, partial);
  const facts: PageHolderFacts = { page: input.displayName, chatKey: chatKeyOf(title, input.displayName), named: [], sharedName: null, sha256: null };
  if (unreadable !== undefined) return { ...facts, unreadable };
  if (!mentionsHolder) return facts;
  if (partial) {
    try {
      return await namedBy(input, sink, readPage, facts);
    } catch (error) {
      if (isCancellation(error)) throw error;
      return { ...facts, unreadable: reasonOf(error) };
    }
  }
  return namedBy(input, sink, readPage, facts);
}

async function namedBy(input: ParserInput, sink: ParseSink, readPage: PageReader, facts: PageHolderFacts): Promise<PageHolderFacts> {
  const tally = new HtmlAccountHolderTally();
  const scan: ParseSink = {
    chat: () => undefined,
    message: (message) => tally.addMessage(`line ${message.locator.kind === 'html-element' ? (message.locator.line ?? 0) : 0} of ${input.displayName}`, message),
    warning: () => undefined,
    throwIfCancelled: () => sink.throwIfCancelled(),
    progress: () => undefined,
  };
  await readPage(input, scan);
  const named = tally.facts();
  return { ...facts, ...named, sha256: named.named.length > 0 ? await sha256Of(input, sink) : null };
}

async function sha256Of(input: ParserInput, sink: ParseSink): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of input.stream()) {
    sink.throwIfCancelled();
    hash.update(chunk);
  }
  return hash.digest('hex');
}

/**
 * One pass over the bytes: the header title (settled by the first block, as html-parser.ts
 * settles it: a header after the first message names nothing), and whether a holder mark occurs.
 */
interface Skim {
  title: string | null;
  mentionsHolder: boolean;
  /** Set when the bytes failed after the header was read (only when asked for a partial reading). */
  unreadable?: string;
}

async function skimPage(input: ParserInput, sink: ParseSink, partial: boolean): Promise<Skim> {
  const decoder = new Utf8ChunkDecoder();
  const tokenizer = new HtmlTokenizer();
  const collector = new BlockCollector();
  const tokens: HtmlToken[] = [];
  let title: string | null = null;
  let settled = false;
  let mentionsHolder = false;
  let carry = Buffer.alloc(0);
  const settle = (): void => {
    for (const token of tokens) collector.push(token);
    tokens.length = 0;
    const [first] = collector.take();
    if (first === undefined) return;
    settled = true;
    if (first.kind === 'header') title = headerTitleOf(first);
  };
  try {
    for await (const chunk of input.stream()) {
      sink.throwIfCancelled();
      const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
      if (!mentionsHolder) {
        const window = Buffer.concat([carry, bytes]);
        mentionsHolder = NEEDLES.some((needle) => window.includes(needle));
        carry = window.subarray(Math.max(0, window.length - LONGEST_NEEDLE + 1));
      }
      // The header is at the top: only as much of the page is parsed as it takes to reach its first block.
      for (let start = 0; !settled && start < chunk.byteLength; start += SKIM_SLICE_BYTES) {
        tokenizer.push(decoder.decode(chunk.subarray(start, start + SKIM_SLICE_BYTES)), tokens);
        settle();
      }
      if (settled && mentionsHolder) break;
    }
  } catch (error) {
    // Before the header is read, which chat the page belongs to is unknown: the caller must say so.
    if (!partial || !settled || isCancellation(error)) throw error;
    return { title, mentionsHolder, unreadable: reasonOf(error) };
  }
  if (!settled) {
    tokenizer.push(decoder.end(), tokens);
    tokenizer.end(tokens);
    settle();
    // A block the file ends inside still comes first.
    collector.end();
    if (!settled) settle();
  }
  return { title, mentionsHolder };
}

export function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
