/**
 * What a notice that iOS writes under a name looks like, as against a person's message (rule 4
 * of authors.ts). A direction mark before a body is no proof of a notice on its own: an Arabic,
 * Hebrew or Persian writer whose keyboard puts an RLM before every message, or whose every
 * message opens with RTL text or an emoji that WhatsApp marks, has every body marked too.
 *
 * Notices are a small known set of WhatsApp's own sentences: single lines, declarative, never
 * questions, never with emoji, never long (the longest seen, the end-to-end notice, is under
 * 200 chars in every sample language).
 */

import { fold } from './folding.ts';
import { TRAILING_FULL_STOP } from './message-states.ts';
import { SYSTEM_NOTICE_KEYWORDS } from './notice-keywords.ts';

/** Notices are short; keyword search looks no further than this, and longer bodies are prose. */
export const MAX_NOTICE_LENGTH = 400;

/**
 * iOS notices under a name in English wording that no sample holds (blocks, missed calls, a
 * business chat): whole short bodies only, so a person who writes "missed voice call, call me
 * back?" is not caught. The notices seen in the samples, in every language, are
 * SYSTEM_NOTICE_KEYWORDS.
 */
const ENGLISH_MARKED_NOTICE =
  /^(?:you blocked this contact|you unblocked this contact|missed (?:group )?(?:voice|video) call|this chat is with a business account)[^\n]{0,40}$/iu;

/**
 * The missed-call notice iOS writes under the caller's name, in the other languages the
 * placeholder tables cover. No sample holds one: these are the wordings starkdmi/whats_json
 * lib/src/patterns.dart lists (`missedCall`, `missedVideoCall`, from WhatsApp's iOS
 * Localizable.strings and Android strings.xml). The English tail after the wording is not
 * known in these languages, so the whole body must be the wording (a full stop allowed): a
 * person's "Verpasster Sprachanruf von Oma" is their own sentence.
 */
const MISSED_CALL_TEXTS = [
  'Verpasster Sprachanruf', 'Verpasster Videoanruf', // de
  'Llamada perdida', 'Llamada de voz perdida', 'Videollamada perdida', // es
  'Chiamata vocale persa', 'Videochiamata persa', // it
  'Appel vocal manqué', 'Appel vidéo manqué', // fr
  'Chamada de voz perdida', 'Videochamada perdida', 'Chamada de vídeo perdida', // pt
  'Пропущенный аудиозвонок', 'Пропущенный видеозвонок', // ru
  'Пропущений аудіодзвінок', 'Пропущений відеодзвінок', // uk
  'Zmeškaný hovor', 'Zmeškaný hlasový hovor', 'Zmeškaný videohovor', // cs
  'Gemist spraakgesprek', 'Gemiste spraakoproep', 'Gemist videogesprek', 'Gemiste video-oproep', // nl
  'मिस्ड वॉइस कॉल', 'वॉइस कॉल मिस हुई', 'छूटी हुई ध्वनि कॉल', 'मिस्ड वीडियो कॉल', 'छूटी हुई विडियो कॉल', // hi
  'Panggilan suara tak terjawab', 'Tak Terjawab', 'Panggilan video tak terjawab', // id
  '音声通話不在着信', '不在着信', 'ビデオ通話不在着信', // ja
  'สายที่ไม่ได้รับ', 'วิดีโอคอลที่ไม่ได้รับ', 'สายโทรวิดีโอที่ไม่ได้รับ', // th
  'Cuộc gọi nhỡ', 'Cuộc gọi nhỡ video', // vi
  'مكالمة صوتية فائتة', 'مكالمة فيديو فائتة', // ar
  'Cevapsız sesli arama', 'Cevapsız görüntülü arama', // tr
  '未接語音通話', '未接语音通话', '未接視像通話', '未接视频通话', // zh
  'Apel vocal ratat', 'Apel vocal nepreluat', 'Apel video ratat', 'Apel video nepreluat', // ro
];
const MISSED_CALLS = new Set(MISSED_CALL_TEXTS.map(fold));
/** Longest wording and its full stop: a longer body is never one, and costs no folded copy. */
const MAX_MISSED_CALL_LENGTH = Math.max(...MISSED_CALL_TEXTS.map((text) => text.length)) + 1;

/** True when the whole body (marks removed) is a missed-call notice in a listed language. */
function isMissedCallNotice(plainBody: string): boolean {
  if (plainBody.length > MAX_MISSED_CALL_LENGTH) {
    return false;
  }
  return MISSED_CALLS.has(fold(plainBody.trim().replace(TRAILING_FULL_STOP, '')));
}

/** Question marks (Latin, Arabic, full width) and emoji: a person's, never WhatsApp's notice. */
const PROSE_SIGN = /[?\u061f\uff1f]|\p{Extended_Pictographic}/u;

/**
 * True when a body (marks removed) is one of the notices WhatsApp writes, in a known wording.
 * The keywords alone are words a person can write too ("send me the security code"); a body
 * of several lines, a question or emoji is the person's (see the file comment).
 */
export function isKnownNotice(plainBody: string): boolean {
  const head = plainBody.length > MAX_NOTICE_LENGTH ? plainBody.slice(0, MAX_NOTICE_LENGTH) : plainBody;
  if (!SYSTEM_NOTICE_KEYWORDS.test(head) && !ENGLISH_MARKED_NOTICE.test(head) && !isMissedCallNotice(plainBody)) {
    return false;
  }
  return hasNoticeShape(plainBody);
}

/** True when a body (marks removed) could be a notice at all: one line, not prose. */
export function hasNoticeShape(plainBody: string): boolean {
  return !looksLikeProse(plainBody) && !plainBody.includes('\n');
}

/** True when a header line's body (marks removed) cannot be a notice: too long, a question, emoji. */
export function looksLikeProse(plainBody: string): boolean {
  return plainBody.length > MAX_NOTICE_LENGTH || PROSE_SIGN.test(plainBody);
}
