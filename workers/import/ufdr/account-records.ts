/**
 * UserAccount models → one record each in a conversation of the phone's accounts. An account is
 * not a message, but it tells the analyst which numbers and user ids are the owner's own
 * ("5511999997777@s.whatsapp.net is this phone's WhatsApp"), so it is kept as a searchable,
 * exportable 'system' record with `extra.recordType = 'account'`, and listed in the source's
 * details as well. A report fragment holding only accounts is thereby imported, not refused.
 */

import type { ParsedChat, ParsedMessage, SourceLocator } from '../../../shared/contracts/parsed-source.ts';
import { deletedStateOf, extractionOf, isDeleted } from './model-facts.ts';
import type { XmlNode } from './model-tree.ts';
import type { PersonFacts } from './report-facts.ts';

export const ACCOUNTS_CHAT: ParsedChat = { key: 'accounts', title: 'User accounts on the device', kind: 'unknown' };

/** "WhatsApp Business account: Rattata (5511999997777@s.whatsapp.net)". */
export function accountRecord(model: XmlNode, person: PersonFacts, locator: SourceLocator): ParsedMessage {
  const who = person.name ?? 'unnamed';
  const ids = person.identifiers.length === 0 ? '' : ` (${person.identifiers.join(', ')})`;
  return {
    chatKey: ACCOUNTS_CHAT.key,
    kind: 'system',
    sender: null,
    time: null,
    timestampText: '',
    text: `${person.source ?? 'Unknown app'} account: ${who}${ids}`,
    attachments: [],
    deleted: isDeleted(model),
    edited: false,
    locator,
    extra: { recordType: 'account', app: person.source, name: person.name, identifiers: person.identifiers, modelId: model.attrs['id'] ?? null, deletedState: deletedStateOf(model), ...extractionOf(model) },
  };
}
