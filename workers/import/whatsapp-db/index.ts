/** WhatsApp database importers: Android msgstore.db (legacy, transitional, new layouts; wa.db names) and iOS ChatStorage.sqlite. */

export { whatsappAndroidDbParser, WHATSAPP_ANDROID_DB_PARSER_VERSION, WA_CONTACTS_COMPANION } from './android-parser.ts';
export { whatsappIosDbParser, WHATSAPP_IOS_DB_PARSER_VERSION } from './ios-parser.ts';
export { phoneFromJid, chatKindOfJid, isGroupJid } from './jids.ts';
export { androidMessageType, iosMessageType, androidSystemAction, iosEventText } from './message-types.ts';
export type { MessageTypeInfo } from './message-types.ts';
