/**
 * Conversations for e-mail: a thread is named after its root message, found from References (the
 * root is listed first), then In-Reply-To, then the message's own Message-ID. Naming the thread
 * after the root gives a reply and its original the same thread even when they sit in different
 * files, or when the reply comes first in the mailbox. Within one mailbox, ids seen so far also
 * join a message whose References are incomplete. Without any id, messages with the same subject
 * (reply and forward prefixes removed) form a thread.
 */

export interface ThreadFacts {
  messageId: string | null;
  inReplyTo: string | null;
  references: string[];
  subject: string | null;
}

export interface Thread {
  key: string;
  /** True when the thread is named after a Message-ID (comparable across files); false for subject threads. */
  byId: boolean;
  /** First time this thread is seen in this source. */
  isNew: boolean;
}

/** Re:, Fwd:, and the usual translations (AW, WG, SV, VS, TR, RV, RIF, ODP, ENC, YNT, Отв, Πρβλ...). */
const REPLY_PREFIX = /^\s*(?:re|fwd?|aw|wg|sv|vs|tr|rv|rif|odp|enc|antw|ynt|отв|пер|fw)\s*(?:\[\d+\])?\s*:\s*/iu;

/** The subject without its reply and forward prefixes, as written otherwise (a thread's title). */
export function subjectWithoutPrefixes(subject: string | null): string {
  let rest = (subject ?? '').trim();
  for (let previous = ''; previous !== rest; ) {
    previous = rest;
    rest = rest.replace(REPLY_PREFIX, '');
  }
  return rest.replace(/\s+/gu, ' ');
}

/** The subject as threads compare it: prefixes removed, space collapsed, case folded. */
export function normaliseSubject(subject: string | null): string {
  return subjectWithoutPrefixes(subject).toLowerCase();
}

export class EmailThreads {
  private readonly byMessageId = new Map<string, string>();
  private readonly bySubject = new Map<string, string>();
  private readonly seen = new Set<string>();
  /** Per thread, the people already named in it (by address, or name when there is none). */
  private readonly people = new Map<string, Set<string>>();

  /** Of `mailboxes` (sender and recipients of one message), those not yet named in thread `key`; remembers them. */
  newcomers<T extends { name: string; address: string }>(key: string, mailboxes: readonly T[]): T[] {
    const named = this.people.get(key) ?? new Set<string>();
    this.people.set(key, named);
    return mailboxes.filter((mailbox) => {
      const person = (mailbox.address === '' ? `name:${mailbox.name}` : mailbox.address).toLowerCase();
      if (person === 'name:' || named.has(person)) return false;
      named.add(person);
      return true;
    });
  }

  /** `fallback` names a thread of its own when a message has neither ids nor a subject. */
  assign(facts: ThreadFacts, fallback: string): Thread {
    const ids = [...facts.references, ...(facts.inReplyTo === null ? [] : [facts.inReplyTo])].map(cleanId).filter((id) => id !== '');
    const own = facts.messageId === null ? '' : cleanId(facts.messageId);
    const known = [...ids, own].map((id) => this.byMessageId.get(id)).find((key) => key !== undefined);
    const subject = normaliseSubject(facts.subject);
    const root = ids[0] ?? (own === '' ? undefined : own);
    let key: string;
    if (known !== undefined) key = known;
    else if (root !== undefined) key = `id:${root}`;
    else key = subject === '' ? `message:${fallback}` : (this.bySubject.get(subject) ?? `subject:${subject}`);
    for (const id of [...ids, own]) if (id !== '' && !this.byMessageId.has(id)) this.byMessageId.set(id, key);
    if (subject !== '' && !this.bySubject.has(subject)) this.bySubject.set(subject, key);
    const isNew = !this.seen.has(key);
    this.seen.add(key);
    return { key, byId: key.startsWith('id:'), isNew };
  }
}

/** Message-IDs compare without their angle brackets and surrounding space. */
function cleanId(id: string): string {
  return id.trim().replace(/^<|>$/gu, '').trim();
}
