/** Signal Android database (decrypted by signalbackup-tools) importer. */

export { signalAndroidDbParser, SIGNAL_ANDROID_PARSER_VERSION } from './signal-android-parser.ts';
export { BASE_TYPES, BASE_TYPE_MASK, readType } from './message-types.ts';
