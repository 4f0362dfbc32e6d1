/**
 * Whose download a Meta message file is. DYI names no account holder in a message file, so every
 * message's direction was unknown and "what did the suspect send" could not be asked. Three facts
 * of the file itself tell it, and nothing else is guessed:
 *
 * - a two-person thread is titled with the other person's name (Meta titles a private thread
 *   for the one downloading it): the participant the title does not name is the holder;
 * - Meta writes what the holder did in the second person, in English exports "You sent an
 *   attachment.", "You named the group …", "You unsent a message." under the holder's own name
 *   (two of them at least: one could be a person's own words);
 * - in a group, Meta's notice "… added you to the group." (a Subscribe record) names the holder
 *   in its `users`.
 *
 * When these disagree, or the "You …" lines stand under more than one name, no one is taken.
 */

/**
 * English second-person sentences Meta writes under the account holder's name, whole (a full
 * stop at the end, nothing after): a person's "You sent the plan?" is their own question. Not
 * "You called Ana." or "You added Ana to the group.": a person writes those to someone too.
 */
const SECOND_PERSON = new RegExp(
  `^You (?:${[
    'sent (?:an attachment|a photo|a video|a sticker|a GIF|a voice message|a link|a location|a live location|a file|\\d+ photos|\\d+ videos)',
    'named the group .{1,200}',
    'set the nickname for .{1,200} to .{1,200}',
    'set your nickname to .{1,200}',
    'changed the group photo',
    'changed the (?:chat )?theme to .{1,100}',
    'set the emoji to .{1,20}',
    'created the group',
    'left the group',
    'unsent a message',
    'started a (?:video )?call',
    'pinned a message',
  ].join('|')})\\.$`,
  'u',
);

export interface AccountHolder {
  name: string;
  evidence: string;
}

/** What the inference reads of a message: its sender and text, and for a membership notice its type and `users`. */
export interface HolderClue {
  sender: string | null;
  text: string;
  extra?: Record<string, unknown>;
}

export function inferAccountHolder(participants: readonly (string | null)[], title: string | null, messages: readonly HolderClue[]): AccountHolder | null {
  const byTitle = holderByTitle(participants, title);
  const bySecondPerson = holderBySecondPerson(messages);
  const noticed = holderByAddedYou(messages);
  // A name the thread's participants do not hold (renamed since, or a notice out of place) would
  // mark every message incoming, the holder's own too: it names no one.
  const byNotice = noticed !== null && noticed !== undefined && participants.length > 0 && !participants.includes(noticed.name) ? null : noticed;
  if (bySecondPerson === undefined || byNotice === undefined) return null;
  const named = new Set([byTitle, bySecondPerson, byNotice?.name ?? null].filter((name): name is string => name !== null));
  if (named.size !== 1) return null;
  if (byTitle !== null) return { name: byTitle, evidence: `a two-person thread titled "${title ?? ''}", the other participant's name` };
  if (bySecondPerson !== null) return { name: bySecondPerson, evidence: 'Meta\'s second-person lines ("You sent…", "You named the group…") stand under this name' };
  return byNotice;
}

/**
 * Meta's notice that someone added the holder to a group: a Subscribe record (Meta's, not a
 * person's words) reading "… added you to the group." whose `users` names the one person added.
 * Null when there is none, undefined when such notices name different people.
 */
const ADDED_YOU = / added you to the group\.$/u;

function holderByAddedYou(messages: readonly HolderClue[]): AccountHolder | null | undefined {
  let found: AccountHolder | null = null;
  for (const message of messages) {
    if (message.extra?.['type'] !== 'Subscribe' || !ADDED_YOU.test(message.text)) continue;
    const users = message.extra['users'];
    if (!Array.isArray(users) || users.length !== 1) continue;
    const [user] = users as unknown[];
    const name = typeof user === 'object' && user !== null ? (user as Record<string, unknown>)['name'] : undefined;
    if (typeof name !== 'string' || name === '') continue;
    if (found !== null && found.name !== name) return undefined;
    found ??= { name, evidence: `Meta's notice "${message.text}" (type Subscribe) names the one person added: ${name}` };
  }
  return found;
}

function holderByTitle(participants: readonly (string | null)[], title: string | null): string | null {
  const names = participants.filter((name): name is string => name !== null && name !== '');
  if (names.length !== 2 || title === null || names[0] === names[1]) return null;
  if (names[0] === title) return names[1] ?? null;
  if (names[1] === title) return names[0] ?? null;
  return null;
}

/**
 * Second-person lines Meta writes as the holder's that a name must have: one such sentence could
 * be a person's own words ("You left the group." said to someone), two are Meta's.
 */
const MIN_SECOND_PERSON_LINES = 2;

/**
 * The one sender of second-person lines, when they have at least MIN_SECOND_PERSON_LINES of them;
 * null when no name has enough, undefined when several names have any (they cannot all be the holder).
 */
function holderBySecondPerson(messages: readonly HolderClue[]): string | null | undefined {
  const counts = new Map<string, number>();
  for (const message of messages) {
    if (message.sender === null || !SECOND_PERSON.test(message.text)) continue;
    counts.set(message.sender, (counts.get(message.sender) ?? 0) + 1);
  }
  if (counts.size > 1) return undefined;
  const [holder] = [...counts].find(([, count]) => count >= MIN_SECOND_PERSON_LINES) ?? [];
  return holder ?? null;
}
