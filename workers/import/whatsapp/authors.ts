/**
 * Splitting `Name: text` after a header, and telling messages from system notices.
 *
 * Rules (FORMATS.md §1.3), applied with the whole file in view:
 * 1. The author ends at the FIRST ": " after the header, or at a ':' that ends the line
 *    (`Carol:` with an empty body).
 * 2. Names can contain ": ". When the first split gives a name seen nowhere else in the
 *    file and a longer split gives a name that is seen elsewhere, the longer one wins. When
 *    every message (at least MIN_MESSAGES_FOR_NAME_EXTENSION) of a name starts with the same
 *    `X: `, the name is taken to be `Name: X` (a contact literally called "Dr: Who"); a body
 *    that is a placeholder (`‎<attached: …>`, `location: …`) never counts as such an `X: `.
 *    Otherwise the first split stands: Chatistics `_chat 3.txt` line 5
 *    `The final test: Does it work with colons?: Hallelujah!` gives sender "The final test",
 *    which is also a sender on line 8.
 * 3. No split point: a system notice, unless the line starts with a known sender followed
 *    by ':' (chat-miner `John Doe:.`).
 * 4. iOS writes some notices under a name (`Elon Musk: ‎Messages and calls are end-to-end
 *    encrypted…`). A body that starts with a direction mark and is not a media/deleted/
 *    location placeholder is a notice when that name never wrote an unmarked body, or when
 *    it names a known notice (end-to-end, security code). An unmarked notice under a name
 *    seen only once (whatstk `Pokemon Chat: Messages and calls…`) is caught by its keywords
 *    only on the file's first header, where WhatsApp puts the end-to-end notice, or when the
 *    body opens like an English notice: a one-off participant who merely mentions a
 *    "security code" keeps the message. A name seen once whose colon sits inside an open
 *    quote is the text of a subject change (`changed the subject from "Plan: A" to "B"`);
 *    a name with a closed quote in it (`"Big" Mike`) is a name.
 *    Such records get kind 'system', sender null and the name in `attributedTo`.
 */

import { ownCopy } from '../../../shared/text/own-copy.ts';
import { removeInvisibleMarks } from './text-cleaning.ts';
import { classifyPlaceholders, isMessagePlaceholder, SYSTEM_NOTICE_KEYWORDS } from './placeholders.ts';

/** Split points further right than this cannot be the end of a name. */
const MAX_SENDER_LENGTH = 200;
const MAX_SPLIT_CANDIDATES = 6;
const MIN_MESSAGES_FOR_NAME_EXTENSION = 5;
const MAX_NAME_EXTENSION_LENGTH = 40;
/** Notices are short; keyword search looks no further than this. */
const MAX_NOTICE_LENGTH = 400;
const LEFT_TO_RIGHT_MARK = 0x200e;
const RIGHT_TO_LEFT_MARK = 0x200f;
const SPACE = 0x20;
/**
 * iOS non-contacts: `~` + U+202F (or a plain space) before the profile name. The space is
 * required: a tilde directly before a letter is part of a saved name (`~Lucy~`).
 */
