/**
 * The conversation of an `<sms>` or `<mms>`: one per address (a group MMS's addresses joined, an
 * RCS group's `group_N@rcs.google.com`), named as the phone named it when the backup says.
 * signalbackup-tools' XML export (exportxml.cc, handleMms) writes a Signal group's title in a
 * group MMS's contact_name; its root, `<smses count=N backup_date="" type="full">` with the count
 * unquoted (exportXml), tells its files apart.
 */

import type { ParsedChat } from '../../../shared/contracts/parsed-source.ts';
import { isRcsGroupAddress, splitAddress } from './address.ts';
import { contactName, messageAddress } from './records.ts';
import { membersTitle } from '../members-title.ts';

/**
 * Whether the root is the one signalbackup-tools writes: `count` unquoted (saxes said so), an
 * empty `backup_date` and `type="full"`, and nothing else. In its files a group MMS's
 * contact_name is the group's title.
 */
export function writtenBySignalbackupTools(root: Record<string, string>, countUnquoted: boolean): boolean {
  const names = Object.keys(root).sort().join(' ');
  return countUnquoted && names === 'backup_date count type' && root['backup_date'] === '' && root['type'] === 'full';
}

/** `groupTitled`: a group's contact_name is its title (signalbackup-tools), whatever it names. */
export function messageChat(key: string, attributes: Record<string, string>, groupTitled: boolean): ParsedChat {
  const address = messageAddress(attributes);
  const parts = address === null ? [] : splitAddress(address);
  const group = parts.length > 1 || isRcsGroupAddress(key);
  const name = group ? null : contactName(attributes);
  // A group's contact_name may list its members' names ("Max Mustermann, Erika Musterfrau" for
  // two numbers): the title the phone shows. It may also name only one of them ("Contact E" for
  // three numbers, a sample), so it is the title only when it names as many as there are numbers.
  // Which name is whose number it does not say, so the participants keep only their numbers.
  const title = group ? (groupTitled ? contactName(attributes) : groupTitle(contactName(attributes), parts.length)) : name;
  // Untitled, a group is named after its numbers, as the phone lists them ("+1555…9, +1555…12"),
  // not as the backup joins them in one address ("+1555…9~+1555…12~…").
  const untitled = parts.length > 1 ? membersTitle(parts) : address;
  const chat: ParsedChat = { key, title: title ?? untitled ?? key, kind: group ? 'group' : 'private' };
  if (parts.length > 0) chat.participants = parts.map((part) => ({ name: parts.length === 1 ? name : null, id: part }));
  // The same phone address in two backups is the same conversation.
  chat.mergeKey = key;
  return chat;
}

function groupTitle(names: string | null, members: number): string | null {
  return names !== null && names.split(', ').length === members ? names : null;
}
