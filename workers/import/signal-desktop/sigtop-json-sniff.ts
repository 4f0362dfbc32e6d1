/**
 * Is the head of a file sigtop's JSON export of one Signal Desktop conversation
 * (`sigtop export-messages -f json`)? sigtop writes a JSON array of the message objects exactly
 * as Signal Desktop stores them in `messages.json`, so the first element is an object carrying
 * Signal's own keys: conversationId, sent_at and a type. No other format Threadline reads starts
 * with an array of such objects.
 */

const SNIFF_BYTES = 64 * 1024;

export function sniffSigtopJson(head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, SNIFF_BYTES)).replace(/^\uFEFF/u, '').trimStart();
  if (!/^\[\s*\{/u.test(text)) return false;
  return /"conversationId"\s*:/u.test(text) && /"sent_at"\s*:/u.test(text) && /"type"\s*:\s*"/u.test(text);
}
