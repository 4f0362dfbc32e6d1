import { deviceIdentity } from '../../shared/domain/device.ts';
import type { CollectedFile } from './collected-file.ts';
import { readFileHead } from './file-head.ts';
import { sniffZip, ZIP_SNIFF_BYTES } from '../../shared/formats/zip-magic.ts';

/**
 * The zips of an import, told by content (4 bytes per file): the parts a download split over
 * several zips may be (Meta DYI), where a zip source looks for an attachment its own zip lacks.
 */
export function zipsOf(files: readonly CollectedFile[]): string[] {
  return files.filter((file) => startsWithZipHeader(file.path)).map((file) => file.path);
}

/**
 * The other zips a zip source may take an attachment from (ImportJob.otherArchives): those
 * declared as the same device, or, when the source has none, those declared as none. A zip the
 * analyst declared as another device is another exhibit, never a part of this one's download.
 */
export function otherPartsOf(path: string, zips: readonly string[], deviceOf: (path: string) => string | null): string[] {
  const own = deviceOf(path);
  const identity = own === null ? null : deviceIdentity(own);
  return zips.filter((other) => {
    if (other === path) return false;
    const device = deviceOf(other);
    return (device === null ? null : deviceIdentity(device)) === identity;
  });
}

function startsWithZipHeader(path: string): boolean {
  // Not readable now: hashing it will say so.
  const head = readFileHead(path, ZIP_SNIFF_BYTES);
  return head !== null && sniffZip(head);
}
