/**
 * A Cellebrite message's attachments: its Attachment models (`Attachment` and `Attachments`,
 * linked to taggedFiles by file_id or holding the file inline) and files only its `jumptargets`
 * name, as ParsedAttachments, with what the report says of each (device path, transcript,
 * deleted state, times) kept as references for the message's extra. Read by InstantMessage
 * (records.ts) and SMS/MMS/Email (text-records.ts) alike.
 */

import type { MediaType, ParsedAttachment } from '../../../shared/contracts/parsed-source.ts';
import { safeRelativePath } from '../import-limits.ts';
import type { FileIndex, TaggedFile } from './file-index.ts';
import { taggedFileOf } from './file-index.ts';
import { deletedStateOf, sideTime, sideTimesOf } from './model-facts.ts';
import type { SideTime } from './model-facts.ts';
import { descendants, fieldModels, fieldNode, fieldText } from './model-tree.ts';
import type { XmlNode } from './model-tree.ts';
import type { StampReader } from './date-order.ts';

/** Attachment models (`Attachment` and `Attachments`) plus files only named by `jumptargets`. */
export function attachmentsOf(model: XmlNode, files: FileIndex, notes: string[], stamps: StampReader): { attachments: ParsedAttachment[]; references: Record<string, unknown>[] } {
  const attachments: ParsedAttachment[] = [];
  const references: Record<string, unknown>[] = [];
  const used = new Set<string>();
  for (const item of uniqueModels([...fieldModels(model, 'Attachment'), ...fieldModels(model, 'Attachments')])) {
    const inline = descendants(item, 'file')[0];
    const fileId = item.attrs['file_id'] ?? inline?.attrs['id'] ?? null;
    const file = inline === undefined ? (fileId === null ? undefined : files.get(fileId)) : taggedFileOf(inline);
    if (fileId !== null) used.add(fileId);
    const extracted = fieldText(item, 'attachment_extracted_path');
    const length = fieldNode(item, 'Data')?.children.find((child) => child.name === 'source')?.attrs['length'];
    attachments.push(attachment(file, fieldText(item, 'Filename'), fieldText(item, 'ContentType'), extracted, length));
    // A voice note's Transcript is its words as the report gives them.
    const transcript = fieldText(item, 'Transcript');
    // The Attachment model's own deleted_state (a deleted attachment of an intact message).
    const state = deletedStateOf(item);
    // The Attachment model's own times (Created, Modified…), and the file's accessInfo times.
    const times = sideTimesOf(item, notes, stamps);
    references.push({ fileId, devicePath: file?.devicePath ?? null, url: fieldText(item, 'URL'), title: fieldText(item, 'Title'), ...(transcript === null ? {} : { transcript }), ...(state === null ? {} : { deletedState: state }), ...(times === null ? {} : { times }), inReport: file !== undefined, ...deletedOnDevice(file), ...fileTimesOf(file, notes, stamps) });
  }
  for (const target of model.children.filter((child) => child.name === 'jumptargets').flatMap((jump) => jump.children)) {
    const id = target.text.trim();
    const file = files.get(id);
    if (target.attrs['ismodel'] === 'true' || used.has(id) || file === undefined) continue;
    used.add(id);
    attachments.push(attachment(file, null, null, null, undefined));
    references.push({ fileId: id, devicePath: file.devicePath, inReport: true, ...deletedOnDevice(file), ...fileTimesOf(file, notes, stamps) });
  }
  return { attachments, references };
}

/**
 * Each model once: the same Attachment model (one id) can be written in both `Attachment` and
 * `Attachments`, and read per field it became two attachments. Models without an id are kept.
 */
function uniqueModels(models: XmlNode[]): XmlNode[] {
  const ids = new Set<string>();
  return models.filter((item) => {
    const id = item.attrs['id'];
    if (id === undefined) return true;
    if (ids.has(id)) return false;
    ids.add(id);
    return true;
  });
}

