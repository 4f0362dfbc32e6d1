/**
 * The label Android writes after an exported file's name, `IMG-….jpg (file attached)`, in every
 * language WhatsApp ships: its strings.xml key `email_file_attached`, as starkdmi/whats_json
 * lib/src/patterns.dart collected them from WhatsApp's Android app. A label matched here needs
 * no other sign that it is WhatsApp's: it is the whole text in the brackets, word for word. A
 * Polish export's `(załączony plik)` or a Hebrew one's `(קובץ מצורף)` was left as text, and the
 * file it names, in the export's zip, went unlinked.
 */

import { fold } from './folding.ts';

const LABELS = [
  'file attached', 'fișier atașat', 'ఫైల్ జోడించబడినది', 'файл добавлен', 'nakalakip na file', '附件檔案',
  'file allegato', 'arxiu adjunt', 'soubor byl přiložen', '文件附件', 'file terlampir', '添付ファイル有り',
  'συνημμένο αρχείο', 'pievienots fails', 'fil vedhæftet', 'फाइल संलग्न', 'қосымша файл', 'ફાઇલ જોડાયેલ',
  'קובץ מצורף', 'fail dilampirkan', 'arquivo anexado', 'फाइल अटैच कर दी गई है', 'fayl biriktirildi',
  'załączony plik', 'tệp đính kèm', 'skedë e ngjitur', 'bifogad fil', 'priložena datoteka', 'súbor pripojený',
  'پیوستہ فائل', 'faili limeambatanishwa', 'dosya ekli', 'ไฟล์ที่แนบ', 'byla prisegta', 'vedlagt fil',
  'liitetiedosto', 'fichier joint', 'archivo adjuntado', 'fail lisatud', 'datoteka u privitku', 'fájl csatolva',
  'bestand bijgevoegd', 'прикачен файл', 'ফাইল সংযুক্ত হয়েছে', 'lêer aangeheg', 'Datei angehängt',
  'fayl əlavə olunub', '파일 첨부됨', 'ഫയൽ ചേർത്തു', 'прикачен фајл', 'ಕಡತ ಸೇರಿಸಲಾಯಿತು', 'الملف مرفق',
  'ficheiro anexado', 'файл додано', 'прикачена датотека', 'ਅਟੈਚ ਕੀਤੀ ਫਾਇਲ',
];

const FOLDED_LABELS: ReadonlySet<string> = new Set(LABELS.map(fold));

/** True when a bracketed label is, word for word, Android's "file attached" in a shipped language. */
export function isKnownAndroidAttachedLabel(label: string): boolean {
  return FOLDED_LABELS.has(fold(label.trim()));
}
