import { createHash } from 'node:crypto';
import { dirname } from 'node:path';
import type { ParsedChat } from '../../shared/contracts/parsed-source.ts';
import { deviceIdentity } from '../../shared/domain/device.ts';

/** What of a source decides which conversation its chats belong to. */
export interface ChatScope {
  format: string;
  sha256: string;
  /** Where the source file lies: the parts of an export split over files share its folder. */
  path: string;
  device: string | null;
}

/**
 * Which conversation a parsed chat is (ADR 0014). A chat with a mergeKey is one conversation
 * with the chats of the same format and key in other sources of the same device: the device the
 * analyst declared at import, or, for an export split over files of one folder
 * (`mergeWithinFolder`: message_1..N.json, messages2.html), that folder. Otherwise a chat
 * belongs to its source alone: two seized phones that both wrote to one number stay two
 * conversations, each with its own "outgoing".
 */
export function chatId(scope: ChatScope, chat: Pick<ParsedChat, 'key' | 'mergeKey' | 'mergeWithinFolder'>): string {
  return `c-${createHash('sha256').update(chatIdentity(scope, chat)).digest('hex').slice(0, 20)}`;
}

function chatIdentity(scope: ChatScope, chat: Pick<ParsedChat, 'key' | 'mergeKey' | 'mergeWithinFolder'>): string {
  if (chat.mergeKey !== undefined) {
    if (scope.device !== null) return `${scope.format}\ndevice\n${deviceIdentity(scope.device)}\n${chat.mergeKey}`;
    if (chat.mergeWithinFolder === true) return `${scope.format}\nfolder\n${dirname(scope.path)}\n${chat.mergeKey}`;
  }
  return `${scope.format}\n${scope.sha256}\n${chat.key}`;
}
