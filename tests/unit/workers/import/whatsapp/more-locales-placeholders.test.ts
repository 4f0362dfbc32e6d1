import { describe, expect, it } from 'vitest';

import { parseLines, recordOnLine } from '../../../../support/whatsapp-lines.ts';
import { ARABIC_COMMA, LRM } from '../../../../support/unicode-chars.ts';
import type { WhatsAppRecord } from '../../../../../workers/import/whatsapp/index.ts';

/**
 * Regression: the placeholders and notices of Turkish, Ukrainian, Arabic (Android), Vietnamese,
 * Chinese (Simplified and Traditional) and Romanian exports were not known. An Android
 * `<Medya dahil edilmedi>` or an iOS `görüntü dahil edilmedi` stayed message text with no
 * omitted attachment, `Bu mesaj silindi` a message that was not marked deleted, and the iOS
 * end-to-end notice under the chat's name a line its name "wrote". Each wording below is one a
 * public parser lists (placeholders.ts names them); a participant's sentence that only uses the
 * same words stays the participant's message.
 */

interface LocaleExport {
  locale: string;
  /** A header for minute `minute` (0-59) of the same hour, the locale's shape, name included. */
  header: (minute: number, name: string) => string;
}

const ANDROID_TR: LocaleExport = { locale: 'tr', header: (minute, name) => `28.01.2023 21:${pad(minute)} - ${name}: ` };
const IOS_TR: LocaleExport = { locale: 'tr iOS', header: (minute, name) => `[28.01.2023 21:${pad(minute)}:33] ${name}: ` };
const ANDROID_UK: LocaleExport = { locale: 'uk', header: (minute, name) => `28.01.23, 21:${pad(minute)} - ${name}: ` };
const ANDROID_AR: LocaleExport = { locale: 'ar', header: (minute, name) => `28/01/2023${ARABIC_COMMA} 21:${pad(minute)} - ${name}: ` };
const ANDROID_VI: LocaleExport = { locale: 'vi', header: (minute, name) => `28/01/2023, 21:${pad(minute)} - ${name}: ` };
const ANDROID_ZH: LocaleExport = { locale: 'zh', header: (minute, name) => `2023/1/28 21:${pad(minute)} - ${name}: ` };
const IOS_ZH: LocaleExport = { locale: 'zh iOS', header: (minute, name) => `[2023/1/28 21:${pad(minute)}:33] ${name}: ` };
const ANDROID_RO: LocaleExport = { locale: 'ro', header: (minute, name) => `28.01.2023, 21:${pad(minute)} - ${name}: ` };
const IOS_RO: LocaleExport = { locale: 'ro iOS', header: (minute, name) => `[28.01.2023, 21:${pad(minute)}:33] ${name}: ` };

/** The text a placeholder record keeps: iOS's opening mark is cut off it (records.ts). */
function withoutOpeningMark(body: string): string {
  return body.startsWith(LRM) ? body.slice(LRM.length) : body;
}

function pad(minute: number): string {
  return String(minute).padStart(2, '0');
}

/** Rows named by their locale first, for the test titles. */
function named<Rest extends readonly string[]>(rows: readonly (readonly [LocaleExport, ...Rest])[]): [string, ...Rest, LocaleExport][] {
  return rows.map(([locale, ...rest]) => [locale.locale, ...rest, locale]);
}

/** Ana writes a plain line, then `body`, then Dana answers: the body is line 2. */
function parseBody(locale: LocaleExport, body: string): WhatsAppRecord {
  const lines = [`${locale.header(1, 'Ana')}merhaba`, `${locale.header(2, 'Ana')}${body}`, `${locale.header(3, 'Dana')}ok`];
  return recordOnLine(parseLines(lines), 2);
}

