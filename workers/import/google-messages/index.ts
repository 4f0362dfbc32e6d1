/** Google Messages (and AOSP Messaging) database bugle_db importer. */

export { googleMessagesDbParser, GOOGLE_MESSAGES_PARSER_VERSION } from './google-messages-parser.ts';
export { BUGLE_PROTOCOLS, BUGLE_STATUSES, OTHER_THAN_SELF_SUB_ID, readStatus, protocolName } from './bugle-codes.ts';
