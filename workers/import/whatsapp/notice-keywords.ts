/**
 * Words of the notices iOS writes under the chat's or a participant's name (FORMATS.md §1.3):
 * the end-to-end notice and the security-code notice, per language in the sample exports
 * (whats_json iOS in 15+ languages); the Turkish, Chinese and Romanian words are the wordings
 * public parsers list, from WhatsApp's iOS Localizable.strings (starkdmi/whats_json
 * lib/src/patterns.dart; mlomb/chat-analytics pipeline/parse/parsers/WhatsApp.ts).
 */

/**
 * Words of the end-to-end encryption notice, per language in the samples; Hebrew ("encrypted
 * end to end") as a real iOS group export writes it (TalTouboul/---------- `_chat.txt`), or
 * hyphenated, as iOS's Localizable.strings has it (starkdmi/whats_json lib/src/patterns.dart).
 */
const END_TO_END_WORDS =
  'end-to-end|ende-zu-ende|koncovým šifrováním|bout en bout|extremo a extremo|ponto a ponto|сквозным шифрованием|наскрізним шифруванням|एंड-टू-एंड|エンドツーエンド|ต้นทางถึงปลายทาง|mã hóa đầu cuối|مشفرة تمام|uçtan uca şifrel|端到端加密|端對端加密|criptate integral|מוצפנות מקצה[- ]לקצה';
/** Words of the "your security code with … changed" notice, per language in the samples. */
const SECURITY_CODE_WORDS =
  'security code|sicherheitsnummer|bezpečnostní kód|code de sécurité|codice di sicurezza|código de segurança|código de seguridad|код безопасности|код безпеки|सुरक्षा कोड|kode keamanan|セキュリティコード|รหัสความปลอดภัย|mã bảo mật|رمز أمانك|güvenlik kodu değişti|的安全代码已更改|的安全碼已變更|之間的安全代碼已變更|codul dvs. de securitate';

/** The security-code notice: it names a contact, in private chats and groups alike. */
export const SECURITY_CODE_KEYWORDS = new RegExp(SECURITY_CODE_WORDS, 'iu');
/** The end-to-end notice: iOS writes it under the chat's own name (a group's, or the contact's). */
export const END_TO_END_KEYWORDS = new RegExp(END_TO_END_WORDS, 'iu');

/**
 * Words of the notices that iOS writes under the chat's or a participant's name
 * (`Elon Musk: ‎Messages and calls are end-to-end encrypted…`, `…: ‎Your security code…`).
 */
export const SYSTEM_NOTICE_KEYWORDS = new RegExp(`${END_TO_END_WORDS}|${SECURITY_CODE_WORDS}|secure service from meta`, 'iu');
