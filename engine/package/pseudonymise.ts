import type { EvidencePackageInput, PackageMarker, Pseudonym } from '../../shared/contracts/evidence-package.ts';
import { AppError } from '../../shared/errors.ts';

/**
 * Pseudonymisation replaces given names and numbers by stable pseudonyms in every text the
 * package shows (messages, senders, participants, titles, file names, notes, explanations, OCR).
 * Matching ignores case and respects word edges (a name inside a longer word is left alone).
 * Not replaced, by design: the custody log (its lines are hash-chained and must stay byte-exact),
 * the bytes of attachments and originals (their hashes are the evidence), ids and hashes.
 */

/** Keys whose values are identifiers or hashes: never rewritten. */
const SKIPPED_KEYS = new Set(['id', 'messageId', 'markerId', 'ruleId', 'sourceId', 'chatId', 'sha256', 'sha256AtIntake', 'sha256AtExport', 'packVersion', 'origin', 'indicatorNoLongerFoundBy']);

interface Replacement {
  start: number;
  end: number;
  newStart: number;
  newEnd: number;
}

export interface TrackedText {
  text: string;
  /** Maps an offset of the original text to the pseudonymised one (ends of replaced names move to the pseudonym's ends). */
  mapOffset(offset: number, side: 'start' | 'end'): number;
}

export class Pseudonymiser {
  private readonly pattern: RegExp | null;
  private readonly byKey = new Map<string, string>();

  constructor(pseudonyms: readonly Pseudonym[]) {
    for (const { original, pseudonym } of pseudonyms) {
      if (original.trim() === '') throw new AppError('E_INVALID_REQUEST', 'A pseudonym entry has an empty original');
      this.byKey.set(original.toLocaleLowerCase('und'), pseudonym);
    }
    // Longest first, so "Ana Maria" wins over "Ana".
    const originals = [...new Set(pseudonyms.map((entry) => entry.original))].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
    this.pattern = originals.length === 0 ? null : new RegExp(`(?<![\\p{L}\\p{N}])(?:${originals.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  }

  replace(text: string): string {
    return this.track(text).text;
  }

  track(text: string): TrackedText {
    const replacements: Replacement[] = [];
    if (this.pattern === null) return { text, mapOffset: (offset) => offset };
    let output = '';
    let last = 0;
    for (const match of text.matchAll(this.pattern)) {
      const start = match.index;
      const pseudonym = this.byKey.get(match[0].toLocaleLowerCase('und')) ?? match[0];
      output += text.slice(last, start);
      replacements.push({ start, end: start + match[0].length, newStart: output.length, newEnd: output.length + pseudonym.length });
      output += pseudonym;
      last = start + match[0].length;
    }
    output += text.slice(last);
    return { text: output, mapOffset: (offset, side) => mapOffset(replacements, offset, side) };
  }
}

function mapOffset(replacements: readonly Replacement[], offset: number, side: 'start' | 'end'): number {
  let shift = 0;
  for (const r of replacements) {
    if (offset <= r.start) break;
    if (offset < r.end) return side === 'start' ? r.newStart : r.newEnd;
    shift = r.newEnd - r.end;
  }
  return offset + shift;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every string of a plain data tree, rewritten; functions (readFile) and skipped keys kept. */
export function mapStrings<T>(value: T, rewrite: (text: string) => string): T {
  return mapValue(value, rewrite) as T;
}

function mapValue(value: unknown, rewrite: (text: string) => string): unknown {
  if (typeof value === 'string') return rewrite(value);
  if (Array.isArray(value)) return value.map((item) => mapValue(item, rewrite));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = SKIPPED_KEYS.has(key) ? item : mapValue(item, rewrite);
    return out;
  }
  return value;
}

/** The input as the package shows it: names replaced, marker spans moved with the text. */
export function pseudonymiseInput(input: EvidencePackageInput, pseudonyms: readonly Pseudonym[]): EvidencePackageInput {
  const pseudonymiser = new Pseudonymiser(pseudonyms);
  const rewrite = (text: string): string => pseudonymiser.replace(text);
  const tracked = new Map<string, TrackedText>();
  const conversations = input.conversations.map((conversation) => ({
    ...mapStrings({ ...conversation, messages: [] }, rewrite),
    messages: conversation.messages.map((message) => {
      const text = pseudonymiser.track(message.text);
      tracked.set(message.id, text);
      return { ...mapStrings(message, rewrite), text: text.text };
    }),
  }));
  const markers: PackageMarker[] = input.markers.map((marker) => {
    if (marker.origin === 'ocr' && marker.ocrText !== undefined) {
      // Its spans index the OCR text it carries, which moves with its own replacements.
      const ocr = pseudonymiser.track(marker.ocrText);
      const spans = marker.spans.map(([start, end]): [number, number] => [ocr.mapOffset(start, 'start'), ocr.mapOffset(end, 'end')]);
      return { ...mapStrings(marker, rewrite), spans, ocrText: ocr.text };
    }
    const text = tracked.get(marker.messageId);
    const spans = marker.spans.map(([start, end]): [number, number] => (text === undefined ? [start, end] : [text.mapOffset(start, 'start'), text.mapOffset(end, 'end')]));
    return { ...mapStrings(marker, rewrite), spans };
  });
  return {
    ...input,
    case: mapStrings(input.case, rewrite),
    exhibitRefs: mapStrings(input.exhibitRefs, rewrite),
    sources: mapStrings(input.sources, rewrite),
    selection: mapStrings(input.selection, rewrite),
    conversations,
    markers,
    reviews: mapStrings(input.reviews, rewrite),
    attachments: input.attachments.map((attachment) => ({ ...mapStrings(attachment, rewrite), readFile: attachment.readFile })),
    ...(input.originals === undefined ? {} : { originals: input.originals.map((original) => ({ ...mapStrings(original, rewrite), readFile: original.readFile })) }),
    ...(input.importIssues === undefined ? {} : { importIssues: mapStrings(input.importIssues, rewrite) }),
  };
}
