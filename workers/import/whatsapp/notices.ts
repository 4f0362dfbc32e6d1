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

import { SYSTEM_NOTICE_KEYWORDS } from './placeholders.ts';

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

/** Question marks (Latin, Arabic, full width) and emoji: a person's, never WhatsApp's notice. */
const PROSE_SIGN = /[?\u061f\uff1f]|\p{Extended_Pictographic}/u;

/**
 * True when a body (marks removed) is one of the notices WhatsApp writes, in a known wording.
 * The keywords alone are words a person can write too ("send me the security code"); a body
 * of several lines, a question or emoji is the person's (see the file comment).
 */
export function isKnownNotice(plainBody: string): boolean {
  const head = plainBody.length > MAX_NOTICE_LENGTH ? plainBody.slice(0, MAX_NOTICE_LENGTH) : plainBody;
  if (!SYSTEM_NOTICE_KEYWORDS.test(head) && !ENGLISH_MARKED_NOTICE.test(head)) {
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
