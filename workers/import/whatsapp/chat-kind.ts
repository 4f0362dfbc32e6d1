/**
 * Group or private chat, for a WhatsApp text export (which never says which it is).
 *
 * The file shows it in two ways, checked in this order:
 * 1. a group event among its system lines: a group created, people added, removed or leaving,
 *    the subject, icon, description or settings changed, someone joining by invite link or
 *    made admin. Such lines exist in groups only; one is enough, whoever spoke.
 * 2. more than two distinct senders.
 * One or two senders and no group event: 'private'. No sender and no group event: 'unknown'.
 *
 * Group events are recognised by the word "group" in the languages whose placeholders
 * media-lines.ts reads, and by the verbs seen in the sample exports (English Android and iOS:
 * WhatsR, whats_json, chat-miner, chat-analytics; German Android and iOS: WhatsR; Russian
 * Android: whats_json). In another language a two-person group without a system line that
 * names the group reads as private; the evidence says what the decision rests on.
 */

import { ownCopy } from '../../../shared/text/own-copy.ts';

import { SECURITY_CODE_KEYWORDS } from './notice-keywords.ts';
import { removeInvisibleMarks } from './text-cleaning.ts';

export type ChatKind = 'group' | 'private' | 'unknown';

export interface ChatKindDecision {
  kind: ChatKind;
  /** What the decision rests on, in words a reader can check against the file. */
  evidence: string;
}

/**
 * "Group" as WhatsApp writes it: en group (fr groupe), es/pt grupo, de Gruppe, it gruppo, id grup,
 * nl groep, cs skupina, ru группа, uk група, vi nhóm, ar مجموعة, ja グループ, th กลุ่ม, hi ग्रुप/समूह.
 * Latin and Cyrillic stems must start a word; the others are matched anywhere.
 */
const GROUP_WORD = /(?<![\p{L}\p{N}])(?:group|grup|groep|skupin|груп|nhóm)|مجموعة|グループ|กลุ่ม|ग्रुप|समूह/iu;

/** Group events without the word "group", as the sample exports write them. */
const GROUP_EVENT_VERBS = [
  // en: "Alice added Bob", "You were added", "You removed Tony Stark", "+90 535 540 20 75 left",
  // "You changed the subject from …", "You're now an admin"
  /(?<!\p{L})(?:added|removed)(?!\p{L})/iu,
  /(?<!\p{L})left\.?$/iu,
  /(?<!\p{L})changed the subject(?!\p{L})/iu,
  /(?<!\p{L})now an admin(?!\p{L})/iu,
  // de: "Du hast Mallory hinzugefügt.", "Bob hat Bob entfernt.", "Bob hat den Betreff … geändert.",
  // "%@ hat die Gruppe verlassen."
  /(?<!\p{L})(?:hinzugefügt|entfernt|betreff|verlassen)(?!\p{L})/iu,
  // ru: "Ольга добавил(-а) контакт +7 909 555-55-55"
  /(?<!\p{L})добавил/iu,
];

/**
 * Notices that name a contact, in private chats as in groups ("Your security code with X
 * changed", "X changed their phone number"): a name such as "Group Travel" must not make them
 * group events.
 */
const NAMES_A_CONTACT = [SECURITY_CODE_KEYWORDS, /changed (?:their|his|her) phone number|telefonnummer geändert/iu];

/** Notices are short: a system line longer than this is looked at only so far. */
const MAX_EVENT_LENGTH = 400;
/** Senders named in the evidence; the rest are counted. */
const NAMED_SENDERS = 3;
/** Characters of a group event quoted in the evidence. */
const QUOTED_EVENT_LENGTH = 80;

/** True when the first line of a system record's text is a group event (see GROUP_WORD, GROUP_EVENT_VERBS). */
export function isGroupEvent(text: string): boolean {
  const newline = text.indexOf('\n');
  const firstLine = removeInvisibleMarks(newline === -1 ? text : text.slice(0, newline)).trim();
  const line = firstLine.length > MAX_EVENT_LENGTH ? firstLine.slice(0, MAX_EVENT_LENGTH) : firstLine;
  if (line === '' || NAMES_A_CONTACT.some((pattern) => pattern.test(line))) return false;
  return GROUP_WORD.test(line) || GROUP_EVENT_VERBS.some((pattern) => pattern.test(line));
}

function quote(text: string): string {
  const line = removeInvisibleMarks(text.split('\n', 1)[0] ?? '').trim();
  return line.length > QUOTED_EVENT_LENGTH ? `${line.slice(0, QUOTED_EVENT_LENGTH)}…` : line;
}

/** Collects what the records show, then decides. */
export class ChatKindTally {
  private readonly senders = new Set<string>();
  private groupEvent: { line: number; text: string } | null = null;

  /** A message record's sender (kept as a string of its own: a slice would pin the file's text). */
  addSender(sender: string): void {
    if (!this.senders.has(sender)) this.senders.add(ownCopy(sender));
  }

  /** A system record: its first line (1-based) and text. Only the first group event is kept. */
  addSystemLine(line: number, text: string): void {
    if (this.groupEvent === null && isGroupEvent(text)) this.groupEvent = { line, text: ownCopy(quote(text)) };
  }

  decide(): ChatKindDecision {
    const count = this.senders.size;
    // Quoted: names hold commas ("Perry, Andrea").
    const names = [...this.senders].slice(0, NAMED_SENDERS).map((name) => `"${name}"`).join(', ') + (count > NAMED_SENDERS ? ', …' : '');
    const senders = count === 1 ? `1 sender (${names})` : `${count} distinct senders${count === 0 ? '' : ` (${names})`}`;
    if (this.groupEvent !== null) {
      return { kind: 'group', evidence: `group event on line ${this.groupEvent.line}: "${this.groupEvent.text}"; ${senders}` };
    }
    if (count > 2) return { kind: 'group', evidence: `${senders}, more than two` };
    if (count > 0) return { kind: 'private', evidence: `${senders} and no group event among the system lines` };
    return { kind: 'unknown', evidence: 'no sender and no group event among the system lines' };
  }
}
