/** iOS Messages database (sms.db) importer, with the typedstream and binary plist readers it needs. */

export { iosSmsDbParser, IOS_SMS_PARSER_VERSION } from './ios-sms-parser.ts';
export { decodeAttributedBody, printableRuns } from './typedstream.ts';
export type { AttributedBodyText } from './typedstream.ts';
export { parseBinaryPlist, PlistDate, PlistUid } from './binary-plist.ts';
export type { PlistValue } from './binary-plist.ts';
export { readSummaryInfo } from './summary-info.ts';
export type { EditVersion, SummaryInfo } from './summary-info.ts';
export { attachmentMediaType, backupRelativePath } from './attachments.ts';
