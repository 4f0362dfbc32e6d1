/**
 * `message.message_summary_info` (iOS 16+): a binary plist recording edits and unsends.
 * Keys seen on real messages (imessage-exporter test data): `ec` edited content, a dict from
 * message-part index to the list of versions `{t: attributedBody typedstream, d: seconds since
 * 2001}`; `ep` edited part indexes; `rp` retracted (unsent) part indexes; `otr` part ranges.
 * The earlier versions are evidence in their own right: the original wording before an edit.
 */

import { APPLE_EPOCH_OFFSET_SECONDS } from '../sqlite/index.ts';
import { parseBinaryPlist, PlistDate } from './binary-plist.ts';
import type { PlistValue } from './binary-plist.ts';
import { decodeAttributedBody } from './typedstream.ts';

export interface EditVersion {
  part: number;
  /** ISO time of this version, when recorded. */
  at: string | null;
  text: string | null;
}

export interface SummaryInfo {
  editedParts: number[];
  retractedParts: number[];
  /** Every recorded version of each edited part, oldest first (as stored). */
  versions: EditVersion[];
}

/** Reads the summary plist; null when the blob is not a readable binary plist. */
export function readSummaryInfo(blob: Uint8Array): SummaryInfo | null {
  const root = parseBinaryPlist(blob);
  if (!(root instanceof Map)) return null;
  const versions: EditVersion[] = [];
  const edited = root.get('ec');
  if (edited instanceof Map) {
    for (const [partKey, list] of edited) {
      if (!Array.isArray(list)) continue;
      for (const entry of list) {
        if (!(entry instanceof Map)) continue;
        const body = entry.get('t');
        const decoded = body instanceof Uint8Array ? decodeAttributedBody(body) : null;
        versions.push({ part: Number(partKey), at: isoFromApple(entry.get('d')), text: decoded?.ok === true ? decoded.text : null });
      }
    }
  }
  return {
    editedParts: integers(root.get('ep')),
    retractedParts: integers(root.get('rp')),
    versions,
  };
}

function integers(value: PlistValue | undefined): number[] {
  return Array.isArray(value) ? value.filter((item): item is number => typeof item === 'number') : [];
}

function isoFromApple(value: PlistValue | undefined): string | null {
  const seconds = value instanceof PlistDate ? value.secondsSince2001 : typeof value === 'number' ? value : null;
  if (seconds === null || !Number.isFinite(seconds)) return null;
  const date = new Date((seconds + APPLE_EPOCH_OFFSET_SECONDS) * 1000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}
