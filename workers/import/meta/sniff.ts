/**
 * Is the head of a file a Meta (Facebook Messenger / Instagram) "Download your information"
 * message file? A JSON object whose messages carry "sender_name" and "timestamp_ms" (the
 * newer end-to-end-encrypted export writes "senderName"/"timestamp" with "threadName").
 * Telegram's JSON has "messages" too, but never these keys.
 */

const SNIFF_BYTES = 64 * 1024;

export function sniffMetaMessages(head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, SNIFF_BYTES)).replace(/^\uFEFF/u, '').trimStart();
  if (!text.startsWith('{') || !/"messages"\s*:/u.test(text)) return false;
  if (/"date_unixtime"\s*:|"text_entities"\s*:/u.test(text)) return false;
  const dyi = /"sender_name"\s*:/u.test(text) && /"timestamp_ms"\s*:/u.test(text);
  const e2ee = /"senderName"\s*:/u.test(text) && /"timestamp"\s*:/u.test(text) && /"threadName"\s*:|"participants"\s*:/u.test(text);
  return dyi || e2ee;
}
