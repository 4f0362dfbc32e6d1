/**
 * `ActivityLog` (ChatActivity models: ParticipantJoined, ParticipantLeft, …): who joined or left
 * a group, and when, is evidence. Physical Analyzer writes it in two places:
 * - inside the system InstantMessage it explains (the IPED sample): its facts go into that
 *   message's `extra.activity`, since the Body alone ("You joined the group via invite link")
 *   does not say which party;
 * - directly in the Chat (FORMATS.md §7.2), naming its message by `SystemMessageId`. An entry
 *   naming a message already read in the chat is the same event and is not recorded twice; any
 *   other exists nowhere else in the report, so it becomes a 'system' record of its own.
 */

import type { ParsedMessage, SourceLocator } from '../../../shared/contracts/parsed-source.ts';
import type { StampReader } from './date-order.ts';
import { deletedStateOf, extractionOf, isDeleted, stampOf } from './model-facts.ts';
import { fieldModels, fieldText, fieldValue, partyOf } from './model-tree.ts';
import type { XmlNode } from './model-tree.ts';

/** Message model ids kept per chat to recognise mirrored entries; a chat past this is rare. */
export const MAX_TRACKED_MESSAGE_IDS = 1_000_000;

/** The InstantMessage an ActivityLog entry mirrors, when it names one. */
export function mirroredMessageId(model: XmlNode): string | null {
  return fieldText(model, 'SystemMessageId');
}

/** The facts of the ActivityLog entries nested in a message, for its `extra.activity`. */
export function nestedActivityFacts(message: XmlNode): Record<string, unknown>[] {
  return fieldModels(message, 'ActivityLog').map((entry) => {
    const participant = fieldModels(entry, 'Participant').map(partyOf)[0] ?? null;
    return {
      action: fieldText(entry, 'Action'),
      participant: participant === null ? null : { id: participant.id, name: participant.name },
      systemMessageId: mirroredMessageId(entry),
      modelId: entry.attrs['id'] ?? null,
    };
  });
}

export function activityRecord(model: XmlNode, chatKey: string, locator: SourceLocator, notes: string[], stamps: StampReader): ParsedMessage {
  const stamp = stampOf(model, 'SystemMessageTimeStamp', notes, stamps);
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
      ...extractionOf(model),
      ...(stamp.format === null ? {} : { timestampFormat: stamp.format }),
    },
  };
}
