import type { PickedFile } from '../../../api/client.ts';

/**
 * The files of a drop or a pick, each with its path from a dropped folder down. A browser hands
 * a dropped folder over only as an entry to walk (webkitGetAsEntry); a folder chosen with
 * <input webkitdirectory> comes as files that know their path (webkitRelativePath).
 */

/** Entries must be taken while the drop event is handled: the browser empties the list afterwards. */
export function dropEntries(transfer: DataTransfer): { entries: (FileSystemEntry | null)[]; files: File[] } {
  return { entries: Array.from(transfer.items, (item) => item.webkitGetAsEntry?.() ?? null), files: Array.from(transfer.files) };
}

/** Loose files as they are, folders walked to every file in them (sorted by path, so a drop always uploads in one order). */
export async function filesOfDrop(drop: { entries: (FileSystemEntry | null)[]; files: File[] }): Promise<PickedFile[]> {
  const picked: PickedFile[] = [];
  for (const [index, file] of drop.files.entries()) {
    const entry = drop.entries[index] ?? null;
    if (entry !== null && entry.isDirectory) picked.push(...(await filesInFolder(entry as FileSystemDirectoryEntry)));
    else picked.push({ file, relativePath: '' });
  }
  return picked;
}

/** Files chosen as a folder (<input webkitdirectory>): their webkitRelativePath is the folder's name down. */
export function filesOfFolderPick(files: readonly File[]): PickedFile[] {
  return files.map((file) => ({ file, relativePath: file.webkitRelativePath })).sort((a, b) => compare(a.relativePath, b.relativePath));
}

async function filesInFolder(folder: FileSystemDirectoryEntry): Promise<PickedFile[]> {
  const found: PickedFile[] = [];
  const pending: FileSystemDirectoryEntry[] = [folder];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    for (const entry of await allEntries(next)) {
      if (entry.isDirectory) pending.push(entry as FileSystemDirectoryEntry);
      else if (entry.isFile) found.push({ file: await fileOf(entry as FileSystemFileEntry), relativePath: entry.fullPath.replace(/^\/+/u, '') });
    }
  }
  return found.sort((a, b) => compare(a.relativePath, b.relativePath));
}

/** readEntries gives a folder's entries a batch at a time, until an empty batch. */
async function allEntries(folder: FileSystemDirectoryEntry): Promise<FileSystemEntry[]> {
  const reader = folder.createReader();
  const entries: FileSystemEntry[] = [];
  for (;;) {
    const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (batch.length === 0) return entries;
    entries.push(...batch);
  }
}

function fileOf(entry: FileSystemFileEntry): Promise<File> {
  return new Promise((resolve, reject) => entry.file(resolve, reject));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
