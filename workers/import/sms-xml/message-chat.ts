/**
 * The conversation of an `<sms>` or `<mms>`: one per address (a group MMS's addresses joined, an
 * RCS group's `group_N@rcs.google.com`), named as the phone named it when the backup says.
 */

import type { ParsedChat } from '../../../shared/contracts/parsed-source.ts';
import { isRcsGroupAddress, splitAddress } from './address.ts';
import { contactName, messageAddress } from './records.ts';

export function messageChat(key: string, attributes: Record<string, string>): ParsedChat {
  const address = messageAddress(attributes);
  const parts = address === null ? [] : splitAddress(address);
  const group = parts.length > 1 || isRcsGroupAddress(key);
  const name = group ? null : contactName(attributes);
  // A group's contact_name may list its members' names ("Max Mustermann, Erika Musterfrau" for
  // two numbers): the title the phone shows. It may also name only one of them ("Contact E" for
  // three numbers, a sample), so it is the title only when it names as many as there are numbers.
  // Which name is whose number it does not say, so the participants keep only their numbers.
  const title = group ? groupTitle(contactName(attributes), parts.length) : name;
  const chat: ParsedChat = { key, title: title ?? address ?? key, kind: group ? 'group' : 'private' };
  if (parts.length > 0) chat.participants = parts.map((part) => ({ name: parts.length === 1 ? name : null, id: part }));
  // The same phone address in two backups is the same conversation.
  chat.mergeKey = key;
  return chat;
}

function groupTitle(names: string | null, members: number): string | null {
  return names !== null && names.split(', ').length === members ? names : null;
}
