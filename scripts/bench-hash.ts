/**
 * Hashing benchmark for the evidence packager: writes N GB of random "attachments" to a temp
 * folder, hashes them with the packager's streamed SHA-256 and with coreutils sha256sum in the
 * same run, and prints both throughputs, their ratio (target >= 0.8) and the peak RSS (which must
 * stay flat whatever N is: hashing is streamed). The files are deleted at the end.
 *
 *   npm run bench -- hash [--gb 2]   (default 2 GB)
 */
import { spawnSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256File } from '../engine/package/hashing.ts';

const FILE_BYTES = 256 * 1024 * 1024;
const WRITE_CHUNK_BYTES = 8 * 1024 * 1024;
const MB = 1024 * 1024;

function gigabytes(argv: readonly string[]): number {
  const index = argv.indexOf('--gb');
  const value = index === -1 ? 2 : Number(argv[index + 1]);
  if (!Number.isFinite(value) || value <= 0) throw new Error('--gb expects a positive number');
  return value;
}

function writeRandomFiles(folder: string, totalBytes: number): string[] {
  const chunk = Buffer.alloc(WRITE_CHUNK_BYTES);
  const files: string[] = [];
  for (let written = 0; written < totalBytes; written += FILE_BYTES) {
    const path = join(folder, `attachment-${files.length}.bin`);
    const fd = openSync(path, 'w');
    const size = Math.min(FILE_BYTES, totalBytes - written);
    for (let done = 0; done < size; done += chunk.length) {
      randomFillSync(chunk);
      writeSync(fd, chunk, 0, Math.min(chunk.length, size - done));
    }
    closeSync(fd);
    files.push(path);
  }
  return files;
}

async function main(): Promise<void> {
  const totalBytes = Math.round(gigabytes(process.argv.slice(2)) * 1024 * MB);
  const folder = mkdtempSync(join(tmpdir(), 'threadline-bench-hash-'));
  try {
    process.stderr.write(`writing ${(totalBytes / MB).toFixed(0)} MB of random files in ${folder}\n`);
    const files = writeRandomFiles(folder, totalBytes);
    const rssBefore = process.resourceUsage().maxRSS / 1024;
    // Same files, same page cache state for both: sha256sum first, then the packager, then sha256sum again.
    const coreutils = (): number => {
      const start = process.hrtime.bigint();
      const run = spawnSync('sha256sum', files, { encoding: 'utf8' });
      if (run.status !== 0) throw new Error(`sha256sum failed: ${run.stderr}`);
      return Number(process.hrtime.bigint() - start) / 1e9;
    };
    const warm = coreutils();
    let start = process.hrtime.bigint();
    for (const file of files) await sha256File(file);
    const ours = Number(process.hrtime.bigint() - start) / 1e9;
    start = process.hrtime.bigint();
    const theirs = Math.min(warm, coreutils());
    const peakRss = process.resourceUsage().maxRSS / 1024;
    const mbs = (seconds: number): string => (totalBytes / MB / seconds).toFixed(0);
    const result = {
      megabytes: Math.round(totalBytes / MB),
      packagerMBps: Number(mbs(ours)),
      sha256sumMBps: Number(mbs(theirs)),
      ratio: Number((theirs / ours).toFixed(2)),
      peakRssMB: Math.round(peakRss),
      rssBeforeHashingMB: Math.round(rssBefore),
    };
    process.stdout.write(`packager streamed SHA-256: ${result.packagerMBps} MB/s\nsha256sum:                 ${result.sha256sumMBps} MB/s\n`
      + `ratio: ${result.ratio} (target >= 0.8)\npeak RSS: ${result.peakRssMB} MB (${result.rssBeforeHashingMB} MB before hashing) for ${result.megabytes} MB hashed\n`
      + `${JSON.stringify(result)}\n`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
