/**
 * A participant's joining, leaving, being added or removed, as iOS writes it under that
 * participant's own name (`X: ‎X עזב/ה`), in Hebrew, Arabic and Persian (rule 4 of authors.ts,
 * author-notices.ts). Right-to-left bodies are kept from the rules that read any marked line
 * naming its writer as a notice, since their writers' keyboards mark every message; these are
 * read only word for word.
 *
 * The wordings are WhatsApp's own: its Android strings.xml `group_participant_added_name`,
 * `group_participant_joined_by_link_names`, `group_participant_left_name`,
 * `group_participant_removed_name`, `group_participants_name_added_names` and
 * `group_participants_name_removed_names` in values-iw, values-ar and values-fa, as
 * HassanSardar/GBWhatsApp_Raw (2017) carries them, the string table starkdmi/whats_json's
 * pattern generator names as its source of translations. A real Hebrew iOS export
 * (TalTouboul/---------- `_chat.txt`) writes `X הסיר/ה את Y` under Y exactly as
 * `group_participants_name_removed_names` has it. Other versions' wordings, if they differ, no
 * source here shows: a body in them stays the participant's message.
 *
 * The one who acted must be someone the export shows, not any few words: a name a header of the
 * chat gives (isActOnParticipant in author-notices.ts asks the same), a non-contact as iOS marks
 * one (`~ Name`, FORMATS.md §1.3), or a phone number (how a name not in the contacts is written,
 * FORMATS.md §1.2-1.3). Otherwise a person's sentence ending in a wording under their own name
 * ("لا أعرف لماذا أحمد أضاف ليلى", I don't know why Ahmed added Leila) would lose its writer; an
 * admin who never wrote leaves the notice a line under the participant's name, its words intact.
 */

/** Where a wording names the participant it is written under, and the one who acted on them. */
const SUBJECT = '{subject}';
const ACTOR = '{actor}';

const WORDINGS = [
  // Hebrew (values-iw)
  `${SUBJECT} הצטרף/ה באמצעות קישור ההזמנה של קבוצה זו`,
  `${SUBJECT} עזב/ה`,
  `${SUBJECT} נוסף/ה לקבוצה`,
  `${SUBJECT} הוסר/ה`,
  `${ACTOR} הוסיף/ה את ${SUBJECT}`,
  `${ACTOR} הסיר/ה את ${SUBJECT}`,
  // Arabic (values-ar)
  `${SUBJECT} انضم إلى المجموعة عبر استخدام رابط الدعوة الخاص بها`,
  `${SUBJECT} غادر`,
  `تمت إضافة ${SUBJECT}`,
  `تمت إزالة ${SUBJECT}`,
  `${ACTOR} أضاف ${SUBJECT}`,
  `${ACTOR} أزال ${SUBJECT}`,
  // Persian (values-fa)
  `${SUBJECT} با استفاده از لینک دعوت به گروه ملحق شد`,
  `${SUBJECT} ترک کرد`,
  `${SUBJECT} اضافه شد`,
  `${SUBJECT} حذف شد`,
  `${SUBJECT} توسط ${ACTOR} اضافه شد`,
  `${ACTOR} ${SUBJECT} را حذف کرد`,
];

/** A wording cut at its two names: the text before, between and after them. */
interface WordingParts {
  /** The names in the order the wording writes them. */
  actorFirst: boolean;
  hasActor: boolean;
  head: string;
  middle: string;
  tail: string;
}

function partsOf(wording: string): WordingParts {
  const subjectAt = wording.indexOf(SUBJECT);
  const actorAt = wording.indexOf(ACTOR);
  if (actorAt === -1) {
    return { actorFirst: false, hasActor: false, head: wording.slice(0, subjectAt), middle: '', tail: wording.slice(subjectAt + SUBJECT.length) };
  }
  const [first, firstLength, second, secondLength] = actorAt < subjectAt ? [actorAt, ACTOR.length, subjectAt, SUBJECT.length] : [subjectAt, SUBJECT.length, actorAt, ACTOR.length];
  return { actorFirst: actorAt < subjectAt, hasActor: true, head: wording.slice(0, first), middle: wording.slice(first + firstLength, second), tail: wording.slice(second + secondLength) };
}

const PARTS: readonly WordingParts[] = WORDINGS.map(partsOf);
/** Longest wording without its names: a longer body holds more than a wording and its names. */
const MAX_WORDING_LENGTH = Math.max(...WORDINGS.map((wording) => wording.replace(SUBJECT, '').replace(ACTOR, '').length));
/** Longest text taken for the acting participant's name: a name, not a sentence. */
const MAX_ACTOR_LENGTH = 80;
const MAX_ACTOR_WORDS = 6;
/** `~ ` before a name not in the phone's contacts. */
const NON_CONTACT_MARK_LENGTH = 2;
const SENTENCE_PUNCTUATION = /[,.!?;:\u060c\u061b\u061f\n]/u;
/** Spaces WhatsApp writes in names: no-break and narrow no-break (`~\u202fAna`). */
const NAME_SPACES = /[\u00a0\u2007\u202f]/gu;
const SPACE = 0x20;
const NO_BREAK_SPACE = 0xa0;
const FIGURE_SPACE = 0x2007;
const NARROW_NO_BREAK_SPACE = 0x202f;

