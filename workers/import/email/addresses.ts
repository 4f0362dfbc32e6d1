import type { AddressObject, EmailAddress } from 'mailparser';

export interface MailAddress {
  name: string;
  address: string;
}

/** Every mailbox of one or more address headers, groups ("Team: a@x, b@y;") opened up. */
export function mailboxes(header: AddressObject | AddressObject[] | undefined): MailAddress[] {
  if (header === undefined) return [];
  const objects = Array.isArray(header) ? header : [header];
  return objects.flatMap((object) => flatten(object.value));
}

function flatten(list: EmailAddress[]): MailAddress[] {
  return list.flatMap((entry) => (entry.group === undefined ? [{ name: entry.name.trim(), address: (entry.address ?? '').trim() }] : flatten(entry.group)));
}

/** Characters that make a display name ambiguous in an address list unless quoted (RFC 5322 §3.2.3 specials; "." is left out, as obs-phrase allows it). */
const SPECIALS = /[()<>[\]:;@\\,"]/u;

/** "Name <address>", or whichever of the two the header gives; a name with specials is quoted again. */
export function formatMailbox(mailbox: MailAddress): string {
  const name = SPECIALS.test(mailbox.name) ? `"${mailbox.name.replace(/["\\]/gu, '\\$&')}"` : mailbox.name;
  if (mailbox.name !== '' && mailbox.address !== '') return `${name} <${mailbox.address}>`;
  return mailbox.address !== '' ? mailbox.address : mailbox.name;
}
