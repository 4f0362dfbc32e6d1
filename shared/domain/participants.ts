import type { ParsedParticipant } from '../contracts/parsed-source.ts';

/** A sender as the messages of a conversation write it, with the identifier the format gave. */
export interface SenderSeen {
  sender: string;
  senderId: string | null;
}

/**
 * A conversation's participants as shown: everyone who sent a message, as written (in the order
 * given), then everyone its sources name as taking part who did not send (group members, e-mail
 * recipients), each once. A named participant is the same person as a sender when their
 * identifiers agree (case aside: e-mail addresses are compared as mail servers do in practice),
 * or when the sender is written as the participant's label or name.
 */
export function conversationParticipants(senders: readonly SenderSeen[], declared: readonly ParsedParticipant[]): string[] {
  const shown: string[] = [];
  const labels = new Set<string>();
  const ids = new Set<string>();
  for (const { sender, senderId } of senders) {
    if (!labels.has(sender)) shown.push(sender);
    labels.add(sender);
    if (senderId !== null && senderId !== '') ids.add(senderId.toLowerCase());
  }
  for (const participant of declared) {
    const label = participantLabel(participant);
    if (label === null) continue;
    const id = participant.id ?? null;
    const known = (id !== null && id !== '' && ids.has(id.toLowerCase())) || labels.has(label) || (participant.name !== null && labels.has(participant.name));
    if (known) continue;
    shown.push(label);
    labels.add(label);
    if (id !== null && id !== '') ids.add(id.toLowerCase());
  }
  return shown;
}

/** "Name (id)", or the format's own label, or whichever of name and id there is; null for neither. */
export function participantLabel(participant: ParsedParticipant): string | null {
  if (participant.label !== undefined && participant.label !== '') return participant.label;
  const name = participant.name === null || participant.name === '' ? null : participant.name;
  const id = participant.id === undefined || participant.id === null || participant.id === '' ? null : participant.id;
  if (name !== null && id !== null) return name === id ? name : `${name} (${id})`;
  return name ?? id;
}

/** Adds `more` to `list`, skipping anyone already in it (same identifier, or same label without one). */
export function addParticipants(list: ParsedParticipant[], more: readonly ParsedParticipant[]): boolean {
  const keys = new Set(list.map(participantKey));
  let added = false;
  for (const participant of more) {
    const key = participantKey(participant);
    if (key === null || keys.has(key)) continue;
    keys.add(key);
    list.push(participant);
    added = true;
  }
  return added;
}

function participantKey(participant: ParsedParticipant): string | null {
  const id = participant.id ?? null;
  if (id !== null && id !== '') return `id:${id.toLowerCase()}`;
  const label = participantLabel(participant);
  return label === null ? null : `label:${label}`;
}
