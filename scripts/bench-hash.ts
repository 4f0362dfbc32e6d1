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
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Engine } from '../engine/engine.ts';
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

/**
 * The real thing: a WhatsApp export whose attachments are the generated files, imported into a
 * case, then exported as a package with every attachment. Times the export only.
 */
async function exportThroughEngine(folder: string, files: string[]): Promise<{ seconds: number }> {
  const lines = files.map((file, index) => `01/02/2024, 10:${String(index % 60).padStart(2, '0')} - Ana: ${basename(file)} (file attached)`);
  const chat = join(folder, 'WhatsApp Chat with Ana.txt');
  writeFileSync(chat, `${lines.join('\n')}\n`);
  const engine = new Engine({ mode: 'cli', actor: 'bench' });
  try {
    await engine.openCase(join(folder, 'case'), true);
    await engine.startImport([chat], { timeZone: 'UTC' }).done;
    const start = process.hrtime.bigint();
    await engine.startExport({ outDir: join(folder, 'bag'), select: 'all', context: 0, includeOriginals: false }).done;
    return { seconds: Number(process.hrtime.bigint() - start) / 1e9 };
  } finally {
    await engine.dispose();
  }
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
    const exported = await exportThroughEngine(folder, files);
    const exportResult = { exportMBps: Number(mbs(exported.seconds)), exportRatio: Number((theirs / exported.seconds).toFixed(2)), exportPeakRssMB: Math.round(process.resourceUsage().maxRSS / 1024) };
    process.stdout.write(`packager streamed SHA-256: ${result.packagerMBps} MB/s\nsha256sum:                 ${result.sha256sumMBps} MB/s\n`
      + `ratio: ${result.ratio} (target >= 0.8)\npeak RSS: ${result.peakRssMB} MB (${result.rssBeforeHashingMB} MB before hashing) for ${result.megabytes} MB hashed\n`
      + `full package export through the engine (copy + hash of every attachment, report, manifests): ${exportResult.exportMBps} MB/s, ratio to sha256sum ${exportResult.exportRatio}, peak RSS ${exportResult.exportPeakRssMB} MB\n`
      + `${JSON.stringify({ ...result, ...exportResult })}\n`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

await main();
