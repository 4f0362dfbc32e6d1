/**
 * Facebook Messenger and Instagram "Download your information" message files
 * (`message_1.json`, `message_2.json`…), streamed; mojibake repaired; written oldest first.
 */

export { metaMessagesParser, parseMetaMessages, META_MESSAGES_PARSER_VERSION, MAX_REORDERED_MESSAGES } from './parse-meta.ts';
export { sniffMetaMessages } from './sniff.ts';
export { repairMojibake } from './mojibake.ts';
export { instagramLegacyParser, parseInstagramLegacy, sniffInstagramLegacy, INSTAGRAM_LEGACY_PARSER_VERSION } from './instagram-legacy.ts';
