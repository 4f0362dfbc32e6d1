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
 *    The lines alone cannot tell that contact from a person who opens every message with a
 *    label (`Ana: Job: …`, `Re: …`, `Adresa: …`), so the rest of the file is asked: the
 *    label is text, and the name stays `Name`, when another name also starts a body with
 *    `X: ` (a name belongs to one contact; a label shared is the chat's convention), or when
 *    `Name` stands alone, without `: X`, in a line with no author (`Ann added Ana`, `Ana
 *    left`: WhatsApp writes a person's display name the same way everywhere).
 *    Otherwise the first split stands: Chatistics `_chat 3.txt` line 5
 *    `The final test: Does it work with colons?: Hallelujah!` gives sender "The final test",
 *    which is also a sender on line 8.
 * 3. No split point: a system notice, unless the line starts with a known sender followed
 *    by ':' (chat-miner `John Doe:.`).
 * 4. (author-notices.ts) iOS writes some notices under a name (`Elon Musk: ‎Messages and calls are end-to-end
 *    encrypted…`). A body that starts with a direction mark and is not a media/deleted/
 *    location placeholder is a notice when it reads as a notice in a known wording
 *    (notices.ts: end-to-end, security code, business chat in every sample language; blocks
 *    in English; missed calls in English and the languages of the placeholder tables), or when its name carries nothing but such lines: the
 *    name never wrote an unmarked body, wrote at most MAX_UNRECOGNISED_NOTICES_PER_NAME
 *    marked bodies of no known wording, and none of them could be a person's (several lines,
 *    a question, emoji, long). The mark alone proves nothing: an Arabic, Hebrew or Persian
 *    writer whose keyboard puts an RLM before every message, or whose messages open with
 *    RTL text or an emoji WhatsApp marks, has every body marked, and taking them all for
 *    notices would hide that person's authorship. Notices are few per name and plain; a
 *    writer has many bodies, and a body opening in a right-to-left script is a notice only in
 *    a known wording (a writer of few short messages is as likely as an unknown notice). The reason a line became a notice is kept on the record
 *    (`systemReason`). An unmarked notice under a name
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
import { isKnownNotice, looksLikeProse, MAX_NOTICE_LENGTH } from './notices.ts';
import { END_TO_END_KEYWORDS } from './notice-keywords.ts';
import { classifyPlaceholders, isMessagePlaceholder } from './placeholders.ts';

/** Split points further right than this cannot be the end of a name. */
const MAX_SENDER_LENGTH = 200;
const MAX_SPLIT_CANDIDATES = 6;
const MIN_MESSAGES_FOR_NAME_EXTENSION = 5;
const MAX_NAME_EXTENSION_LENGTH = 40;
/**
 * Bounds on what rule 2's evidence keeps while a file streams by: labels that start a body and
 * the texts of lines with no author. Past them evidence is no longer gathered (the rule then
 * falls back to the shape of the name's own lines).
 */
const MAX_TRACKED_LABELS = 50_000;
const MAX_TRACKED_UNAUTHORED_LINES = 5_000;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LEFT_TO_RIGHT_MARK = 0x200e;
const RIGHT_TO_LEFT_MARK = 0x200f;
const SPACE = 0x20;
/**
 * iOS non-contacts: `~` + U+202F (or a plain space) before the profile name. The space is
 * required: a tilde directly before a letter is part of a saved name (`~Lucy~`).
 */
const NON_CONTACT_MARKER = /^~[\u202f\u00a0 ]/u;
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
  /** Per name: marked bodies that are neither a placeholder nor a notice in a known wording. */
  unrecognisedMarked: Map<string, number>;
  /** Names with a marked body no notice can be: several lines, a question, emoji, long (notices.ts). */
  writesProse: Set<string>;
  /** Names the end-to-end notice is written under: the chat's own name (a group's, or the contact's in a private chat). */
  endToEndNames: Set<string>;
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
  private readonly unrecognisedMarked = new Map<string, number>();
  private readonly writesProse = new Set<string>();
  private readonly endToEndNames = new Set<string>();
  /** Who started a body with each `: X` label (rule 2), or null once two names have. */
  private readonly labelUsers = new Map<string, string | null>();
  /** Texts of header lines with no split point (`Ann added Ana`, `Ana left`), marks removed. */
  private readonly unauthored: string[] = [];
  /**
   * The name of the last header line when its body was marked and no placeholder: a line that
   * continues it makes the body a person's, whatever its first line says (a notice is one line).
   */
  private lastMarked: string | null = null;

  add(candidate: AuthorCandidate): void {
    this.lastMarked = null;
    const name = candidate.firstName;
    const first = candidate.splitPoints[0];
    if (name === null || first === undefined) {
      this.addUnauthored(candidate.rest);
      return;
    }
    const prefix = extensionPrefix(candidate, first);
    const count = this.counts.get(name);
    if (count === undefined) {
      this.addName(name, prefix);
    } else {
      this.counts.set(name, count + 1);
      const common = this.commonPrefix.get(name);
      if (common !== null && common !== prefix) {
        this.commonPrefix.set(name, null);
      }
    }
    this.addLabel(prefix, name);
    const bodyStart = bodyStartAfter(candidate.rest, first);
    const bodyFirstCode = candidate.rest.charCodeAt(bodyStart);
    if (bodyFirstCode === LEFT_TO_RIGHT_MARK || bodyFirstCode === RIGHT_TO_LEFT_MARK) {
      this.addMarkedBody(name, candidate.rest.slice(bodyStart));
    } else if (!this.writesUnmarked.has(name)) {
      this.writesUnmarked.add(ownCopy(name));
    }
  }

  /** A line that continues the last header's body: a notice is never more than one line. */
  addContinuation(): void {
    if (this.lastMarked !== null) {
      this.addProse(this.lastMarked);
      this.lastMarked = null;
    }
  }

  /**
   * A name seen for the first time is kept as a string of its own: a slice would keep the whole
   * region of text it was cut from alive for as long as the file is read.
   */
  private addName(name: string, prefix: string | null): void {
    const own = ownCopy(name);
    this.counts.set(own, 1);
    this.commonPrefix.set(own, prefix === null ? null : ownCopy(prefix));
  }

  /** Like addName: every name a map or set keeps for the whole file is an own copy. */
  private addProse(name: string): void {
    if (!this.writesProse.has(name)) this.writesProse.add(ownCopy(name));
  }

  /** Rule 4's evidence: marked bodies that are no placeholder and no notice in a known wording. */
  private addMarkedBody(name: string, writtenBody: string): void {
    const plainBody = removeInvisibleMarks(writtenBody);
    if (isMessagePlaceholder(classifyPlaceholders(plainBody, writtenBody))) {
      return;
    }
    this.lastMarked = name;
    if (isKnownNotice(plainBody)) {
      if (END_TO_END_KEYWORDS.test(plainBody) && !this.endToEndNames.has(name)) this.endToEndNames.add(ownCopy(name));
      return;
    }
    const count = this.unrecognisedMarked.get(name);
    if (count === undefined) this.unrecognisedMarked.set(ownCopy(name), 1);
    else this.unrecognisedMarked.set(name, count + 1); // an existing entry keeps its own key
    if (looksLikeProse(plainBody)) {
      this.addProse(name);
    }
  }

  private addLabel(prefix: string | null, name: string): void {
    if (prefix === null || prefix.length > MAX_NAME_EXTENSION_LENGTH) {
      return;
    }
    const user = this.labelUsers.get(prefix);
    if (user === undefined) {
      if (this.labelUsers.size < MAX_TRACKED_LABELS) this.labelUsers.set(ownCopy(prefix), ownCopy(name));
    } else if (user !== null && user !== name) {
      this.labelUsers.set(prefix, null);
    }
  }

  private addUnauthored(rest: string): void {
    if (rest.length <= MAX_NOTICE_LENGTH && this.unauthored.length < MAX_TRACKED_UNAUTHORED_LINES) {
      this.unauthored.push(ownCopy(removeInvisibleMarks(rest)));
    }
  }

  /**
   * Rule 2: `Name: X` is one contact's name only when nothing in the file says the label is
   * text. Another name that starts a body with the same `X: ` makes it a convention of the chat
   * (`Job: …` in a job-ads group); `Name` standing alone in a line with no author (`Ann added
   * Ana`, `Ana left`) is the display name WhatsApp uses for that person.
   */
  private labelIsText(name: string, prefix: string): boolean {
    return this.labelUsers.get(prefix) === null || this.unauthored.some((text) => mentionsAlone(text, name, prefix));
  }

  finish(firstHeaderLine: number): SenderStatistics {
    const extensions = new Map<string, string>();
    for (const [name, prefix] of this.commonPrefix) {
      const count = this.counts.get(name) ?? 0;
      if (prefix !== null && count >= MIN_MESSAGES_FOR_NAME_EXTENSION && prefix.length <= MAX_NAME_EXTENSION_LENGTH && !this.labelIsText(name, prefix)) {
        extensions.set(name, cleanSender(name + prefix));
      }
    }
    return {
      counts: this.counts,
      writesUnmarked: this.writesUnmarked,
      unrecognisedMarked: this.unrecognisedMarked,
      writesProse: this.writesProse,
      endToEndNames: this.endToEndNames,
      extensions,
      extendedNames: new Set(extensions.values()),
      firstHeaderLine,
    };
  }
}

function isLetterOrDigit(char: string): boolean {
  return char !== '' && LETTER_OR_DIGIT.test(char);
}

/** True when `text` names `name` as a whole word that `prefix` (`: X`) does not follow. */
export function mentionsAlone(text: string, name: string, prefix: string): boolean {
  for (let index = text.indexOf(name); index !== -1; index = text.indexOf(name, index + 1)) {
    const end = index + name.length;
    if (!isLetterOrDigit(text.charAt(index - 1)) && !isLetterOrDigit(text.charAt(end)) && !text.startsWith(prefix, end)) {
      return true;
    }
  }
  return false;
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
  const written = bodyAfter(candidate.rest, first);
  return isMessagePlaceholder(classifyPlaceholders(removeInvisibleMarks(written), written)) ? null : prefix;
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
