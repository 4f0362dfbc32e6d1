/**
 * A Chat's `ActivityLog` (ChatActivity models: ParticipantJoined, ParticipantLeft, …). Physical
 * Analyzer mirrors such an event as a system InstantMessage of the same chat and names it by
 * `SystemMessageId`; that entry is the same event and is not recorded twice. An entry whose
 * SystemMessageId names no message read in the chat (or that has none) exists nowhere else in
 * the report, so it becomes a 'system' record of its own: who joined or left a group, and when,
 * is evidence.
 */

import type { ParsedMessage, SourceLocator } from '../../../shared/contracts/parsed-source.ts';
import { deletedStateOf, isDeleted, stampOf } from './model-facts.ts';
import { fieldModels, fieldText, fieldValue, partyOf } from './model-tree.ts';
import type { XmlNode } from './model-tree.ts';

/** Message model ids kept per chat to recognise mirrored entries; a chat past this is rare. */
export const MAX_TRACKED_MESSAGE_IDS = 1_000_000;

/** The InstantMessage an ActivityLog entry mirrors, when it names one. */
export function mirroredMessageId(model: XmlNode): string | null {
  return fieldText(model, 'SystemMessageId');
}

export function activityRecord(model: XmlNode, chatKey: string, locator: SourceLocator, notes: string[]): ParsedMessage {
  const stamp = stampOf(model, 'SystemMessageTimeStamp', notes);
  const action = fieldText(model, 'Action');
  const participant = fieldModels(model, 'Participant').map(partyOf)[0] ?? null;
  const who = participant === null ? null : (participant.name ?? participant.id);
  const body = fieldValue(model, 'SystemMessageBody')?.text ?? '';
  return {
    chatKey,
    kind: 'system',
    sender: null,
    direction: null,
    time: stamp.time,
    timestampText: stamp.text,
    text: body.trim() !== '' ? body : [action ?? 'chat activity', who].filter((part) => part !== null).join(': '),
    attachments: [],
    deleted: isDeleted(model),
    edited: false,
    locator,
    extra: {
      recordType: 'chat-activity',
      action,
      participant: participant === null ? null : { id: participant.id, name: participant.name },
      systemMessageId: mirroredMessageId(model),
      modelId: model.attrs['id'] ?? null,
      deletedState: deletedStateOf(model),
      ...(stamp.format === null ? {} : { timestampFormat: stamp.format }),
    },
  };
}
