/** A regular file found below the paths the user gave (collect-files.ts), with its size. */
export interface CollectedFile {
  path: string;
  size: number;
}