const OMITTED: readonly (readonly [LocaleExport, string, string])[] = [
  [ANDROID_TR, '<Medya dahil edilmedi>', 'unknown'],
  [ANDROID_TR, '<Medya atlanmış>', 'unknown'],
  [IOS_TR, `${LRM}görüntü dahil edilmedi`, 'image'],
  [IOS_TR, `${LRM}video dahil edilmedi`, 'video'],
  [IOS_TR, `${LRM}ses dahil edilmedi`, 'audio'],
  [IOS_TR, `${LRM}Çıkartma dahil edilmedi`, 'sticker'],
  [IOS_TR, `${LRM}GIF dahil edilmedi`, 'gif'],
  [IOS_TR, `${LRM}Kişi kartı dahil edilmedi`, 'contact'],
  [IOS_TR, `${LRM}belge dahil edilmedi`, 'document'],
  [ANDROID_UK, '<Медіа пропущено>', 'unknown'],
  [ANDROID_AR, '<تم استبعاد الوسائط>', 'unknown'],
  [ANDROID_VI, '<Bỏ qua Media>', 'unknown'],
  [ANDROID_VI, '<bỏ qua tệp phương tiện>', 'unknown'],
  [ANDROID_ZH, '<省略多媒体文件>', 'unknown'],
  [ANDROID_ZH, '<忽略多媒體檔>', 'unknown'],
  [IOS_ZH, `${LRM}照片已忽略`, 'image'],
  [IOS_ZH, `${LRM}圖片已略去`, 'image'],
  [IOS_ZH, `${LRM}圖像已省略`, 'image'],
  [IOS_ZH, `${LRM}视频已忽略`, 'video'],
  [IOS_ZH, `${LRM}影片已省略`, 'video'],
  [IOS_ZH, `${LRM}音频已忽略`, 'audio'],
  [IOS_ZH, `${LRM}音訊已略去`, 'audio'],
  [IOS_ZH, `${LRM}贴图已省略`, 'sticker'],
  [IOS_ZH, `${LRM}貼圖已忽略`, 'sticker'],
  [IOS_ZH, `${LRM}GIF 动态图已被忽略`, 'gif'],
  [IOS_ZH, `${LRM}GIF 圖片已被省略`, 'gif'],
  [IOS_ZH, `${LRM}联系人卡片已忽略`, 'contact'],
  [IOS_ZH, `${LRM}聯絡人卡片已省略`, 'contact'],
  [IOS_ZH, `${LRM}文档已省略`, 'document'],
  [IOS_ZH, `${LRM}文件已略去`, 'document'],
  [ANDROID_RO, '<Conținut media omis>', 'unknown'],
  [IOS_RO, `${LRM}Imagine omisă`, 'image'],
  [IOS_RO, `${LRM}clip video omis`, 'video'],
  [IOS_RO, `${LRM}GIF omis`, 'gif'],
  [IOS_RO, `${LRM}Carte de vizită contact omisă`, 'contact'],
  [IOS_RO, `${LRM}document omis`, 'document'],
];

describe('media-omitted placeholders in more languages (regression)', () => {
  it.each(named(OMITTED))('%s: %s is an omitted attachment of its type, its text kept', (_name, body, mediaType, locale) => {
    expect(parseBody(locale, body)).toMatchObject({ kind: 'message', sender: 'Ana', text: withoutOpeningMark(body), media: { kind: 'omitted', mediaType } });
  });

  it('reads an iOS caption or title before the marked Turkish and Romanian wording as the document name', () => {
    expect(parseBody(IOS_TR, `Rapor.pdf ${LRM}belge dahil edilmedi`).media).toEqual({ kind: 'omitted', mediaType: 'document', fileName: 'Rapor.pdf' });
    expect(parseBody(IOS_RO, `Raport.pdf ${LRM}document omis`).media).toEqual({ kind: 'omitted', mediaType: 'document', fileName: 'Raport.pdf' });
  });
});

const ATTACHED: readonly (readonly [LocaleExport, string, string])[] = [
  [ANDROID_TR, 'IMG-20230128-WA0002.jpg (dosya ekli)', 'image'],
  [ANDROID_UK, 'PTT-20230128-WA0003.opus (файл додано)', 'audio'],
  [ANDROID_RO, 'VID-20230128-WA0004.mp4 (fișier atașat)', 'video'],
];

describe('Android "(file attached)" labels in more languages (regression)', () => {
  it.each(named(ATTACHED))('%s: %s is an attached file', (_name, body, mediaType, locale) => {
    const fileName = body.slice(0, body.indexOf(' ('));
    expect(parseBody(locale, body)).toMatchObject({ kind: 'message', text: body, media: { kind: 'attached', mediaType, fileName } });
  });
});

const DELETED: readonly (readonly [LocaleExport, string])[] = [
  [ANDROID_TR, 'Bu mesaj silindi'],
  [ANDROID_TR, 'Bu mesajı sildiniz'],
  [IOS_TR, `${LRM}Bu mesaj silindi.`],
  [ANDROID_ZH, '此訊息已刪除'],
  [ANDROID_ZH, '这条消息已被删除'],
  [ANDROID_ZH, '信息已删除'],
  [ANDROID_ZH, '您已刪除此訊息'],
  [ANDROID_ZH, '您已删除这条消息'],
  [IOS_ZH, `${LRM}此訊息已刪除。`],
  [IOS_ZH, `${LRM}您已删除这条消息。`],
  [ANDROID_RO, 'Acest mesaj a fost șters'],
  [ANDROID_RO, 'Ați șters acest mesaj'],
];

describe('deleted-message texts in more languages (regression)', () => {
  it.each(named(DELETED))('%s: %s is a deleted message with no media', (_name, body, locale) => {
    expect(parseBody(locale, body)).toMatchObject({ kind: 'message', sender: 'Ana', text: withoutOpeningMark(body), deleted: true, media: null });
  });
});

describe('edited-message suffixes in more languages (regression)', () => {
  it.each(named([
    [ANDROID_TR, 'yarın gel <Bu mesaj düzenlendi>'],
    [ANDROID_RO, 'Livrat x1 <Acest mesaj a fost editat>'],
  ]))('%s: %s is an edited message', (_name, body, locale) => {
    expect(parseBody(locale, body)).toMatchObject({ kind: 'message', text: body, edited: true, deleted: false });
  });
});

