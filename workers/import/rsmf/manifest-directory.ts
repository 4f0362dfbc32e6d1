/**
 * The manifest's participants and conversations (first pass over rsmf_manifest.json), held so
 * that each event can name its sender and conversation whatever order the manifest is written
 * in: the schemas fix no order of the top-level keys, and a manifest written from a PowerShell
 * hashtable (lccnnzz/UFED-to-RSMF, RSMF-ManifestGen.psm1) comes in any order.
 *
 * Fields as the RSMF 1.0.0 and 2.0.0 schemas define them (relativitydev/rsmf-validator-samples,
 * RSMFManifestSchema/): a participant has id (required), display, email, avatar, account_id
 * (2.0) and custom; a conversation has id, display, platform, type ('direct' | 'channel'),
 * participants (ids), custodian (2.0), icon (2.0) and custom.
 */

import type { ParsedChat, ParsedParticipant } from '../../../shared/contracts/parsed-source.ts';
import { isJsonObject, jsonPointer } from '../telegram/json-walker.ts';
import type { JsonObject, JsonValue, WalkedValue } from '../telegram/json-walker.ts';

/** Participants and conversations held; a manifest beyond these is not a chat production but damage or an attack. */
export const MAX_HELD_PARTICIPANTS = 200_000;
export const MAX_HELD_CONVERSATIONS = 100_000;
/** Participant ids kept per conversation. */
export const MAX_CONVERSATION_MEMBERS = 10_000;
/**
 * Participants and conversations kept as written (custom fields such as a "Mobile Number", avatar,
 * platform, custodian, icon) in the source's details: the record has no other place for them.
 */
export const MAX_LISTED_AS_WRITTEN = 1000;
/** Characters of JSON those lists may hold together: a hostile manifest's huge participants stay out. */
export const MAX_AS_WRITTEN_CHARS = 1024 * 1024;
/** Qualifies a manifest's own participant ids: the manifest's SHA-256, cut to 48 bits (localId). */
const LOCAL_ID_SCOPE = 'rsmf-manifest:';
const LOCAL_ID_SCOPE_HEX = 12;
/** Characters of an overwritten value named in the warning about a key written twice. */
const MAX_DUPLICATE_CHARS = 500;

export interface RsmfParticipant {
  id: string;
  display: string | null;
  email: string | null;
  accountId: string | null;
  pointer: string;
}

export interface RsmfConversation {
  id: string;
  display: string | null;
  platform: string | null;
  type: string | null;
  members: string[];
  custodian: string | null;
  pointer: string;
}

/** Kinds of warning, each limited on its own (many events may name one unknown participant). */
export type WarningKind = 'manifest' | 'event' | 'participant' | 'conversation' | 'attachment' | 'timestamp';
export type Warn = (kind: WarningKind, place: string, message: string) => void;

export class ManifestDirectory {
  readonly participants = new Map<string, RsmfParticipant>();
  readonly conversations = new Map<string, RsmfConversation>();
  version: string | null = null;
  eventCollectionId: string | null = null;
  /** Top-level keys the schemas do not define, named in the details. */
  readonly otherKeys: string[] = [];
  /** Participants and conversations beyond MAX_HELD_PARTICIPANTS and MAX_HELD_CONVERSATIONS. */
  private readonly notHeld = { participant: 0, conversation: 0 };
  /** Some participant or conversation id is a JSON number (the schemas define strings). */
  private numericIds = false;
  /** The first MAX_LISTED_AS_WRITTEN participants and conversations, as written. */
  readonly participantsAsWritten: JsonObject[] = [];
  readonly conversationsAsWritten: JsonObject[] = [];
  private asWrittenChars = 0;
  /** What qualifies this manifest's own participant ids (localId), once finish() knows whether they need it. */
  localIdScope: string | null = null;
  /** Sections written as an object instead of an array, told once each. */
  private readonly objectSections = new Set<string>();
  /** Participants and conversations not kept as written (beyond the count or the size). */
  notListedAsWritten = 0;

  constructor(private readonly file: string, private readonly warn: Warn) {}

