import type { Message } from './message.ts';

/**
 * What to say where a message has neither text nor attachment, so an empty row does not read
 * as a display fault: the source holds no words for it (WhatsApp's line for a view-once photo
 * is "Carol:" and nothing more), and what it does hold (a shared contact, a call, reactions)
 * is among the importer's source facts. Null when the message has something to show.
 */
export function emptyBodyNote(message: Pick<Message, 'text' | 'kind' | 'attachments' | 'extra'>): string | null {
  if (message.text !== '' || message.attachments.length > 0 || message.kind === 'unparsed') return null;
  const hasFacts = message.extra !== null && Object.values(message.extra).some((value) => value !== undefined);
  return hasFacts ? 'No text in the source; what it holds is under Source facts.' : 'No text in the source: the message is empty there.';
}
