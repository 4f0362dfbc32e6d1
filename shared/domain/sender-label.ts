import type { MessageKind } from './message.ts';

/** What the label needs of a message (a Message, a search hit, a package message). */
export interface LabelledAuthor {
  sender: string | null;
  senderId?: string | null;
  kind?: MessageKind;
  direction?: 'incoming' | 'outgoing' | null;
}

/**
 * How a message's author is named wherever it is shown (the message list, search, review, the
 * court report, the CLI). Phone databases and SMS backups record no name for what the device's
 * owner sent, only that it went out: such a message is the device owner's (named by its source
 * when that is known), never an "unknown sender" or a "system" line, which would tell a reader
 * the opposite of what the evidence says.
 */
export function senderLabel(message: LabelledAuthor, sourceName?: string): string {
  if (message.kind === 'system') return 'System';
  const named = message.sender ?? message.senderId ?? null;
  if (named !== null && named !== '') return named;
  if (message.kind === 'unparsed') return 'Unparsed record';
  if (message.direction === 'outgoing') return sourceName === undefined || sourceName === '' ? 'Device owner' : `Device owner (${sourceName})`;
  return 'Unknown sender';
}
