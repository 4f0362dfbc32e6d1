/** Android SMS/MMS provider database (mmssms.db) importer. */

export { androidSmsDbParser, ANDROID_SMS_PARSER_VERSION } from './android-sms-parser.ts';
export { smsDirection, SMS_BOX } from './sms-rows.ts';
export { mmsDirection, mediaTypeOf, MSG_BOX } from './mms-rows.ts';
