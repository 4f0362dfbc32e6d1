/**
 * Call models → call-log records (kind 'system', see ../sms-xml/call-log.ts for why), one
 * conversation per other party. Physical Analyzer writes the direction in `Direction` or in
 * `Type` (Incoming, Outgoing, Missed, Rejected, Cancelled), the outcome in `Type` or `Status`,
 * the length as a TimeSpan (`00:02:13`, `1.02:03:04.5`), and `VideoCall` True/False. The other
 * fields UFEDLib's Call reader (SEilers/UFEDLib, Call.cs) names are kept in extra as written.
 */

import type { ParsedChat } from '../../../shared/contracts/parsed-source.ts';
import { callChatTitle, callConversationKey, callText, timeSpanSeconds } from '../sms-xml/call-log.ts';
import type { CallFacts, CallOutcome } from '../sms-xml/call-log.ts';
import { counterpartsOf, deletedStateOf, extractionOf, isDeleted, ownerRecipientDirection, partiesOf, stampOf } from './model-facts.ts';
import { fieldText } from './model-tree.ts';
import type { XmlNode } from './model-tree.ts';
import { keepSideTimes } from './text-records.ts';
import type { ConversationRecord, RecordContext } from './text-records.ts';

const OUTCOMES: [RegExp, CallOutcome][] = [
  // CallStatus NotEstablishedUnknownReason (IPED's model of Physical Analyzer's calls).
  [/not\s*established/iu, 'not connected'],
  [/missed|unanswered|not answered/iu, 'missed'],
  [/reject|declined/iu, 'rejected'],
  [/cancel/iu, 'cancelled'],
  [/block/iu, 'blocked'],
  [/voice\s*mail/iu, 'voicemail'],
];

/**
 * Call fields kept as written, under these names: the network that carried the call (its name,
 * and its mobile country and network codes, which say which operator it was), the account or SIM
 * it was on, why it ended, and the service that logged it. UFEDLib's Call reader (Call.cs) lists
 * these among the fields of Physical Analyzer's Call model.
 */
const KEPT_AS_WRITTEN: readonly (readonly [string, string])[] = [
  ['networkName', 'NetworkName'],
  ['networkCode', 'NetworkCode'],
  ['countryCode', 'CountryCode'],
  ['account', 'Account'],
  ['userMapping', 'UserMapping'],
  ['disconnectionCause', 'DisconnectionCause'],
  ['serviceIdentifier', 'ServiceIdentifier'],
];

export function call(model: XmlNode, context: RecordContext): ConversationRecord {
  const notes: string[] = [];
  const parties = partiesOf(model);
  const type = fieldText(model, 'Type');
  const status = fieldText(model, 'Status');
  const stated = `${fieldText(model, 'Direction') ?? ''} ${type ?? ''}`.toLowerCase();
  let outcome = OUTCOMES.find(([pattern]) => pattern.test(`${type ?? ''} ${status ?? ''}`))?.[1] ?? (/incoming|outgoing/u.test(stated) ? 'answered' : 'unknown');
  let direction: 'incoming' | 'outgoing' | null = /incoming/u.test(stated) ? 'incoming' : /outgoing/u.test(stated) ? 'outgoing' : null;
  // A missed or rejected call came in; a cancelled one went out and was hung up before an answer.
  if (direction === null && (outcome === 'missed' || outcome === 'rejected' || outcome === 'blocked' || outcome === 'voicemail')) direction = 'incoming';
  if (direction === null && outcome === 'cancelled') direction = 'outgoing';
  // A From stated not to be the owner (IsPhoneOwner False) placed the call to the owner, as directionOf reads an SMS's.
  if (direction === null && parties.from !== null) direction = context.owner.has(parties.from) ? 'outgoing' : parties.from.owner === false ? 'incoming' : null;
  direction ??= ownerRecipientDirection(parties);
  context.owner.learn(parties, direction);
  const others = counterpartsOf(parties, direction, context.owner);
  const party = others[0] ?? null;
  const rawDuration = fieldText(model, 'Duration');
  const durationSeconds = rawDuration === null ? null : timeSpanSeconds(rawDuration);
  if (rawDuration !== null && durationSeconds === null) notes.push(`the call duration "${rawDuration.slice(0, 40)}" is in no known form`);
  // A phone logs every call it placed as outgoing, taken or not: one of 0 s never connected.
  if (outcome === 'answered' && direction === 'outgoing' && durationSeconds === 0) outcome = 'not connected';
  const video = fieldText(model, 'VideoCall');
  const facts: CallFacts = { direction, outcome, durationSeconds, video: video === null ? null : video.toLowerCase() === 'true', app: fieldText(model, 'Source') };
  const stamp = stampOf(model, 'TimeStamp', notes, context.stamps);
  const partyName = party === null ? null : (party.name ?? context.files.nameOf(party.id));
  const ownerParty = parties.all.find((candidate) => context.owner.has(candidate)) ?? null;
  const sender = direction === 'incoming' ? party : direction === 'outgoing' ? ownerParty : null;
  // A group call: more than one other party besides an owner the report names. Without a known
  // owner two parties are one call between them and whichever is the owner: read as before.
  const group = others.length > 1 && ownerParty !== null;
  const inCall = group ? others : party === null ? [] : [party];
  const key = callConversationKey(context.keys.keyOfAll(inCall.map((item) => item.id ?? item.name ?? '')));
  const named = inCall.map((item) => ({ name: item.name ?? context.files.nameOf(item.id), id: item.id }));
  const title = group ? `Calls: ${named.map((item) => item.name ?? item.id ?? '?').join(', ')}` : callChatTitle(partyName, party?.id ?? null);
  const chat: ParsedChat = { key, title, kind: group ? 'group' : party === null ? 'unknown' : 'private', mergeKey: key };
  if (named.length > 0) chat.participants = named;
  const extra: Record<string, unknown> = {
    recordType: 'call',
    durationSeconds,
    outcome,
    video: facts.video,
    party: party === null ? null : { id: party.id, name: partyName },
    parties: parties.all.map((item) => ({ id: item.id, name: item.name ?? context.files.nameOf(item.id), role: item.role })),
    app: facts.app,
    modelId: model.attrs['id'] ?? null,
    deletedState: deletedStateOf(model),
    ...extractionOf(model),
  };
  for (const [name, value] of [['type', type], ['status', status], ['durationAsWritten', rawDuration], ['timestampFormat', stamp.format]] as const) {
    if (value !== null) extra[name] = value;
  }
  for (const [name, field] of KEPT_AS_WRITTEN) {
    const value = fieldText(model, field);
    if (value !== null) extra[name] = value;
  }
  keepSideTimes(extra, model, notes, context.stamps);
  return {
    message: {
      chatKey: key,
      kind: 'system',
      sender: sender === null ? null : (sender.name ?? context.files.nameOf(sender.id) ?? sender.id),
      senderId: sender?.id ?? null,
      direction,
      time: stamp.time,
      timestampText: stamp.text,
      text: callText(facts),
      attachments: [],
      deleted: isDeleted(model),
      edited: false,
      locator: context.locator,
      extra,
    },
    chat,
    notes,
  };
}
