/**
 * Is the head of a file a Meta (Facebook Messenger / Instagram) "Download your information"
 * message file? A JSON object whose messages carry "sender_name" and "timestamp_ms" (the
 * newer end-to-end-encrypted export writes "senderName"/"timestamp" with "threadName").
 * Telegram's JSON has "messages" too, but never these keys.
 *
 * A thread whose messages were all deleted (or that only ever had participants) is written with
 * an empty "messages" list, so no message key can be seen. It is recognised by the thread keys
 * Meta always writes (FORMATS.md §3): participants as {"name": …} objects, title, and
 * thread_path (thread_type in older exports); an empty "messages" alone is not enough.
 */

const SNIFF_BYTES = 64 * 1024;

export function sniffMetaMessages(head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, SNIFF_BYTES)).replace(/^\uFEFF/u, '').trimStart();
  if (!text.startsWith('{') || !/"messages"\s*:/u.test(text)) return false;
  if (/"date_unixtime"\s*:|"text_entities"\s*:/u.test(text)) return false;
  const dyi = /"sender_name"\s*:/u.test(text) && /"timestamp_ms"\s*:/u.test(text);
  const e2ee = /"senderName"\s*:/u.test(text) && /"timestamp"\s*:/u.test(text) && /"threadName"\s*:|"participants"\s*:/u.test(text);
  return dyi || e2ee || isEmptyDyiThread(text);
}

const EMPTY_MESSAGES = /"messages"\s*:\s*\[\s*\]/u;
const NAMED_PARTICIPANTS = /"participants"\s*:\s*\[\s*\{\s*"name"\s*:/u;
const TITLE = /"title"\s*:/u;
const THREAD_PLACE = /"thread_path"\s*:|"thread_type"\s*:/u;

function isEmptyDyiThread(text: string): boolean {
  return EMPTY_MESSAGES.test(text) && NAMED_PARTICIPANTS.test(text) && TITLE.test(text) && THREAD_PLACE.test(text);
}