describe('location shares in more languages (regression)', () => {
  it.each(named([
    [ANDROID_TR, 'konum: https://maps.google.com/?q=41.0,28.9'],
    [ANDROID_UK, 'місцезнаходження: https://maps.google.com/?q=50.4,30.5'],
    [ANDROID_AR, 'الموقع: https://maps.google.com/?q=30.0,31.2'],
    [ANDROID_ZH, '位置: https://maps.google.com/?q=31.2,121.4'],
    [ANDROID_RO, 'locație: https://maps.google.com/?q=44.4,26.1'],
  ]))('%s: %s is a location share', (_name, body, locale) => {
    expect(parseBody(locale, body)).toMatchObject({ kind: 'message', sender: 'Ana', text: body, location: true });
  });
});

const NOTICES: readonly (readonly [LocaleExport, string])[] = [
  [IOS_TR, 'Mesajlar ve aramalar uçtan uca şifrelidir. WhatsApp da dahil olmak üzere bu sohbetin dışında bulunan hiç kimse mesaj ve aramalarınızı okuyamaz ve dinleyemez.'],
  [IOS_TR, 'Ana ile aranızdaki güvenlik kodu değişti. Daha fazla bilgi edinmek için dokunun.'],
  [IOS_ZH, '消息和通话都进行端到端加密。对话之外的任何人，甚至包含 WhatsApp，都无法读取或收听。'],
  [IOS_ZH, '訊息和通話經端對端加密。對話以外的任何人 (即使是 WhatsApp) 均無法查看或聆聽那些內容。'],
  [IOS_ZH, '您和 Ana 的安全代码已更改。点击了解更多。'],
  [IOS_ZH, '您與 Ana 的安全碼已變更。點擊以了解更多。'],
  [IOS_ZH, '您與Ana之間的安全代碼已變更。點按以瞭解詳情。'],
  [IOS_RO, 'Mesajele și apelurile sunt criptate integral. Nicio persoană care nu participă la această conversație, nici măcar WhatsApp, nu le poate citi sau asculta.'],
  [IOS_RO, 'Codul dvs. de securitate cu Ana s-a schimbat. Atingeți pentru a afla mai multe.'],
];

describe('iOS notices under a name in more languages (regression)', () => {
  it.each(named(NOTICES))('%s: a marked "%s" under the chat’s name is a notice', (_name, notice, locale) => {
    const lines = [`${locale.header(0, 'Grup')}${LRM}${notice}`, `${locale.header(1, 'Ana')}merhaba`, `${locale.header(2, 'Grup')}${LRM}${notice}`, `${locale.header(3, 'Grup')}selam`];
    const record = recordOnLine(parseLines(lines), 3);
    expect(record).toMatchObject({ kind: 'system', sender: null, attributedTo: 'Grup', text: notice });
  });
});

const MENTIONS: readonly (readonly [LocaleExport, string])[] = [
  [ANDROID_TR, 'medya dahil edilmedi dedi, tekrar gönder'],
  [ANDROID_TR, 'bu görüntü dahil edilmedi'],
  [ANDROID_TR, 'Bu mesaj silindi mi'],
  [ANDROID_TR, 'konum: otelin önü'],
  [ANDROID_TR, 'Mesajlar ve aramalar uçtan uca şifreli mi'],
  [ANDROID_UK, 'медіа пропущено, надішли ще раз'],
  [ANDROID_AR, 'تم استبعاد الوسائط من التقرير'],
  [ANDROID_VI, 'bỏ qua media đi'],
  [ANDROID_ZH, '我的照片已忽略了'],
  [ANDROID_ZH, '他说此訊息已刪除了'],
  [ANDROID_ZH, '位置: 酒店门口'],
  [ANDROID_RO, 'conținut media omis din raport'],
  [ANDROID_RO, 'cred că acest mesaj a fost șters'],
  [ANDROID_RO, 'video omis din greșeală'],
];

describe('a participant’s sentence that uses the same words stays the participant’s (regression guard)', () => {
  it.each(named(MENTIONS))('%s: "%s" is a plain message', (_name, body, locale) => {
    expect(parseBody(locale, body)).toMatchObject({ kind: 'message', sender: 'Ana', text: body, media: null, deleted: false, edited: false });
    expect(parseBody(locale, body).location).toBeUndefined();
  });

  it('keeps an unmarked one-off line that names the Chinese security code as the writer’s message', () => {
    const lines = [`${IOS_ZH.header(0, 'Ana')}你好`, `${IOS_ZH.header(1, 'Wei')}我的安全码是多少`, `${IOS_ZH.header(2, 'Ana')}好`];
    expect(recordOnLine(parseLines(lines), 2)).toMatchObject({ kind: 'message', sender: 'Wei' });
  });
});