const NON_CONTACT_MARKER = /^~[\u202f\u00a0 ]/u;
const QUOTE_CHARACTERS = /["“”„«»]/gu;
/**
 * How the notices an export writes under a name open, in English (the only unmarked ones seen,
 * whatstk pokemon.txt); marked ones (every genuine iOS export) are caught in every language.
 */
const ENGLISH_NOTICE_OPENING =
  /^(?:messages and calls are end-to-end encrypted|messages (?:you send )?to this (?:group|chat) are now secured with end-to-end encryption|your security code with .{1,120} changed|this business uses a secure service from meta)/iu;

/** Indices of ':' that can end a name: followed by a space, or ending the line. */
export function findSplitPoints(rest: string): number[] {
  const points: number[] = [];
  const limit = Math.min(rest.length, MAX_SENDER_LENGTH);
  let index = rest.indexOf(':');
  while (index !== -1 && index < limit && points.length < MAX_SPLIT_CANDIDATES) {
    const next = index + 1 < rest.length ? rest.charCodeAt(index + 1) : -1;
    if (next === SPACE || next === -1) {
      if (index > 0) {
        points.push(index);
      }
    }
    index = rest.indexOf(':', index + 1);
  }
  return points;
}

const TILDE = 0x7e;

/** Sender as displayed: marks and the iOS non-contact `~ ` removed, ends trimmed. */
export function cleanSender(raw: string): string {
  const trimmed = removeInvisibleMarks(raw).trim();
  return trimmed.charCodeAt(0) === TILDE ? trimmed.replace(NON_CONTACT_MARKER, '').trim() : trimmed;
}

function startsWithDirectionMark(value: string): boolean {
  const code = value.charCodeAt(0);
  return code === LEFT_TO_RIGHT_MARK || code === RIGHT_TO_LEFT_MARK;
}

/** Index where the body starts after the colon at `colon` (one following space skipped). */
function bodyStartAfter(rest: string, colon: number): number {
  return rest.charCodeAt(colon + 1) === SPACE ? colon + 2 : colon + 1;
}

function bodyAfter(rest: string, colon: number): string {
  return rest.slice(bodyStartAfter(rest, colon));
}

/** What pass 1 learns about one header line's rest. */
export interface AuthorCandidate {
  rest: string;
  splitPoints: number[];
  /** Cleaned name before the first split point, or null. */
  firstName: string | null;
}

export function describeRest(rest: string): AuthorCandidate {
  const splitPoints = findSplitPoints(rest);
  const first = splitPoints[0];
  return { rest, splitPoints, firstName: first === undefined ? null : cleanSender(rest.slice(0, first)) };
}

/** Per-file statistics that the author rules need. */
export interface SenderStatistics {
  /** How many header lines give each first-split name. */
  counts: Map<string, number>;
  /** Names that wrote at least one body not starting with a direction mark. */
  writesUnmarked: Set<string>;
  /** Names extended to `Name: X` by rule 2, and the set of the extended names. */
  extensions: Map<string, string>;
  extendedNames: Set<string>;
  /** 0-based line of the file's first header (-1 when none): where the end-to-end notice stands. */
  firstHeaderLine: number;
}

/** Sender statistics gathered one header at a time (a streamed export never holds its headers). */
export class SenderStatisticsBuilder {
  private readonly counts = new Map<string, number>();
  private readonly writesUnmarked = new Set<string>();
  private readonly commonPrefix = new Map<string, string | null>();

  add(candidate: AuthorCandidate): void {
    const name = candidate.firstName;
    const first = candidate.splitPoints[0];
    if (name === null || first === undefined) {
      return;
    }
    const count = this.counts.get(name);
    if (count === undefined) {
      this.addName(name, candidate, first);
    } else {
      this.counts.set(name, count + 1);
      const common = this.commonPrefix.get(name);
      if (common !== null && common !== extensionPrefix(candidate, first)) {
        this.commonPrefix.set(name, null);
      }
    }
    const bodyFirstCode = candidate.rest.charCodeAt(bodyStartAfter(candidate.rest, first));
    if (bodyFirstCode !== LEFT_TO_RIGHT_MARK && bodyFirstCode !== RIGHT_TO_LEFT_MARK && !this.writesUnmarked.has(name)) {
      this.writesUnmarked.add(ownCopy(name));
    }
  }

  /**
   * A name seen for the first time is kept as a string of its own: a slice would keep the whole
   * region of text it was cut from alive for as long as the file is read.
   */
  private addName(name: string, candidate: AuthorCandidate, first: number): void {
    const own = ownCopy(name);
    this.counts.set(own, 1);
    const prefix = extensionPrefix(candidate, first);
    this.commonPrefix.set(own, prefix === null ? null : ownCopy(prefix));
  }

  finish(firstHeaderLine: number): SenderStatistics {
    const extensions = new Map<string, string>();
    for (const [name, prefix] of this.commonPrefix) {
      const count = this.counts.get(name) ?? 0;
      if (prefix !== null && count >= MIN_MESSAGES_FOR_NAME_EXTENSION && prefix.length <= MAX_NAME_EXTENSION_LENGTH) {
        extensions.set(name, cleanSender(name + prefix));
      }
    }
    return { counts: this.counts, writesUnmarked: this.writesUnmarked, extensions, extendedNames: new Set(extensions.values()), firstHeaderLine };
  }
}

function prefixOf(candidate: AuthorCandidate, first: number): string | null {
  const second = candidate.splitPoints[1];
  return second === undefined ? null : candidate.rest.slice(first, second);
}

/**
 * The `: X` that rule 2 may add to a name, or null. A body that is a WhatsApp placeholder
 * (`‎<attached: …>`, `‎<Anhang: …>`, `location: https://…`) never lends its label to the name:
 * a participant who only sent photos or locations would otherwise become "Seller: <attached"
 * and lose the media with the label. Only lines with a second split point are classified.
 */
function extensionPrefix(candidate: AuthorCandidate, first: number): string | null {
  const prefix = prefixOf(candidate, first);
  if (prefix === null) {
    return null;
  }
  const body = removeInvisibleMarks(bodyAfter(candidate.rest, first));
  return isMessagePlaceholder(classifyPlaceholders(body)) ? null : prefix;
}

export interface AuthorSplit {
  /** Null when the line has no author (an Android or iOS system line). */
  sender: string | null;
  /** Body as written (marks still in). */
  body: string;
  /** True when the body starts with LRM/RLM (iOS notice and placeholder signal). */
  marked: boolean;
}

function isKnownElsewhere(name: string, statistics: SenderStatistics): boolean {
  return (statistics.counts.get(name) ?? 0) >= 2;
}

function chooseSplit(candidate: AuthorCandidate, statistics: SenderStatistics): number | null {
  const points = candidate.splitPoints;
  const first = points[0];
  if (first === undefined || candidate.firstName === null) {
    return null;
  }
  if (statistics.extensions.has(candidate.firstName) && points[1] !== undefined) {
    return points[1];
  }
  if (isKnownElsewhere(candidate.firstName, statistics)) {
    return first;
  }
  for (let index = 1; index < points.length; index += 1) {
    const point = points[index];
    if (point === undefined) {
      continue;
    }
    const name = cleanSender(candidate.rest.slice(0, point));
    if (statistics.extendedNames.has(name) || (statistics.counts.get(name) ?? 0) >= 1) {
      return point;
    }
  }
  return first;
}

/** Known sender directly followed by ':' without a space (`John Doe:.`). */
function splitAtKnownSender(rest: string, statistics: SenderStatistics): number | null {
  const colon = rest.indexOf(':');
  if (colon <= 0 || colon > MAX_SENDER_LENGTH) {
    return null;
  }
  return (statistics.counts.get(cleanSender(rest.slice(0, colon))) ?? 0) >= 1 ? colon : null;
}

/** Splits `Name: text` by rules 1-3. */
export function splitAuthor(candidate: AuthorCandidate, statistics: SenderStatistics): AuthorSplit {
  const rest = candidate.rest;
  const split = chooseSplit(candidate, statistics) ?? splitAtKnownSender(rest, statistics);
  if (split === null) {
    return { sender: null, body: rest, marked: startsWithDirectionMark(rest) };
  }
  const sender = cleanSender(rest.slice(0, split));
  if (sender === '') {
    return { sender: null, body: rest, marked: startsWithDirectionMark(rest) };
  }
  const body = bodyAfter(rest, split);
  return { sender, body, marked: startsWithDirectionMark(body) };
}

/**
 * Whether rule 4 can make an authored line a notice at all: only a body that starts with a
 * direction mark, or a name seen once, can be one. False settles the line as a message cheaply.
 */
export function mayBeNotice(split: AuthorSplit, statistics: SenderStatistics): boolean {
  return split.sender !== null && (split.marked || (statistics.counts.get(split.sender) ?? 0) <= 1);
}

/**
 * Rule 4: why an authored line is really a notice, or null for a message. `plainBody` is
 * the body without direction marks; placeholders (media, deleted, location) never get here.
 * `line` is the record's 0-based header line.
 */
export function noticeReason(split: AuthorSplit, plainBody: string, statistics: SenderStatistics, line: number): string | null {
  const sender = split.sender;
  if (sender === null || !mayBeNotice(split, statistics)) {
    return null;
  }
  const seenOnce = (statistics.counts.get(sender) ?? 0) <= 1;
  const keywords = SYSTEM_NOTICE_KEYWORDS.test(plainBody.length > MAX_NOTICE_LENGTH ? plainBody.slice(0, MAX_NOTICE_LENGTH) : plainBody);
  if (split.marked && !statistics.writesUnmarked.has(sender)) {
    return 'body starts with a direction mark and this name never wrote an unmarked message';
  }
  if (split.marked && keywords) {
    return 'body starts with a direction mark and names a WhatsApp notice';
  }
  if (seenOnce && keywords && (line === statistics.firstHeaderLine || ENGLISH_NOTICE_OPENING.test(plainBody))) {
    return 'a name seen once, before the text of a WhatsApp notice';
  }
  if (seenOnce && isNameQuotedText(sender)) {
    return 'quoted text before the colon: a notice about a subject or name change';
  }
  return null;
}

/**
 * True when a notice's "name" is really part of its text: the colon after it sits inside a
 * quote left open (`You changed the subject from "Plan: A"…`), i.e. an odd number of quotes.
 */
export function isNameQuotedText(sender: string): boolean {
  return (sender.match(QUOTE_CHARACTERS)?.length ?? 0) % 2 === 1;
}
