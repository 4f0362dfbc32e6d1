import { resolveAttachment } from '../../workers/import/resolve-attachment.ts';
import { zipFiles } from '../../workers/import/source-files.ts';
import { ZipArchive } from '../../workers/import/zip/zip-archive.ts';
import { tempFolder, writeTemp } from './temp-case.ts';
import { buildZip, type TestZipEntry } from './zip-writer.ts';

/** Opens a zip of these entries (written to a temp folder) for `use`, and closes it after. */
export async function withZip(entries: TestZipEntry[], use: (archive: ZipArchive) => Promise<void>): Promise<void> {
  const archive = await ZipArchive.open(writeTemp(tempFolder(), 'WhatsApp Chat.zip', buildZip(entries)));
  try {
    await use(archive);
  } finally {
    archive.close();
  }
}

/** Resolves an image attachment named `path` by the chat entry `chatEntry` of the zip; the reasons it gives for a missing one. */
export async function resolveIn(archive: ZipArchive, chatEntry: string, path: string) {
  const reasons: string[] = [];
  const record = await resolveAttachment({ kind: 'attached', mediaType: 'image', path }, zipFiles(archive, chatEntry), tempFolder(), (reason) => reasons.push(reason));
  return { record, reasons };
}
