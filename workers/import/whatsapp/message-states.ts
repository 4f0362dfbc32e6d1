/**
 * Wordings that say what became of a message (FORMATS.md §1.4): deleted (`This message was
 * deleted`), edited (the `<This message was edited>` suffix), and not yet decrypted (`Waiting
 * for this message…`).
 *
 * The deleted texts were read in the sample exports (whats_json iOS/Android in 15+ languages,
 * WhatsR de/en) or are the current Android English string quoted in FORMATS.md; the Turkish,
 * Chinese and Romanian rows no sample holds: they are the wordings public parsers list, from
 * WhatsApp's own strings (starkdmi/whats_json lib/src/patterns.dart; mlomb/chat-analytics
 * pipeline/parse/parsers/WhatsApp.ts). pt-BR's "Mensagem apagada" was read in a real public
 * export (GabrielGabes/PegaPlantao `_chat.txt`). Every other shipped language comes from
 * catalogue-wordings.ts. Matching is on text with direction marks removed, NFC, lower case.
 */

import { CATALOGUE_DELETED_TEXTS } from './catalogue-wordings.ts';
import { fold, FoldedEdges } from './folding.ts';
import { isDirectionMark, tailOf } from './line-tail.ts';

/** Deleted-message texts (whole body; a trailing '.' or '。' is ignored). */
const DELETED_TEXTS = [
  'This message was deleted', 'You deleted this message', 'Dit bericht is verwijderd',
  'U hebt dit bericht verwijderd', 'Je hebt dit bericht verwijderd', 'Diese Nachricht wurde gelöscht',
  'Du hast diese Nachricht gelöscht', 'Se eliminó este mensaje', 'Eliminaste este mensaje',
  'Questo messaggio è stato eliminato', 'Hai eliminato questo messaggio', 'Ce message a été supprimé',
  'Vous avez supprimé ce message', 'Esta mensagem foi apagada', 'Apagou esta mensagem',
  'Você apagou esta mensagem', 'Mensagem apagada', 'Данное сообщение удалено', 'Вы удалили данное сообщение',
  'Это сообщение удалено', 'Вы удалили это сообщение', 'Це повідомлення було видалено',
  'Ви видалили це повідомлення', 'Tato zpráva byla smazána', 'Tuto zprávu jste smazal/a',
  'यह मैसेज डिलीट कर दिया गया है', 'आपने यह मैसेज डिलीट किया', 'Pesan ini dihapus', 'Anda menghapus pesan ini',
  'このメッセージは削除されました', 'このメッセージを削除しました', 'ข้อความนี้ถูกลบแล้ว', 'คุณได้ลบข้อความนี้',
  'Tin nhắn này đã bị xóa', 'Tin nhắn này đã bị xoá', 'Bạn đã xoá tin nhắn này', 'Bạn đã xóa tin nhắn này',
  'تم حذف هذه الرسالة', 'أنت حذفت هذه الرسالة', 'لقد حذَفت هذه الرسالة',
  'Bu mesaj silindi', 'Bu mesajı sildiniz', '此訊息已刪除', '这条消息已被删除', '信息已删除', '您已刪除此訊息',
  '您已删除这条消息', '您删除这个信息', 'Acest mesaj a fost șters', 'Ați șters acest mesaj',
  // A group admin's deletion, iOS (whats_json lib/src/patterns.dart, keys `zD*5p`, `W*,Ww`).
  'This message was deleted by an admin', 'You deleted this message as admin',
  // Every other language WhatsApp ships (catalogue-wordings.ts; Hebrew's was read in a real export).
  ...CATALOGUE_DELETED_TEXTS,
];
const DELETED = new Set(DELETED_TEXTS.map(fold));
const DELETED_EDGES = new FoldedEdges(DELETED);
/** Lengths a deleted text can have (with or without its full stop): a cheap first filter. */
const DELETED_LENGTHS: ReadonlySet<number> = new Set(DELETED_TEXTS.flatMap((text) => [text.length, text.length + 1]));
export const TRAILING_FULL_STOP = /[.。]$/u;
/**
 * iOS's `This message was deleted by admin %@.` (whats_json lib/src/patterns.dart, key
 * `SUYSe`): it names the admin, so it is no fixed text. Read only after iOS's opening mark, on
 * one line: unmarked, "This message was deleted by admin because of spam" is a person's.
 */
const DELETED_BY_NAMED_ADMIN = /^this message was deleted by admin [^\n]{1,120}$/iu;

/**
 * `<This message was edited>` suffix (newer exports); German form from FORMATS.md, Turkish
 * `<Bu mesaj düzenlendi>` and Romanian `<Acest mesaj a fost editat>` as public parsers list them;
 * Hebrew iOS `<ההודעה נערכה>` read in a real group export (TalTouboul/---------- `_chat.txt`).
 */
const EDITED_SUFFIX =
  /<[^<>]*(?:edited|bearbeitet|editado|modifié|modificato|bewerkt|изменено|редаговано|upraveno|diedit|編集済み|แก้ไข|chỉnh sửa|تعديل|संपादित|düzenlendi|editat|נערכה)[^<>]*>$/iu;


/** True when the whole body (marks removed) is a deleted-message wording; `written` as for classifyPlaceholders. */
export function isDeletedText(whole: string, written: string | null): boolean {
  if (DELETED_LENGTHS.has(whole.length) && DELETED_EDGES.mayStart(whole) && DELETED.has(fold(whole).replace(TRAILING_FULL_STOP, ''))) {
    return true;
  }
  return written !== null && isDirectionMark(written.charAt(0)) && DELETED_BY_NAMED_ADMIN.test(whole);
}

/**
 * A message this phone never could decrypt, exported in its place: WhatsApp Web's own export
 * formatter writes exactly this for a ciphertext message (`WAWebExportChatPlainTextFormatter`,
 * MSG_TYPE.CIPHERTEXT), and real exports carry it (public analyzers skip it). The sender sent
 * something; its content is not in the export. English only: no other wording was seen.
 */
const WAITING_TEXTS: ReadonlySet<string> = new Set(['waiting for this message. this may take a while']);
const MAX_WAITING_LENGTH = Math.max(...[...WAITING_TEXTS].map((text) => text.length)) + 1;

export function isWaitingText(whole: string): boolean {
  return whole.length <= MAX_WAITING_LENGTH && WAITING_TEXTS.has(fold(whole).replace(TRAILING_FULL_STOP, ''));
}

/** True when the body (marks removed, trimmed) ends with the edited-message suffix. */
export function isEditedText(whole: string): boolean {
  return whole.endsWith('>') && EDITED_SUFFIX.test(tailOf(whole).tail);
}
