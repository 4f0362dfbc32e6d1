import type { MessageBatch, NewMessage } from '../../shared/contracts/db-worker.ts';

/** A message as one tuple in MESSAGE_ROW_COLUMNS order (see shared/contracts/db-worker.ts). */
function messageRow(message: NewMessage): unknown[] {
  return [
    message.id, message.sourceId, message.chatId, message.seq, message.sourcePosition, message.kind, message.sender, message.senderId,
    message.direction, message.timestamp, message.timestampText, message.text, message.lang, message.langConfidence,
    message.deleted, message.edited, message.locator, message.extra,
  ];
}

/** Encodes a batch for the db worker; pass `batch.json.buffer` in the call's transfer list. */
export function encodeMessageBatch(messages: NewMessage[]): MessageBatch {
  const attachments: MessageBatch['attachments'] = [];
  messages.forEach((message, row) => {
    if (message.attachments.length > 0) attachments.push({ row, attachments: message.attachments });
  });
  // TextEncoder gives the bytes a buffer of their own (small Buffers share a pool, which must not be transferred).
  return { json: new TextEncoder().encode(JSON.stringify(messages.map(messageRow))), count: messages.length, attachments };
}
