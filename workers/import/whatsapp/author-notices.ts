/**
 * Rule 4 of the author rules (authors.ts): when a line that has a name and a colon is really a
 * notice WhatsApp wrote under that name (iOS writes notices as if authored by the chat or a
 * participant), decided from the statistics of the whole file.
 */

import type { AuthorSplit, SenderStatistics } from './authors.ts';
import { hasNoticeShape, isKnownNotice, MAX_NOTICE_LENGTH } from './notices.ts';
import { SYSTEM_NOTICE_KEYWORDS } from './notice-keywords.ts';
import { isRightToLeftGroupEvent, plainChatNames } from './rtl-group-events.ts';
import type { ChatNames } from './rtl-group-events.ts';

/**
 * How many marked bodies of no known wording one name may carry and still be the name iOS
 * writes notices under. The notices seen come one to three per name (an end-to-end notice, a
 * security code changed twice), and all of those are known; a name with more unknown ones is
 * a person whose bodies are all marked (rule 4).
 */
const MAX_UNRECOGNISED_NOTICES_PER_NAME = 2;
const QUOTE_CHARACTERS = /["“”„«»]/gu;
/**
 * How the notices an export writes under a name open, in English (the only unmarked ones seen,
 * whatstk pokemon.txt); marked ones (every genuine iOS export) are caught in every language.
 */
const ENGLISH_NOTICE_OPENING =
  /^(?:messages and calls are end-to-end encrypted|messages (?:you send )?to this (?:group|chat)(?: and calls)? are now secured with end-to-end encryption|your security code with .{1,120} changed|this business uses a secure service from meta)/iu;

/**
 * Whether rule 4 can make an authored line a notice at all: only a body that starts with a
 * direction mark, a name seen once, or the file's first line (where WhatsApp puts the end-to-end
 * notice, under the contact's name in a private chat) can be one. False settles the line as a
 * message cheaply.
 */
export function mayBeNotice(split: AuthorSplit, statistics: SenderStatistics, line: number): boolean {
  return split.sender !== null && (split.marked || line === statistics.firstHeaderLine || (statistics.counts.get(split.sender) ?? 0) <= 1);
}

/**
 * Rule 4: why an authored line is really a notice, or null for a message. `plainBody` is
 * the body without direction marks; placeholders (media, deleted, location) never get here.
 * `line` is the record's 0-based header line.
 */
export function noticeReason(split: AuthorSplit, plainBody: string, statistics: SenderStatistics, line: number): string | null {
  const sender = split.sender;
  if (sender === null || !mayBeNotice(split, statistics, line)) {
    return null;
  }
  if (split.marked && isKnownNotice(plainBody)) {
    return 'body starts with a direction mark and names a WhatsApp notice';
  }
  if (split.marked && !opensInRightToLeftScript(plainBody) && carriesOnlyNotices(sender, statistics)) {
    return 'body starts with a direction mark under a name that never wrote an unmarked message, and only a few plain marked ones';
  }
  if (split.marked && !opensInRightToLeftScript(plainBody) && hasNoticeShape(plainBody)) {
    if (mentionsName(plainBody, sender)) {
      return 'body starts with a direction mark and names the one it is written under, as the notices about a participant do ("X was added", "Y added X")';
    }
    if (isGroupName(sender, statistics)) {
      return "body starts with a direction mark under the group's own name (the end-to-end notice's, never an unmarked message's)";
    }
  }
  if (split.marked && hasNoticeShape(plainBody) && isActOnParticipant(plainBody, sender, statistics)) {
    return 'body starts with a direction mark and reads "<participant> <verb> <the one it is written under>", as the notices about a participant do in any script ("X הסיר/ה את Y")';
  }
  if (split.marked && isRightToLeftGroupEvent(plainBody, sender, namesOf(statistics).chat) && hasNoticeShape(plainBody)) {
    return "body starts with a direction mark and is WhatsApp's own wording of a participant joining, leaving, added or removed (Hebrew, Arabic, Persian), about the one it is written under";
  }
  const seenOnce = (statistics.counts.get(sender) ?? 0) <= 1;
  const keywords = SYSTEM_NOTICE_KEYWORDS.test(plainBody.length > MAX_NOTICE_LENGTH ? plainBody.slice(0, MAX_NOTICE_LENGTH) : plainBody);
  if (seenOnce && keywords && hasNoticeShape(plainBody) && (line === statistics.firstHeaderLine || ENGLISH_NOTICE_OPENING.test(plainBody))) {
    return 'a name seen once, before the text of a WhatsApp notice';
  }
  // Older iOS exports wrote the end-to-end notice unmarked under the contact's name, who writes
  // messages too (AyazKhuraishi/whatsapp-export-inconsistencies, "Encryption": `Jane Doe: Messages
  // to this chat and calls are now secured with end-to-end encryption.`): on the first line only,
  // in WhatsApp's whole English opening.
  if (line === statistics.firstHeaderLine && hasNoticeShape(plainBody) && ENGLISH_NOTICE_OPENING.test(plainBody)) {
    return "the file's first line, in the opening of WhatsApp's end-to-end notice";
  }
  if (seenOnce && isNameQuotedText(sender)) {
    return 'quoted text before the colon: a notice about a subject or name change';
  }
  return null;
}

/** Spaces WhatsApp writes in names: no-break and narrow no-break (`~\u202fAna`). */
const NAME_SPACES = /[\u00a0\u2007\u202f]/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** Fewer letters than this, and a name is as likely a word of the text ("Al", "Jo"). */
const MIN_MENTIONED_NAME_LETTERS = 3;

/**
 * True when the body names `sender` as a whole: iOS writes the notices about a participant
 * under that participant's name, and their text names them again, in every language
 * (`~ Kate: ‎~ Kate was added`, `Mam: ‎Papa heeft Mam toegevoegd`, `Lim.: ‎alfi added ~ Lim.`).
 * No list of wordings is needed; a person's message is marked only when it opens with
 * right-to-left text or an attachment, and rarely names its own writer.
 */
export function mentionsName(plainBody: string, sender: string): boolean {
  const name = sender.replace(NAME_SPACES, ' ').trim();
  if ([...name].filter((char) => LETTER_OR_DIGIT.test(char)).length < MIN_MENTIONED_NAME_LETTERS) return false;
  const body = plainBody.replace(NAME_SPACES, ' ');
  for (let at = body.indexOf(name); at !== -1; at = body.indexOf(name, at + 1)) {
    const before = at === 0 ? '' : body.charAt(at - 1);
    const after = body.charAt(at + name.length);
    if (!LETTER_OR_DIGIT.test(before) && !LETTER_OR_DIGIT.test(after)) return true;
  }
  return false;
}

/**
 * Most words between the two names of an act on a participant: WhatsApp's verb phrase
 * (`הסיר/ה את`, `הוסיף/ה את`) is one to three words, with no punctuation of a sentence.
 */
const MAX_ACT_WORDS = 3;
const SENTENCE_PUNCTUATION = /[,.!?;:\u060c\u061b]/u;

/** The text with the spaces WhatsApp writes in names made plain ones. */
function plainNames(text: string): string {
  return text.replace(NAME_SPACES, ' ');
}

/**
 * True when a right-to-left body is one participant acting on the one it is written under: it
 * opens with another name of the chat and ends with the sender's own, one to three words between
 * (`יניב פיבו: ‎לירית שפיר שמש הסיר/ה את יניב פיבו`, a real Hebrew iOS export,
 * TalTouboul/---------- `_chat.txt`). The looser rule above (any mention of the name) stays off
 * for right-to-left bodies, whose writers' keyboards mark every message; this shape is
 * WhatsApp's, and a person's line rarely has it ("נועה, תזכירי לי … של שירה" has a comma and
 * more words).
 */
function isActOnParticipant(plainBody: string, sender: string, statistics: SenderStatistics): boolean {
  if (!opensInRightToLeftScript(plainBody)) return false;
  const body = plainNames(plainBody).trim();
  const own = plainNames(sender).trim();
  if (own === '' || !body.endsWith(own) || LETTER_OR_DIGIT.test(body.charAt(body.length - own.length - 1))) return false;
  const before = body.slice(0, body.length - own.length).replace(/~ ?$/u, '').trimEnd().replace(/^~ ?/u, '');
  const acting = namesOf(statistics).acting;
  // The other name ends where the wording's first space begins: each such place is looked up.
  for (let end = 1; end < before.length; end += 1) {
    if (!/\s/u.test(before.charAt(end))) continue;
    const other = before.slice(0, end);
    if (other === own || !acting.has(other)) continue;
    const wording = before.slice(end);
    const words = wording.trim().split(/\s+/u);
    if (words.length <= MAX_ACT_WORDS && !SENTENCE_PUNCTUATION.test(wording)) return true;
  }
  return false;
}

/** The chat's names in the two forms the notices compare them in, made once per file. */
interface NameIndex {
  /** As isActOnParticipant compares them: plain spaces, trimmed. */
  acting: ReadonlySet<string>;
  /** As rtl-group-events.ts compares an actor: also without iOS's non-contact mark. */
  chat: ChatNames;
}

const nameIndexes = new WeakMap<ReadonlyMap<string, number>, NameIndex>();

/**
 * The names of `statistics`, indexed: every marked right-to-left line is weighed against the
 * chat's names, and reading them all for each line cost lines times names (quadratic on a big
 * group or a hostile file). The statistics are finished before any line is weighed.
 */
function namesOf(statistics: SenderStatistics): NameIndex {
  const known = nameIndexes.get(statistics.counts);
  if (known !== undefined) return known;
  const acting = new Set<string>();
  for (const name of statistics.counts.keys()) {
    const plain = plainNames(name).trim();
    if (plain !== '') acting.add(plain);
  }
  const index = { acting, chat: plainChatNames(statistics.counts.keys()) };
  nameIndexes.set(statistics.counts, index);
  return index;
}

/**
 * The group's own name: iOS writes the end-to-end notice and the group's events under it
 * (`FOSTI 2024: ‎ara added ~ Aull and ~ Kevin`, `KL 2026: ‎You joined from the community`), and
 * no one writes an unmarked message under it. Three names at least, so the chat is a group: in a
 * private chat the end-to-end notice is written under the contact's name.
 */
function isGroupName(sender: string, statistics: SenderStatistics): boolean {
  return statistics.endToEndNames.has(sender) && !statistics.writesUnmarked.has(sender) && !statistics.writesProse.has(sender) && statistics.counts.size >= 3;
}

/**
 * Rule 4 for marked bodies of no known wording: the name looks like one iOS writes notices
 * under (the chat's or a participant's) and not like a person whose every body is marked.
 */
function carriesOnlyNotices(sender: string, statistics: SenderStatistics): boolean {
  return (
    !statistics.writesUnmarked.has(sender) &&
    !statistics.writesProse.has(sender) &&
    (statistics.unrecognisedMarked.get(sender) ?? 0) <= MAX_UNRECOGNISED_NOTICES_PER_NAME
  );
}

/**
 * The first letter of the body is Arabic, Hebrew or another right-to-left script. Keyboards of
 * those scripts put a direction mark before every message, so a few short marked bodies under a
 * name are as likely a person's as notices in a wording not known here; a known wording (Arabic's
 * end-to-end and security-code notices) is still caught by isKnownNotice. Taking a person's
 * message for a notice hides who wrote it (no sender, kind 'system'); the other mistake shows a
 * notice as a line by the chat's name, with its words intact.
 */
function opensInRightToLeftScript(plainBody: string): boolean {
  const letter = /\p{L}/u.exec(plainBody)?.[0];
  return letter !== undefined && /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u.test(letter);
}

/**
 * Hebrew writes its abbreviations with a gershayim between two letters, and keyboards type it
 * as an ASCII '"' (`כו"ח`, `ד"ר`, `צה"ל`): a mark inside a word, never a quote that opens.
 */
const HEBREW_GERSHAYIM = /(?<=\p{Script=Hebrew})["״](?=\p{Script=Hebrew})/gu;

/**
 * True when a notice's "name" is really part of its text: the colon after it sits inside a
 * quote left open (`You changed the subject from "Plan: A"…`), i.e. an odd number of quotes.
 * A Hebrew gershayim is no quote: a real group named `כו"ח - …` (TalTouboul/---------- `_chat.txt`)
 * lost its name to the text of its end-to-end notice.
 */
export function isNameQuotedText(sender: string): boolean {
  const quotes = sender.replace(HEBREW_GERSHAYIM, '').match(QUOTE_CHARACTERS);
  return (quotes?.length ?? 0) % 2 === 1;
}
