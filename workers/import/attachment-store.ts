import { join } from 'node:path';

/** The case's content-addressed store of attachment bytes (read-only files), relative to the case folder. */
export const ATTACHMENT_STORE = 'attachments';

/** Where the bytes of this SHA-256 lie in the case's store: attachments/<first two hex>/<sha256>. */
export function storedAttachmentPath(sha256: string): string {
  return join(ATTACHMENT_STORE, sha256.slice(0, 2), sha256);
}
