import { Engine } from '../../engine/engine.ts';
import { describeExport } from '../../engine/export/export-case.ts';
import { actorName } from '../actor.ts';
import { EXIT_OK } from '../exit-codes.ts';
import { createProgressPrinter } from '../progress.ts';

export interface ExportCommandOptions {
  out: string;
  select: string;
  context: number;
  includeOriginals?: boolean;
  reference?: string;
  exhibit?: string[];
  organisation?: string;
  signKey?: string;
  pseudonyms?: string;
  pseudonymMap?: string;
  json?: boolean;
}

/** `threadline export`: a court package (BagIt) of the selected messages with their context. */
export async function runExport(caseDir: string, options: ExportCommandOptions): Promise<number> {
  const engine = new Engine({ mode: 'cli', actor: actorName() });
  const progress = createProgressPrinter();
  engine.tasks.on('update', (task) => progress.update(task));
  try {
    await engine.openCase(caseDir, false);
    const summary = await engine.startExport({
      outDir: options.out,
      select: options.select,
      context: options.context,
      includeOriginals: options.includeOriginals === true,
      ...(options.reference === undefined ? {} : { caseReference: options.reference }),
      ...(options.exhibit === undefined ? {} : { exhibitRefs: options.exhibit }),
      ...(options.organisation === undefined ? {} : { organisation: options.organisation }),
      ...(options.signKey === undefined ? {} : { signKeyFile: options.signKey }),
      ...(options.pseudonyms === undefined ? {} : { pseudonymsFile: options.pseudonyms }),
      ...(options.pseudonymMap === undefined ? {} : { pseudonymMapFile: options.pseudonymMap }),
    }).done;
    progress.finish();
    if (options.json === true) {
      process.stdout.write(`${JSON.stringify({ bag: summary.bag, messages: summary.messages, contextMessages: summary.contextMessages, files: summary.files.length, bytes: summary.bytes, payloadOxum: summary.payloadOxum, skippedAttachments: summary.skippedAttachments })}\n`);
    } else {
      process.stdout.write(`Package written: ${describeExport(summary)} (Payload-Oxum ${summary.payloadOxum}).\n`);
      for (const skipped of summary.skippedAttachments) process.stdout.write(`  not included: ${skipped}\n`);
      process.stdout.write(`Check it with: threadline verify ${summary.bag}   or   (cd ${summary.bag} && sha256sum -c manifest-sha256.txt)\n`);
    }
    return EXIT_OK;
  } finally {
    await engine.dispose();
  }
}
