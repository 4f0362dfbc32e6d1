/** E-mail: single messages (.eml, RFC 5322/MIME) and mailboxes (mbox: mboxo, mboxrd), streamed. */

export { emailParser, parseEmailSource, EMAIL_PARSER_VERSION, MAX_MESSAGE_BYTES } from './email-parser.ts';
export { sniffEmail } from './sniff.ts';
export type { EmailShape } from './sniff.ts';
export { MboxSplitter, isPostmark } from './mbox-splitter.ts';
export type { RawMessage } from './mbox-splitter.ts';
export { parseMailDate } from './rfc5322-date.ts';
export type { MailDate } from './rfc5322-date.ts';
export { readEmail, MAX_MIME_PARTS, MAX_EMBEDDED_DEPTH } from './read-email.ts';
export type { EmailContent } from './read-email.ts';
export { readDeliveryStatus } from './delivery-status.ts';
export { EmailThreads, normaliseSubject } from './threads.ts';
