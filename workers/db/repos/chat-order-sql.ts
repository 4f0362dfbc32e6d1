/**
 * SQL fragments for reading a chat through its order (migrations 0090, 0100, 0180), shared by the
 * repositories that page, summarise and order chats.
 */

/** A chat's messages, found through its order: `o` the order, `m` the message. */
export const CHAT_MESSAGES = 'chat_order o JOIN messages m ON m.rowid = o.message_rowid';

/** The number chat_order and chat_time_order know the chat by, for the chat id bound in its place (migration 0100). */
export const CHAT_NUMBER = '(SELECT number FROM chats WHERE id = ?)';
