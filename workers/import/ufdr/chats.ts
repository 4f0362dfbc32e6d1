/**
 * Conversations: a Chat model's header (Source, Id, Name, ChatType, Participants) becomes a
 * ParsedChat; InstantMessage models found outside any Chat are grouped by app and by the set of
 * parties they involve, which is how an examiner would read them.
 */

import type { ParsedChat } from '../../../shared/contracts/parsed-source.ts';
import { ChatHold } from './chat-hold.ts';
import { isDeletedState } from './deleted-state.ts';
import type { FileIndex } from './file-index.ts';
import { deletedStateOf, type PartyKeys } from './model-facts.ts';
import { fieldModels, fieldText, partyOf } from './model-tree.ts';
import type { Party, XmlNode } from './model-tree.ts';

/** Participants kept per chat; a broadcast list of thousands adds nothing past this. */
const MAX_PARTICIPANTS = 1000;

export interface ChatHeader {
  /**
   * A stand-in model node holding the Chat's direct <field> children read so far, with the Chat
   * model's attributes and the line and column of its start tag.
   */
  fields: XmlNode;
  participants: Party[];
  modelId: string | null;
  /** The Chat model's xml path, a unique fallback key when the report gives no Id. */
  path: string;
  /** Ids of the message models read so far, to know an ActivityLog entry that mirrors one. */
  messageIds: Set<string>;
  /** The key the chat was first announced with: its id derives from it, so it never changes. */
  key: string | null;
  /** The chat as first announced: a title or kind settled later is announced again (chatAtEnd). */
  announced: ParsedChat | null;
  /** Messages held while the header is still to come (chat-hold.ts). */
  hold: ChatHold;
}

export function newChatHeader(fields: XmlNode, modelId: string | null, path: string): ChatHeader {
  return { fields, participants: [], modelId, path, messageIds: new Set(), key: null, announced: null, hold: new ChatHold() };
}

/**
 * The header a message needs: the chat's Source and Id (its key and merge key, which never
 * change once announced; the Source is also the app of messages that do not name it) and its
 * Participants (sender names, directions). The Name is not waited for: many chats have none,
 * and a title read after the messages is announced at the chat's end (chatAtEnd).
 */
export function missingHeader(header: ChatHeader): string[] {
  const missing: string[] = [];
  if (fieldText(header.fields, 'Source') === null) missing.push('Source');
  if (fieldText(header.fields, 'Id') === null) missing.push('Id');
  if (header.participants.length === 0) missing.push('Participants');
  return missing;
}

export function headerReady(header: ChatHeader): boolean {
  return missingHeader(header).length === 0;
}

export function addParticipant(header: ChatHeader, party: XmlNode, files: FileIndex): void {
  if (header.participants.length >= MAX_PARTICIPANTS) return;
  const read = partyOf(party);
  header.participants.push({ ...read, name: read.name ?? files.nameOf(read.id) });
}

/** The Chat model's deleted_state when it says the conversation was deleted (Deleted, Trash), else null. */
export function chatDeletedState(header: ChatHeader): string | null {
  const stated = deletedStateOf(header.fields);
  return isDeletedState(stated) ? stated : null;
}

export function chatKeyOf(header: ChatHeader): string {
  if (header.key !== null) return header.key;
  const source = fieldText(header.fields, 'Source') ?? 'unknown';
  const id = fieldText(header.fields, 'Id');
  return id === null ? `chat:${source}:${header.modelId ?? header.path}` : `chat:${source}:${id}`;
}

