/** WhatsApp database importers: Android msgstore.db (legacy, transitional, new layouts; names from a contacts database found by content) and iOS ChatStorage.sqlite. */

export { whatsappAndroidDbParser, WHATSAPP_ANDROID_DB_PARSER_VERSION } from './android-parser.ts';
export { WA_CONTACTS_NAME } from './contacts.ts';
export { whatsappIosDbParser, WHATSAPP_IOS_DB_PARSER_VERSION } from './ios-parser.ts';
export { iosCompanionRolesOf } from './ios-companion-files.ts';
export { phoneFromJid, chatKindOfJid, isGroupJid } from './jids.ts';
export { androidMessageType, iosMessageType, androidSystemAction, iosEventText } from './message-types.ts';
export type { MessageTypeInfo } from './message-types.ts';
