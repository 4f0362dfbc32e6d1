/**
 * Strings kept beyond the model they were read from, copied so they hold nothing else.
 *
 * V8 makes a substring of 13 characters or more a view into the string it was cut from, and a
 * concatenation a pair of pointers; either keeps the whole of that string alive. saxes cuts every
 * attribute value and text from the text it was fed, 64K characters at a time, so a chat key, a
 * participant's name or a tagged file's id kept for the rest of the import kept its 64K of the
 * report with it: 3,000 chats announced to the writer held 191 MB of a 94 MB report, and 100,000
 * taggedFiles entries 276 MB beside the 92 MB of the index itself. A long-lived string is copied
 * here first: concatenated to one character and cut again, its characters are copied once into a
 * string of their own, and the view keeps only that.
 */

import type { ParsedChat } from '../../../shared/contracts/parsed-source.ts';

/** V8's shortest substring made as a view (SlicedString::kMinLength); a shorter one is a copy already. */
const MIN_VIEW_CHARS = 13;

export function detached(text: string): string {
  return text.length < MIN_VIEW_CHARS ? text : ` ${text}`.slice(1);
}

export function detachedOrNull(text: string | null): string | null {
  return text === null ? null : detached(text);
}

/** A chat as announced to the writer, which keeps it (and its key, title and participants) to the end of the import. */
export function detachedChat(chat: ParsedChat): ParsedChat {
  const copy: ParsedChat = { ...chat, key: detached(chat.key), title: detached(chat.title) };
  if (chat.mergeKey !== undefined) copy.mergeKey = detached(chat.mergeKey);
  if (chat.participants !== undefined) copy.participants = chat.participants.map((party) => ({ ...party, name: detachedOrNull(party.name), ...(party.id === undefined ? {} : { id: detachedOrNull(party.id) }) }));
  return copy;
}
