/**
 * Is the head of a file an SMS Backup & Restore backup? Its root element is <smses> (messages;
 * also the old Signal/Silence plaintext backup) or <calls> (call log). The first element is
 * looked for after the XML declaration, stylesheet instruction, comments and any DOCTYPE, so a
 * file with a hostile DOCTYPE is still recognised and then refused with a clear message.
 */

const SNIFF_BYTES = 64 * 1024;

export function sniffSmsBackupXml(head: Uint8Array): boolean {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(head.subarray(0, SNIFF_BYTES)).replace(/^\uFEFF/u, '');
  if (!text.trimStart().startsWith('<')) return false;
  const withoutComments = text.replace(/<!--[\s\S]*?-->/gu, '');
  const first = /<([A-Za-z_][\w.:-]*)[\s/>]/u.exec(withoutComments.replace(/<!DOCTYPE[^[>]*(\[[\s\S]*?\]\s*)?>/iu, ''));
  return first !== null && (first[1] === 'smses' || first[1] === 'calls');
}