export function chatOf(header: ChatHeader): ParsedChat {
  const source = fieldText(header.fields, 'Source');
  const id = fieldText(header.fields, 'Id');
  const others = header.participants.filter((party) => party.owner !== true);
  const named = fieldText(header.fields, 'Name') ?? (others.length > 0 ? others.map((party) => party.name ?? party.id ?? '?').join(', ') : null);
  const title = named ?? id ?? 'chat';
  const stated = statedKind(fieldText(header.fields, 'ChatType'));
  let kind: ParsedChat['kind'] = stated ?? 'unknown';
  if (stated === null && (others.length > 1 || (id ?? '').endsWith('@g.us'))) kind = 'group';
  else if (stated === null && (others.length === 1 || header.participants.length === 2)) kind = 'private';
  header.key = chatKeyOf(header);
  const chat: ParsedChat = { key: header.key, title: source === null ? title : `${source}: ${title}`, kind };
  // The ChatType may come after the chat was announced with a kind guessed from its participants
  // (a group whose Participants list one other member): the stated kind must replace the guess.
  if (stated !== null) chat.kindStated = true;
  if (header.participants.length > 0) chat.participants = header.participants.map((party) => ({ name: party.name, id: party.id }));
  // The same app conversation can appear in several reports (two extractions of one phone).
  if (id !== null) chat.mergeKey = `${source ?? 'unknown'}\n${id}`;
  header.announced ??= chat;
  return chat;
}

/** The kind a Chat's ChatType states (OneOnOne, Group, Broadcast…), or null when it states none we know. */
function statedKind(chatType: string | null): ParsedChat['kind'] | null {
  const stated = (chatType ?? '').toLowerCase();
  if (stated.includes('broadcast') || stated.includes('channel')) return 'channel';
  if (stated.includes('group')) return 'group';
  // OneOnOne, OneToOne; not a bare includes('one'), which a "None" would match.
  if (/one[\s_-]*(?:on|to)[\s_-]*one|private/u.test(stated)) return 'private';
  return null;
}

/**
 * The chat as its model ends, and whether to announce it again: a Name (or, past the hold's
 * bound, Participants) or a ChatType read after the chat's first messages changes its title or
 * kind. The title then replaces the one first announced (`retitle`), as a stated kind replaces a
 * guessed one (`kindStated`, set by chatOf); the key stays.
 */
export function chatAtEnd(header: ChatHeader): { chat: ParsedChat; again: boolean } {
  const first = header.announced;
  const chat = chatOf(header);
  if (first === null) return { chat, again: false };
  const retitled = first.title !== chat.title;
  const again = retitled || first.kind !== chat.kind || header.hold.overflowed;
  return { chat: retitled ? { ...chat, retitle: true } : chat, again };
}

export interface StandaloneGroup {
  key: string;
  chat: ParsedChat;
  parties: Party[];
}

/**
 * The conversation a standalone InstantMessage belongs to: its app and its From/To parties, each
 * by its key in `keys` (one person's number spelled `+40 711 111 111` in one message and
 * `0711111111` in the next is one party, as in the report's SMS).
 */
export function standaloneGroup(model: XmlNode, files: FileIndex, keys: PartyKeys): StandaloneGroup {
  const source = fieldText(model, 'Source') ?? fieldText(model, 'SourceApplication') ?? 'unknown';
  const parties = [...fieldModels(model, 'From'), ...fieldModels(model, 'To')].map(partyOf).map((party) => ({ ...party, name: party.name ?? files.nameOf(party.id) }));
  const ids = [...new Set(parties.map((party) => (party.id === null ? (party.name ?? '') : keys.keyOf(party.id))).filter((id) => id !== ''))].sort();
  const key = `im:${source}:${ids.join(',')}`;
  const others = parties.filter((party) => party.owner !== true);
  const shown = (others.length > 0 ? others : parties).map((party) => party.name ?? party.id ?? '?');
  const chat: ParsedChat = {
    key,
    title: `${source}: ${shown.length > 0 ? [...new Set(shown)].join(', ') : 'unknown parties'}`,
    kind: ids.length > 2 ? 'group' : ids.length === 0 ? 'unknown' : 'private',
    mergeKey: `standalone\n${key}`,
  };
  if (parties.length > 0) chat.participants = dedupe(parties).map((party) => ({ name: party.name, id: party.id }));
  return { key, chat, parties };
}

function dedupe(parties: Party[]): Party[] {
  const seen = new Set<string>();
  return parties.filter((party) => {
    const key = party.id ?? party.name ?? '';
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
