import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type {
  EvidencePackageInput, PackageProgress, WritePackageOptions, WritePackageResult,
} from '../../shared/contracts/evidence-package.ts';
import { AppError } from '../../shared/errors.ts';
import { verifyAuditLines } from '../case/audit-log.ts';
import { BAGIT_TXT, bagInfoText } from './bag-info.ts';
import { BagWriter, MANIFEST, manifestText, payloadOxum, TAG_MANIFEST } from './bag-writer.ts';
import { canonicalJson } from './canonical-json.ts';
import { caseJsonLd } from './case-jsonld.ts';
import { CUSTODY_LOG_PATH, custodyLogText, EXPORT_ENTRY_PATH, exportEntry, exportEntryText } from './custody.ts';
import { loadReportFonts } from './fonts.ts';
import { sha256Text } from './hashing.ts';
import { attachmentsJsonl, markersJsonl, messagesCsv, messagesJsonl, reviewsJsonl, sourcesJsonl } from './payload-records.ts';
import { preparePackage } from './prepare.ts';
import type { PreparedPackage } from './prepare.ts';
import { pseudonymiseInput } from './pseudonymise.ts';
import { reportHtml } from './report-html.ts';
import { buildReportModel } from './report-model.ts';
import { reportPdf } from './report-pdf.ts';
import { loadSigningKey, PUBLIC_KEY_PATH, SIGNATURE_PATH, signBytes } from './signature.ts';
import type { SigningKey } from './signature.ts';

/**
 * Writes a BagIt 1.0 evidence package into outDir (which must be missing or empty). Pure
 * packager: everything comes from `input`; the only clock is input.baggingDate. On failure or
 * cancellation the partly written bag is removed, so a folder either holds a whole bag or nothing.
 */
export async function writeEvidencePackage(input: EvidencePackageInput, outDir: string, options: WritePackageOptions = {}): Promise<WritePackageResult> {
  const root = resolve(outDir);
  const pseudonyms = input.pseudonyms ?? [];
  checkArguments(input, root, options.pseudonymMapPath, pseudonyms.length > 0);
  // Fonts and key are checked before anything is written: a missing font must not leave half a bag.
  const fonts = loadReportFonts();
  const signingKey = input.signingKey === undefined ? null : loadSigningKey(input.signingKey);
  mkdirSync(root, { recursive: true });
  const bag = new BagWriter(root);
  try {
    const prepared = preparePackage(pseudonyms.length > 0 ? pseudonymiseInput(input, pseudonyms) : input);
    await writePayload(bag, prepared, fonts, signingKey, options);
    const tagmanifest = writeTagFiles(bag, prepared, signingKey);
    if (options.pseudonymMapPath !== undefined) {
      writeFileSync(options.pseudonymMapPath, `${canonicalJson({
        caseReference: input.case.reference, baggingDate: input.baggingDate, tagmanifestSha256: sha256Text(tagmanifest), pseudonyms,
      }, 2)}\n`, { flag: 'wx', mode: 0o600 });
    }
    return { files: bag.files(), payloadOxum: payloadOxum(bag.payload()), bytes: bag.totalBytes() };
  } catch (error) {
    for (const entry of readdirSync(root)) rmSync(resolve(root, entry), { recursive: true, force: true });
    if (options.signal?.aborted === true) throw new AppError('E_CANCELLED', 'Package export cancelled', { cause: error });
    throw error;
  }
}

function checkArguments(input: EvidencePackageInput, root: string, mapPath: string | undefined, pseudonymised: boolean): void {
  if (existsSync(root) && readdirSync(root).length > 0) {
    throw new AppError('E_USAGE', `${root} is not empty: an evidence package is written only into a new or empty folder`);
  }
  const chain = verifyAuditLines(input.custodyLog);
  if (!chain.ok) {
    throw new AppError('E_CASE_CORRUPT', `The case custody log is broken at line ${chain.line} (${chain.reason}); a package made from it would not verify`);
  }
  if (Number.isNaN(Date.parse(input.baggingDate))) throw new AppError('E_INVALID_REQUEST', `baggingDate "${input.baggingDate}" is not an ISO 8601 date`);
  if (pseudonymised && mapPath === undefined) {
    throw new AppError('E_INVALID_REQUEST', 'Pseudonyms were given without a path for the pseudonym key (it is never written into the package)');
  }
  if (mapPath !== undefined) {
    const inside = relative(root, resolve(mapPath));
    if (!inside.startsWith('..') && !isAbsolute(inside)) throw new AppError('E_INVALID_REQUEST', `The pseudonym key ${mapPath} must be written outside the package folder`);
    if (existsSync(mapPath)) throw new AppError('E_INVALID_REQUEST', `${mapPath} already exists; the pseudonym key is never overwritten`);
  }
}