  /** Takes one value the first pass hands over: a top-level scalar, a participant or a conversation. */
  take(walked: WalkedValue): void {
    const [section, index] = walked.path;
    const pointer = jsonPointer(walked.path);
    const place = `${this.file}#${pointer}`;
    if (walked.path.length === 1) {
      this.takeTopLevel(String(section), walked.value, place);
      return;
    }
    if (walked.problem !== undefined) this.warn('manifest', place, `read only in part: ${walked.problem}`);
    // A key written twice: the last value is read (as JSON readers do); the ones it overwrote are named here, the only place they are kept.
    for (const duplicate of walked.duplicates ?? []) {
      this.warn('manifest', place, `a key written more than once: "${duplicate.key}" was also written as ${JSON.stringify(duplicate.value).slice(0, MAX_DUPLICATE_CHARS)}; the last value is read`);
    }
    if (typeof index === 'string' && !this.objectSections.has(String(section))) {
      this.objectSections.add(String(section));
      this.warn('manifest', `${this.file}#/${String(section)}`, `"${String(section)}" is an object, not the array the RSMF schemas define; each of its members is read as one of them, its pointer naming its key`);
    }
    if (!isJsonObject(walked.value)) {
      this.warn('manifest', place, `not an object, so not a ${section === 'participants' ? 'participant' : 'conversation'}; left out (events naming it name an unknown ${section === 'participants' ? 'participant' : 'conversation'})`);
      return;
    }
    this.keepAsWritten(section === 'participants' ? this.participantsAsWritten : this.conversationsAsWritten, walked.value);
    if (section === 'participants') this.takeParticipant(walked.value, pointer, place);
    else this.takeConversation(walked.value, pointer, place);
  }

  private keepAsWritten(listed: JsonObject[], value: JsonObject): void {
    const chars = JSON.stringify(value).length;
    if (listed.length >= MAX_LISTED_AS_WRITTEN || this.asWrittenChars + chars > MAX_AS_WRITTEN_CHARS) {
      this.notListedAsWritten += 1;
      return;
    }
    this.asWrittenChars += chars;
    listed.push(value);
  }

  private takeTopLevel(key: string, value: JsonValue, place: string): void {
    if (key === 'version' && typeof value === 'string') this.version = value;
    else if (key === 'eventcollectionid' && typeof value === 'string') this.eventCollectionId = value;
    else if (key === 'participants' || key === 'conversations' || key === 'events') this.warn('manifest', place, `"${key}" is not an array; nothing could be read from it`);
    else this.otherKeys.push(key);
  }

  private takeParticipant(value: JsonObject, pointer: string, place: string): void {
    const id = this.admit('participant', this.participants, MAX_HELD_PARTICIPANTS, value, place);
    if (id === null) return;
    this.participants.set(id, { id, display: text(value['display']), email: text(value['email']), accountId: idText(value['account_id']), pointer });
  }

  private takeConversation(value: JsonObject, pointer: string, place: string): void {
    const id = this.admit('conversation', this.conversations, MAX_HELD_CONVERSATIONS, value, place);
    if (id === null) return;
    const listed = Array.isArray(value['participants']) ? value['participants'] : [];
    const members = listed.flatMap((member) => {
      const memberId = idText(member);
      return memberId === null ? [] : [memberId];
    });
    if (members.length > MAX_CONVERSATION_MEMBERS) this.warn('manifest', place, `lists ${members.length} participants; the first ${MAX_CONVERSATION_MEMBERS} are kept as the chat's participants`);
    this.conversations.set(id, {
      id,
      display: text(value['display']),
      platform: text(value['platform']),
      type: text(value['type']),
      members: members.slice(0, MAX_CONVERSATION_MEMBERS),
      custodian: idText(value['custodian']),
      pointer,
    });
  }

  /**
   * The id under which a participant or conversation is held, or null when it is not: it has no
   * id (the schemas require one; no event could name it), its id is taken (the first is used, as
   * events can name only one), or `cap` are held already (counted, and said by finish()).
   */
  private admit(kind: 'participant' | 'conversation', held: ReadonlyMap<string, { pointer: string }>, cap: number, value: JsonObject, place: string): string | null {
    const id = idText(value['id']);
    this.numericIds ||= typeof value['id'] === 'number';
    if (id === null) {
      this.warn('manifest', place, `a ${kind} without an id (the schemas require one); no event can name it, left out`);
      return null;
    }
    const first = held.get(id);
    if (first !== undefined) {
      this.warn('manifest', place, `a second ${kind} with the id "${id}"; the first one (${first.pointer}) is used`);
      return null;
    }
    if (held.size >= cap) {
      this.notHeld[kind] += 1;
      return null;
    }
    return id;
  }

