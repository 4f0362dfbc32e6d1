import { verifyEvidencePackage } from '../../engine/package/verify-package.ts';
import type { VerifyPackageResult } from '../../shared/contracts/evidence-package.ts';
import { EXIT_FAILED, EXIT_OK } from '../exit-codes.ts';

export interface VerifyCommandOptions {
  json?: boolean;
}

/** `threadline verify <bag-dir>`: exit 0 only when the package is complete and every check passes. */
export async function runVerify(bagDir: string, options: VerifyCommandOptions): Promise<number> {
  const result = await verifyEvidencePackage(bagDir);
  process.stdout.write(options.json === true ? `${JSON.stringify(result)}\n` : describe(bagDir, result));
  return result.ok ? EXIT_OK : EXIT_FAILED;
}

function describe(bagDir: string, result: VerifyPackageResult): string {
  const { checked } = result;
  const summary = `${checked.payloadFiles} payload files (${checked.payloadBytes} bytes), ${checked.tagFiles} tag files, ${checked.custodyEntries} custody entries, signature ${checked.signature}${checked.format === null ? '' : `, package format ${checked.format}`}`;
  if (result.ok) return `${bagDir}: OK — ${summary}\n`;
  const lines = [`${bagDir}: FAILED — ${result.failures.length} problem(s); checked ${summary}`];
  for (const failure of result.failures) lines.push(`  ${failure.file}: ${failure.problem}`);
  return `${lines.join('\n')}\n`;
}
