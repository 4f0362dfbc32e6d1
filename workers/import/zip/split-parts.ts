import { posix } from 'node:path';
import { AppError } from '../../../shared/errors.ts';
import type { OtherPartsLookup } from '../source-files.ts';
import { ZipArchive } from './zip-archive.ts';
import type { ZipEntryInfo } from './zip-archive.ts';
import { storeZipEntry } from './store-entry.ts';

/**
 * The other zips picked with a zip source, as parts of one download its writer split over several
 * archives (Meta DYI: a thread's message_1.json in one part, its photos in another). Threads are
 * never merged across these zips (ADR 0014: they may be two people's downloads); an attachment's
 * file is looked for in them only by the exact path the format proves is this thread's own
 * (ParsedAttachment.downloadPath: the thread's folder, named with its id, and the media's own
 * name), only when the source's own zip holds no entry of that file name at all, and taken only
 * when exactly one other part holds that path: two or more, and which part of which download it
 * is cannot be told. The engine offers only zips declared as the same device as the source (or,
 * like it, as none). The bytes are hashed and copied into the case's store as they are read (no
 * file of the source holds them, so nothing else could read them again), and the record names
 * the zip and entry they came from. Parts are opened when first needed, once, and only read.
 */
export class SplitDownloadParts {
  /** Each part opened so far, or why it could not be opened (the opening itself: two attachments of a message are read at once). */
  private readonly opened = new Map<string, Promise<ZipArchive | string>>();
  /** Attachments taken from each part, for the source's details. */
  private readonly taken = new Map<string, number>();

  constructor(
    /** Absolute paths of the other zips of the import (engine: ImportJob.otherArchives). */
    private readonly parts: readonly string[],
    private readonly casePath: string,
  ) {}

  /** The lookup a zip source's entry offers its attachments (SourceFiles.inOtherParts). */
  lookupFor(own: ZipArchive): (downloadPath: string) => Promise<OtherPartsLookup> {
    return (downloadPath) => this.find(own, downloadPath);
  }

  /** How many attachments each part gave, in the order the parts were picked. */
  attachmentsTaken(): { part: string; attachments: number }[] {
    return this.parts.flatMap((part) => {
      const attachments = this.taken.get(part) ?? 0;
      return attachments === 0 ? [] : [{ part, attachments }];
    });
  }

  /** Closes every part opened; called once the source's import is over, when no lookup is pending. */
  async close(): Promise<void> {
    const opened = await Promise.allSettled(this.opened.values());
    this.opened.clear();
    for (const result of opened) if (result.status === 'fulfilled' && typeof result.value !== 'string') result.value.close();
  }

  private async find(own: ZipArchive, downloadPath: string): Promise<OtherPartsLookup> {
    if (this.parts.length === 0) return { why: null };
    // A file of that name in the source's own zip (elsewhere, or twice) is what its chat may mean: the zip's own reason stands.
    if (own.findByBaseName(posix.basename(downloadPath)).length > 0 || own.findAcrossNormalisation(downloadPath).length > 0) return { why: null };
    const holders: { part: string; archive: ZipArchive; entry: ZipEntryInfo }[] = [];
    const unopened: string[] = [];
    for (const part of this.parts) {
      const archive = await this.open(part);
      if (typeof archive === 'string') {
        unopened.push(`${part} (${archive})`);
        continue;
      }
      const entry = archive.find(downloadPath);
      if (entry !== undefined) holders.push({ part, archive, entry });
    }
    const notOpened = unopened.length === 0 ? '' : `; ${unopened.length === 1 ? 'one other picked zip' : `${unopened.length} other picked zips`} could not be opened to look: ${unopened.join(', ')}`;
    const [only] = holders;
    if (holders.length === 1 && only !== undefined) {
      let digests;
      try {
        digests = await storeZipEntry(only.archive, only.entry, this.casePath);
      } catch (error) {
        if (!(error instanceof AppError) || error.code === 'E_CANCELLED') throw error;
        throw new AppError(error.code, `found only in another picked zip, ${only.part}, whose entry cannot be read: ${error.message}`, { cause: error });
      }
      this.taken.set(only.part, (this.taken.get(only.part) ?? 0) + 1);
      return { digests: { ...digests, foundAs: `${only.part}!/${only.entry.name}` } };
    }
    if (holders.length > 1) {
      return { why: `${holders.length} other picked zips hold ${downloadPath} (${holders.map((holder) => holder.part).join(', ')}): which of them is a part of this download cannot be told, so none is taken${notOpened}` };
    }
    return { why: `no other picked zip holds ${downloadPath} either (${this.parts.length} looked in)${notOpened}` };
  }

  private open(part: string): Promise<ZipArchive | string> {
    let opening = this.opened.get(part);
    if (opening === undefined) {
      opening = ZipArchive.open(part).catch((error: unknown) => {
        if (!(error instanceof AppError)) throw error;
        return error.message;
      });
      this.opened.set(part, opening);
    }
    return opening;
  }
}