  /**
   * Says, once the first pass is over, what was not held; `digest` is the SHA-256 of the
   * manifest's bytes, which names the manifest when its own ids must be told from another's.
   */
  finish(digest: string): void {
    if (this.eventCollectionId !== null) this.localIdScope = `${LOCAL_ID_SCOPE}${digest.slice(0, LOCAL_ID_SCOPE_HEX)}`;
    if (this.numericIds) this.warn('manifest', this.file, 'participant or conversation ids are written as numbers, not the strings the RSMF schemas define; they are read as their digits (and events naming them by number or by those digits name them)');
    if (this.notHeld.participant > 0) this.warn('manifest', `${this.file}#/participants`, `${this.notHeld.participant} participants beyond the first ${MAX_HELD_PARTICIPANTS} were not held; events naming them show their ids only`);
    if (this.notHeld.conversation > 0) this.warn('manifest', `${this.file}#/conversations`, `${this.notHeld.conversation} conversations beyond the first ${MAX_HELD_CONVERSATIONS} were not held; their events are kept under their conversation ids`);
  }

  /** The chat a conversation becomes, with its participants named as the manifest names them. */
  chatOf(conversation: RsmfConversation): ParsedChat {
    const participants = conversation.members.map((member) => this.participantOf(member, `${this.file}#${conversation.pointer}`));
    const kind = kindOf(conversation);
    const chat: ParsedChat = { key: this.chatKey(conversation.id), title: conversation.display ?? conversation.id, kind, kindStated: kind !== 'unknown', participants };
    // The 2.0 schema's eventcollectionid is "used to help keep many RSMFs from a single
    // conversation together" (a production sliced per day): the slices' chats are one conversation.
    // A conversation id alone is unique only "within the manifest", so it never merges by itself.
    if (this.eventCollectionId === null) return chat;
    return { ...chat, mergeKey: `${this.eventCollectionId}\n${conversation.id}`, mergeWithinFolder: true };
  }

  private participantOf(id: string, place: string): ParsedParticipant {
    const known = this.participants.get(id);
    if (known === undefined) {
      this.warn('participant', place, `names the participant "${id}", who is not among the manifest's participants; listed by that id`);
      return { name: null, id: this.localId(id) };
    }
    const who = this.identityOf(known);
    return { name: who.sender, id: who.senderId };
  }

  /**
   * A participant as a sender: the display name (else the e-mail address, else the id) and, as
   * the identifier, the application's account id (2.0: "the primary ID that distinguishes the
   * participant in the application"), else the e-mail address, else the manifest's own id,
   * which "uniquely identifies a participant within the manifest" only (localId).
   */
  identityOf(participant: RsmfParticipant): { sender: string; senderId: string } {
    return {
      sender: participant.display ?? participant.email ?? this.localId(participant.id),
      senderId: participant.accountId ?? participant.email ?? this.localId(participant.id),
    };
  }

  /**
   * A participant id of this manifest as an identifier. Alone, a chat of this manifest holds
   * only its people, and "P1" is the id as written. When its chats merge with other manifests'
   * (an eventcollectionid), another slice's "P1" may be someone else: the id is then qualified
   * by this manifest's digest ("P1@rsmf-manifest:3fa2b1c9d0e4"), so two people are never one,
   * and the same bytes imported again give the same id.
   */
  localId(id: string): string {
    return this.localIdScope === null ? id : `${id}@${this.localIdScope}`;
  }

  /**
   * The chat key of a conversation this manifest describes. A conversation id is unique only
   * "within the manifest", and the productions of a zip go through one writer: the key names the
   * manifest, or, for the slices of one collection (which are one conversation), the collection.
   */
  chatKey(conversationId: string): string {
    return this.eventCollectionId === null ? looseChatKey(this.file, conversationId) : `collection:${this.eventCollectionId}\n${conversationId}`;
  }
}

/** The chat key of a conversation id in the manifest `file` alone (one it does not describe, '' for none). */
export function looseChatKey(file: string, conversationId: string): string {
  return `file:${file}\n${conversationId}`;
}

/**
 * 'direct': "the participants do not change during the conversation", and its participants list
 * is "all of the participants that took part": two people make it private, more a group; with
 * none or one listed (the list is required, but written empty or left out) how many took part is
 * not stated, so the kind is unknown. 'channel': "participants may enter and leave" (the schemas'
 * words), a group.
 */
function kindOf(conversation: RsmfConversation): 'private' | 'group' | 'unknown' {
  if (conversation.type === 'channel') return 'group';
  if (conversation.type !== 'direct') return 'unknown';
  const people = new Set(conversation.members).size;
  if (people > 2) return 'group';
  return people === 2 ? 'private' : 'unknown';
}

/**
 * An id or a reference to one: a non-empty string, or a number written where the schemas define
 * a string (a converter's numeric ids), read as its digits; else null.
 */
export function idText(value: JsonValue | undefined): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return text(value);
}

/** A non-empty string value, else null. */
export function text(value: JsonValue | undefined): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}
