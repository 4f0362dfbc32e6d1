import { readFileSync, statSync } from 'node:fs';
import type { ImageContent } from '../../shared/domain/image.ts';
import { AppError } from '../../shared/errors.ts';
import type { CaseSession } from '../case/case-session.ts';
import { attachmentPathOnDisk, copyZipAttachments } from '../attachments/attachment-bytes.ts';

/** Images larger than this are not sent to the viewer in one piece. */
const MAX_VIEWER_BYTES = 40 * 1024 * 1024;

/** An image's original bytes for the viewer, with the OCR word boxes to draw over it. */
export async function readImageContent(session: CaseSession, attachmentId: number): Promise<ImageContent> {
  const location = await session.db.client.call('attachmentLocation', { attachmentId });
  if (location === null) throw new AppError('E_NOT_FOUND', `No attachment ${attachmentId} in this case`);
  // The viewer may open an image OCR has not reached yet: copy it out of its zip if need be.
  const [place] = await copyZipAttachments(session, [location]);
  const path = place === undefined ? null : attachmentPathOnDisk(session.path, place);
  if (path === null) throw new AppError('E_NOT_FOUND', `The bytes of ${location.fileName ?? 'this image'} are no longer where its source named them`);
  if (statSync(path).size > MAX_VIEWER_BYTES) throw new AppError('E_INVALID_REQUEST', `${location.fileName ?? path} is too large to show`);
  const bytes = readFileSync(path, { flag: 'r' });
  const ocr = await session.db.client.call('ocrWords', { attachmentId });
  return {
    mimeType: sniffMime(bytes),
    base64: bytes.toString('base64'),
    width: null,
    height: null,
    words: ocr?.words ?? [],
    ocrText: ocr?.text ?? null,
    ocrSearchableText: ocr?.searchableText ?? null,
    onlySureWordsSearched: ocr?.onlySureWordsSearched ?? true,
  };
}

function sniffMime(bytes: Buffer): string {
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes.subarray(0, 4).toString('latin1') === 'GIF8') return 'image/gif';
  if (bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'image/webp';
  if (bytes[0] === 0x42 && bytes[1] === 0x4d) return 'image/bmp';
  return 'application/octet-stream';
}