/**
 * What the tagged file itself says beside the message. taggedFiles' `deleted="Deleted"` says the file itself was recovered as deleted on the device,
 * which the message's own deleted_state does not say (an intact message can point at a deleted
 * photo). It was read into TaggedFile but never reached the record. A Local Path refused as
 * leading outside the UFDR is kept too: the attachment then points at the device path instead.
 */
function deletedOnDevice(file: TaggedFile | undefined): { fileDeleted?: boolean; fileDeletedState?: string; refusedLocalPath?: string } {
  if (file === undefined) return {};
  // The word as written too: `Trash` and `Deleted` both read as deleted, but they say different things.
  const stated = file.deletedState === null ? {} : { fileDeletedState: file.deletedState };
  return file.refusedLocalPath === null ? { fileDeleted: file.deleted, ...stated } : { fileDeleted: file.deleted, ...stated, refusedLocalPath: file.refusedLocalPath };
}

/**
 * A tagged file's accessInfo times (CreationTime, ModifyTime, AccessTime) as `fileTimes`: when
 * the file was made or last opened on the device, which the message's own time does not say.
 */
function fileTimesOf(file: TaggedFile | undefined, notes: string[], stamps: StampReader): { fileTimes?: Record<string, SideTime> } {
  if (file === undefined || file.times.length === 0) return {};
  const fileTimes: Record<string, SideTime> = {};
  for (const [name, text] of file.times) fileTimes[name] ??= sideTime(text, stamps.read(text, notes), name, notes, stamps, null);
  return { fileTimes };
}

function attachment(file: TaggedFile | undefined, fileName: string | null, mimeType: string | null, extracted: string | null, length: string | undefined): ParsedAttachment {
  // Where the bytes are in the UFDR: the file's Local Path, else the Attachment's own extracted
  // path, else the device path (which the zip lookup can still match by its unique file name).
  const path = file?.localPath ?? (extracted === null ? null : safeRelativePath(extracted)) ?? file?.devicePath ?? null;
  const name = fileName ?? baseOf(file?.localPath ?? file?.devicePath ?? extracted);
  const parsed: ParsedAttachment = { kind: path === null ? 'omitted' : 'attached', mediaType: mediaTypeOf(mimeType, name) };
  if (name !== null) parsed.fileName = name;
  if (mimeType !== null) parsed.mimeType = mimeType;
  if (path !== null) parsed.path = path;
  const size = file?.size ?? (length !== undefined && /^\d+$/u.test(length) ? Number(length) : null);
  if (size !== null) parsed.size = size;
  if (file !== undefined && (file.md5 !== null || file.sha256 !== null)) {
    parsed.vendorDigests = { ...(file.md5 === null ? {} : { md5: file.md5 }), ...(file.sha256 === null ? {} : { sha256: file.sha256 }) };
  }
  return parsed;
}

function baseOf(path: string | null): string | null {
  if (path === null) return null;
  const slashed = path.replace(/\\/gu, '/');
  const base = slashed.slice(slashed.lastIndexOf('/') + 1);
  return base === '' ? null : base;
}

export function mediaTypeOf(mimeType: string | null, fileName: string | null): MediaType {
  const mime = (mimeType ?? '').toLowerCase();
  const extension = /\.([a-z0-9]{1,5})$/iu.exec(fileName ?? '')?.[1]?.toLowerCase() ?? '';
  if (mime === 'image/webp' || extension === 'webp') return 'sticker';
  if (mime === 'image/gif' || extension === 'gif') return 'gif';
  if (mime.startsWith('image/') || ['jpg', 'jpeg', 'png', 'heic', 'bmp'].includes(extension)) return 'image';
  if (mime.startsWith('video/') || ['mp4', 'mov', '3gp', 'mkv'].includes(extension)) return 'video';
  if (mime.startsWith('audio/') || ['opus', 'ogg', 'mp3', 'm4a', 'aac', 'amr', 'wav'].includes(extension)) return 'audio';
  if (mime.includes('vcard') || extension === 'vcf') return 'contact';
  if (mime !== '' || extension !== '') return 'document';
  return 'unknown';
}
