/**
 * The text and `extra` of a system row whose side tables (system-details.ts) say more than its
 * action code: who changed the group name from what to what, who changed the icon, which contact
 * was blocked, what the disappearing-messages timer was set to. Actors are named as group-events.ts
 * names them (the caller passes "You", a contact name or number, or null when the layout does not
 * record who acted); a code without a label stays visible in front of the text.
 */

import type { SqlValue } from 'sql.js';
import type { ParsedAttachment } from '../../../shared/contracts/parsed-source.ts';
import { integerValue } from '../sqlite/index.ts';
import { detailText, rawFact } from './system-details.ts';
import type { PhotoBlob, WaSystemDetails } from './system-details.ts';

export interface DetailContext {
  /** The action code (message_system.action_type, legacy media_size), or null. */
  code: number | null;
  /** The action's label; for a code without one, "system event (action n)". */
  action: string;
  /** True when `action` is a known label, false when it only names the code. */
  knownAction: boolean;
  /** Who acted: "You", a name or number, or null when not recorded. */
  actor: string | null;
  /** The row's own text (text_data, legacy data): the new value of a name or description change. */
  newValue: string | null;
  /** The other person of a private chat (a block names them), or null in groups. */
  chatContact: { label: string; jid: string; id: string } | null;
  /** The text the row reads without its details. */
  text: string;
}

export interface DetailOutcome {
  text: string;
  attachments: ParsedAttachment[];
}

/** Action codes whose old value message_system_value_change keeps, and what the value is. [belief] */
const VALUE_NAMES: Record<number, string> = { 1: 'group name', 27: 'group description' };

const SECONDS_PER_DAY = 86_400;
const SECONDS_PER_HOUR = 3_600;
const SECONDS_PER_MINUTE = 60;
/** WhatsApp offers timers up to 90 days; beyond ten years a value is not a duration but damage. */
const MAX_PLAUSIBLE_DURATION_SECONDS = 10 * 365 * SECONDS_PER_DAY;

/** A block notice is written only on the phone of whoever blocked: its author is the owner. [belief] */
export function ownerActs(details: WaSystemDetails | null | undefined): boolean {
  return details?.block !== undefined;
}

export function describeSystemDetails(details: WaSystemDetails, context: DetailContext, extra: Record<string, unknown>): DetailOutcome {
  const attachments: ParsedAttachment[] = [];
  let phrase: string | null = null;
  if (details.valueChange !== undefined) {
    const old = details.valueChange.old;
    extra['systemValue'] = { old: typeof old === 'string' ? old : rawFact(old), new: context.newValue };
    phrase = valueChangeText(context, detailText(old));
  } else if (details.photoChange !== undefined) {
    const photo = details.photoChange;
    const newPhotoId = detailText(photo.newPhotoId);
    extra['groupPhoto'] = { newPhotoId: rawFact(photo.newPhotoId), previousPhotoBytes: photo.oldPhoto.length, newPhotoBytes: photo.newPhoto.length };
    for (const [blob, role] of [[photo.oldPhoto, 'previous'], [photo.newPhoto, 'new']] as const) {
      const attachment = photoAttachment(blob, role, newPhotoId);
      if (attachment !== null) attachments.push(attachment);
    }
    phrase = context.code === 6 || context.code === null || !context.knownAction
      ? (context.actor === null ? 'the group icon was changed' : `${context.actor} changed the group icon`)
      : null;
  } else if (details.block !== undefined) {
    phrase = blockText(details.block.isBlocked, context, extra);
  } else if (details.ephemeral !== undefined) {
    phrase = ephemeralText(details.ephemeral, context, extra);
  }
  let text = phrase === null ? context.text : context.knownAction ? phrase : `${context.action}: ${phrase}`;
  text += appendedFacts(details, extra);
  return { text, attachments };
}

function valueChangeText(context: DetailContext, old: string | null): string {
  const name = context.code === null ? undefined : VALUE_NAMES[context.code];
  const from = old === null ? '' : ` from “${old}”`;
  const to = context.newValue === null ? '' : ` to “${context.newValue}”`;
  if (name === undefined) return `value changed${from}${to}`;
  return context.actor === null ? `the ${name} was changed${from}${to}` : `${context.actor} changed the ${name}${from}${to}`;
}

function blockText(isBlocked: SqlValue, context: DetailContext, extra: Record<string, unknown>): string {
  const flag = integerValue(isBlocked);
  const blocked = flag === 1 ? true : flag === 0 ? false : null;
  const contact = context.chatContact;
  extra['blockContact'] = {
    isBlocked: rawFact(isBlocked),
    blocked,
    contact: contact === null ? null : { jid: contact.jid, id: contact.id },
    actorNote: 'a block notice is written only on the phone of whoever blocked, so its author is this phone’s owner',
  };
  const who = contact?.label ?? 'this contact';
  if (blocked === null) return `block status of ${who} changed (is_blocked = ${JSON.stringify(rawFact(isBlocked))}, not understood)`;
  return `You ${blocked ? 'blocked' : 'unblocked'} ${who}`;
}