async function writePayload(bag: BagWriter, prepared: PreparedPackage, fonts: ReturnType<typeof loadReportFonts>, signingKey: SigningKey | null, options: WritePackageOptions): Promise<void> {
  const { signal } = options;
  const progress = (stage: PackageProgress['stage'], done: number, total: number): void => {
    if (signal?.aborted === true) throw new AppError('E_CANCELLED', 'Package export cancelled');
    options.onProgress?.({ stage, done, total });
  };
  const { input } = prepared;
  progress('payload', 0, 1);
  bag.writeFile('data/messages.jsonl', messagesJsonl(prepared));
  bag.writeFile('data/messages.csv', messagesCsv(prepared));
  bag.writeFile('data/markers.jsonl', markersJsonl(prepared));
  bag.writeFile('data/reviews.jsonl', reviewsJsonl(prepared));
  bag.writeFile('data/sources.jsonl', sourcesJsonl(prepared));
  bag.writeFile('data/attachments.jsonl', attachmentsJsonl(prepared));
  bag.writeFile(CUSTODY_LOG_PATH, custodyLogText(input.custodyLog));
  progress('payload', 1, 1);

  const files = [...prepared.attachments, ...prepared.originals];
  const sizes = new Map<string, number>();
  for (const [index, entry] of files.entries()) {
    progress('attachments', index, files.length);
    const source = await entry.file.readFile();
    if (!existsSync(source)) throw new AppError('E_NOT_FOUND', `${entry.fileName}: ${source} does not exist`);
    sizes.set(entry.path, (await bag.copyFile(entry.path, source, entry.sha256, signal)).bytes);
  }
  progress('attachments', files.length, files.length);

  progress('report', 0, 2);
  const model = buildReportModel(prepared, {
    keyFingerprint: signingKey?.fingerprint ?? null,
    fonts: Object.values(fonts.regular).concat(Object.values(fonts.bold)).map((font) => ({ name: font.name, sha256: font.sha256 })).sort((a, b) => (a.name < b.name ? -1 : 1)),
  });
  bag.writeFile('data/report/report.html', reportHtml(model));
  progress('report', 1, 2);
  bag.writeFile('data/report/report.pdf', await reportPdf(model, fonts, {
    title: model.title, author: input.examiner.name, subject: input.selection.description, creator: `${input.tool.name} ${input.tool.version}`, date: input.baggingDate,
  }));
  progress('report', 2, 2);
  bag.writeFile('data/case.jsonld', caseJsonLd(prepared, sizes));
  // The export entry comes last and records the Payload-Oxum of everything before it.
  bag.writeFile(EXPORT_ENTRY_PATH, exportEntryText(exportEntry(prepared, payloadOxum(bag.payload()))));
}

/** Manifest, bag-info, bagit.txt, public key, then the tag manifest over them and its signature. */
function writeTagFiles(bag: BagWriter, prepared: PreparedPackage, signingKey: SigningKey | null): Buffer {
  const payload = bag.payload();
  bag.writeFile(MANIFEST, manifestText(payload));
  bag.writeFile('bagit.txt', BAGIT_TXT);
  bag.writeFile('bag-info.txt', bagInfoText(prepared, payloadOxum(payload), signingKey !== null));
  if (signingKey !== null) bag.writeFile(PUBLIC_KEY_PATH, signingKey.publicKeyPem);
  const tagmanifest = Buffer.from(manifestText(bag.tags()), 'utf8');
  bag.writeFile(TAG_MANIFEST, tagmanifest);
  if (signingKey !== null) bag.writeFile(SIGNATURE_PATH, signBytes(signingKey, tagmanifest));
  return tagmanifest;
}
