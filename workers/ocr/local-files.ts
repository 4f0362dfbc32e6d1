import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppError } from '../../shared/errors.ts';

/**
 * Every file tesseract.js needs, resolved inside node_modules. tesseract.js downloads its
 * worker script, its WebAssembly core and its models from a CDN unless told otherwise; Threadline
 * runs on air-gapped machines, so each of them is pinned here to a local file.
 */
export interface TesseractFiles {
  /** tesseract.js's Node worker script (run inside our own thread wrapper, see tesseract-thread.ts). */
  workerScript: string;
  /** Folder of tesseract.js-core; in Node tesseract.js requires the core from there itself. */
  coreDir: string;
  version: string;
  coreVersion: string;
}

const require = createRequire(import.meta.url);

let cached: TesseractFiles | null = null;

export function tesseractFiles(): TesseractFiles {
  if (cached !== null) return cached;
  try {
    const packageJson = require.resolve('tesseract.js/package.json');
    // The core is tesseract.js's own dependency: resolve it from there, as tesseract.js does.
    const corePackageJson = createRequire(packageJson).resolve('tesseract.js-core/package.json');
    cached = {
      workerScript: require.resolve('tesseract.js/src/worker-script/node/index.js'),
      coreDir: dirname(corePackageJson),
      version: readVersion(packageJson),
      coreVersion: readVersion(corePackageJson),
    };
    return cached;
  } catch (error) {
    throw new AppError('E_INTERNAL', `tesseract.js is not installed correctly: ${String(error)}`, { expected: false, cause: error });
  }
}

export interface CoreBuild {
  /** e.g. 'tesseract-core-simd-lstm': which of the core's builds this machine runs. */
  name: string;
  /** SHA-256 of that build's .wasm file. */
  sha256: string;
}

let coreBuild: Promise<CoreBuild> | null = null;

/**
 * tesseract.js picks one of several WebAssembly builds by the CPU/runtime features it detects
 * (SIMD, relaxed SIMD). The same detection, with the same library, tells which one ran; its
 * hash goes into the provenance of every result.
 */
export function tesseractCoreBuild(): Promise<CoreBuild> {
  coreBuild ??= (async () => {
    const files = tesseractFiles();
    const features = createRequire(require.resolve('tesseract.js/package.json'))('wasm-feature-detect') as { simd(): Promise<boolean>; relaxedSimd(): Promise<boolean> };
    const name = (await features.relaxedSimd()) ? 'tesseract-core-relaxedsimd-lstm' : (await features.simd()) ? 'tesseract-core-simd-lstm' : 'tesseract-core-lstm';
    const sha256 = createHash('sha256').update(await readFile(join(files.coreDir, `${name}.wasm`))).digest('hex');
    return { name, sha256 };
  })();
  return coreBuild;
}

/** The npm package that bundles a language (only eng ships with Threadline). */
export interface BundledLanguage {
  file: string;
  packageName: string;
}

/**
 * The LSTM-only ("best_int") model of @tesseract.js-data/<lang>, when that package is installed.
 * It is the file tesseract.js itself would download for the LSTM engine we run.
 */
export function bundledLanguage(lang: string): BundledLanguage | null {
  const packageName = `@tesseract.js-data/${lang}`;
  let packageJson: string;
  try {
    packageJson = require.resolve(`${packageName}/package.json`);
  } catch {
    return null;
  }
  return { file: join(dirname(packageJson), '4.0.0_best_int', `${lang}.traineddata.gz`), packageName };
}

function readVersion(packageJson: string): string {
  const parsed: unknown = JSON.parse(readFileSync(packageJson, 'utf8'));
  const version = typeof parsed === 'object' && parsed !== null ? (parsed as { version?: unknown }).version : undefined;
  return typeof version === 'string' ? version : 'unknown';
}