function ephemeralText(ephemeral: NonNullable<WaSystemDetails['ephemeral']>, context: DetailContext, extra: Record<string, unknown>): string {
  const seconds = integerValue(ephemeral.duration);
  const valid = seconds !== null && seconds >= 0 && seconds <= MAX_PLAUSIBLE_DURATION_SECONDS;
  extra['disappearingMessages'] = { table: ephemeral.table, durationSeconds: rawFact(ephemeral.duration), ...(valid && seconds > 0 ? { duration: durationLabel(seconds) } : {}) };
  if (ephemeral.table === 'message_system_ephemeral_setting_not_applied') {
    return `disappearing messages setting not applied (${valid ? seconds === 0 ? 'off' : durationLabel(seconds) : `duration ${JSON.stringify(rawFact(ephemeral.duration))} not understood`})`;
  }
  const actor = context.actor;
  if (!valid) {
    const raw = JSON.stringify(rawFact(ephemeral.duration));
    return actor === null ? `disappearing messages setting changed (duration ${raw} not understood)` : `${actor} changed the disappearing messages setting (duration ${raw} not understood)`;
  }
  if (seconds === 0) return actor === null ? 'disappearing messages were turned off' : `${actor} turned off disappearing messages`;
  return actor === null ? `disappearing messages were set to ${durationLabel(seconds)}` : `${actor} set disappearing messages to ${durationLabel(seconds)}`;
}

/** 604800 -> "7 days", 86400 -> "1 day", 5400 -> "90 minutes": the largest whole unit. */
export function durationLabel(seconds: number): string {
  const [count, unit] = seconds % SECONDS_PER_DAY === 0 ? [seconds / SECONDS_PER_DAY, 'day']
    : seconds % SECONDS_PER_HOUR === 0 ? [seconds / SECONDS_PER_HOUR, 'hour']
      : seconds % SECONDS_PER_MINUTE === 0 ? [seconds / SECONDS_PER_MINUTE, 'minute']
        : [seconds, 'second'];
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** Details that add a fact to whatever the text says (devices, business notices), and those kept only in extra. */
function appendedFacts(details: WaSystemDetails, extra: Record<string, unknown>): string {
  let suffix = '';
  if (details.deviceChange !== undefined) {
    const { added, removed } = details.deviceChange;
    extra['deviceChange'] = { added: rawFact(added), removed: rawFact(removed) };
    suffix += ` (devices: ${String(integerValue(added) ?? '?')} added, ${String(integerValue(removed) ?? '?')} removed)`;
  }
  if (details.businessState !== undefined) {
    const name = detailText(details.businessState.businessName);
    extra['businessState'] = { privacyMessageType: rawFact(details.businessState.privacyMessageType), businessName: rawFact(details.businessState.businessName) };
    if (name !== null) suffix += `: ${name}`;
  }
  if (details.privacyProvider !== undefined) {
    const name = detailText(details.privacyProvider.verifiedBusinessName);
    extra['privacyProvider'] = { provider: rawFact(details.privacyProvider.provider), verifiedBusinessName: rawFact(details.privacyProvider.verifiedBusinessName) };
    if (name !== null && details.businessState === undefined) suffix += `: ${name}`;
  }
  if (details.group !== undefined) extra['systemGroup'] = { isMeJoined: rawFact(details.group.isMeJoined) };
  if (details.paymentInviteSetup !== undefined) {
    extra['paymentInviteSetup'] = { service: rawFact(details.paymentInviteSetup.service), inviteUsed: rawFact(details.paymentInviteSetup.inviteUsed) };
  }
  return suffix;
}

/** The group icon thumbnail kept in the row, as an attachment with its bytes (the import hashes and stores them). */
function photoAttachment(blob: PhotoBlob, role: 'previous' | 'new', newPhotoId: string | null): ParsedAttachment | null {
  if (blob.bytes === null) return null;
  const image = imageKind(blob.bytes);
  const base = role === 'new' && newPhotoId !== null ? `group-icon-${newPhotoId.replace(/[^A-Za-z0-9._-]/gu, '_').slice(0, 64)}` : `group-icon-${role}`;
  const attachment: ParsedAttachment = { kind: 'attached', mediaType: image === null ? 'unknown' : 'image', fileName: `${base}.${image?.extension ?? 'bin'}`, bytes: blob.bytes, size: blob.bytes.byteLength };
  if (image !== null) attachment.mimeType = image.mimeType;
  return attachment;
}

/** The image kind of bytes by their magic number, or null when they are not a JPEG, PNG or WebP. */
export function imageKind(bytes: Uint8Array): { mimeType: string; extension: string } | null {
  const starts = (...prefix: number[]): boolean => prefix.every((byte, index) => bytes[index] === byte);
  if (starts(0xff, 0xd8, 0xff)) return { mimeType: 'image/jpeg', extension: 'jpg' };
  if (starts(0x89, 0x50, 0x4e, 0x47)) return { mimeType: 'image/png', extension: 'png' };
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') return { mimeType: 'image/webp', extension: 'webp' };
  return null;
}