function looksLikeName(text: string): boolean {
  const name = text.trim();
  return name !== '' && name === text && name.length <= MAX_ACTOR_LENGTH && !SENTENCE_PUNCTUATION.test(name) && name.split(' ').length <= MAX_ACTOR_WORDS;
}

/**
 * The names the chat's headers give, as a body writes them (plainChatNames): looked up, never
 * read through, as a file of many lines under many names would cost their product.
 */
export type ChatNames = ReadonlySet<string>;

/** iOS's mark before a name not in the phone's contacts (spaces already made plain). */
const NON_CONTACT_MARK = /^~ ?(?=\S)/u;
/** Direction marks and embeddings around a phone number (`‪+40 521 028 61 88‬`). */
const BIDI_CONTROLS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/gu;
/** A phone number as WhatsApp writes one it has no name for: a plus, then digits in groups. */
const PHONE_NUMBER = /^\+\d[\d ()-]{4,}\d$/u;

/** The names the chat's headers give, as a body writes them: plain spaces, no non-contact mark. */
function plainChatName(name: string): string {
  return name.replace(NAME_SPACES, ' ').trim().replace(NON_CONTACT_MARK, '');
}

/** The chat's names (SenderStatistics.counts' keys) as isRightToLeftGroupEvent looks them up. */
export function plainChatNames(names: Iterable<string>): Set<string> {
  const plain = new Set<string>();
  for (const name of names) {
    const written = plainChatName(name);
    if (written !== '') plain.add(written);
  }
  return plain;
}

/** True when `text` (spaces made plain) is someone the export shows, other than `subject`. */
function isKnownActor(text: string, subject: string, chatNames: ChatNames): boolean {
  if (!looksLikeName(text)) return false;
  if (NON_CONTACT_MARK.test(text) || PHONE_NUMBER.test(text.replace(BIDI_CONTROLS, ''))) return true;
  return text !== plainChatName(subject) && chatNames.has(text);
}

/** The subject as the body may write it: iOS puts `~ ` before a name not in the phone's contacts. */
function subjectForms(subject: string): string[] {
  return [subject, `~ ${subject}`, `~${subject}`];
}

function matchesParts(body: string, subject: string, parts: WordingParts, chatNames: ChatNames): boolean {
  if (!body.startsWith(parts.head) || !body.endsWith(parts.tail)) return false;
  const inner = body.slice(parts.head.length, body.length - parts.tail.length);
  for (const form of subjectForms(subject)) {
    if (!parts.hasActor) {
      if (inner === form) return true;
    } else if (parts.actorFirst) {
      const ending = parts.middle + form;
      if (inner.endsWith(ending) && isKnownActor(inner.slice(0, inner.length - ending.length), subject, chatNames)) return true;
    } else {
      const opening = form + parts.middle;
      if (inner.startsWith(opening) && isKnownActor(inner.slice(opening.length), subject, chatNames)) return true;
    }
  }
  return false;
}

/**
 * True when a body (marks removed) is, word for word, one of the group events above about
 * `sender`, the name it is written under; `chatNames` are the names the chat's headers give
 * (plainChatNames).
 */
export function isRightToLeftGroupEvent(plainBody: string, sender: string, chatNames: ChatNames): boolean {
  // Most bodies are told by length, or by not naming their writer, before any wording is tried:
  // a right-to-left writer's keyboard marks every message, and each one gets here.
  if (plainBody.length > MAX_WORDING_LENGTH + NON_CONTACT_MARK_LENGTH + sender.length + MAX_ACTOR_LENGTH) return false;
  const lastWord = lastNameWord(sender);
  if (lastWord === '' || !plainBody.includes(lastWord)) return false;
  const subject = sender.replace(NAME_SPACES, ' ').trim();
  const body = plainBody.replace(NAME_SPACES, ' ').trim();
  return PARTS.some((parts) => matchesParts(body, subject, parts, chatNames));
}

/** The name's last word: the body of a wording about it holds it, whatever spaces the name has. */
function lastNameWord(name: string): string {
  let end = name.length;
  while (end > 0 && isNameSpace(name.charCodeAt(end - 1))) end -= 1;
  let start = end;
  while (start > 0 && !isNameSpace(name.charCodeAt(start - 1))) start -= 1;
  return name.slice(start, end);
}

function isNameSpace(code: number): boolean {
  return code === SPACE || code === NO_BREAK_SPACE || code === FIGURE_SPACE || code === NARROW_NO_BREAK_SPACE;
}
