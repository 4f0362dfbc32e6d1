import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/errors.ts';
import { sha256Text } from './hashing.ts';

/**
 * The fonts the PDF report embeds. pdfkit has no font fallback, so the report picks a font per
 * character: Noto Sans for Latin (with ș ț ă and Vietnamese), Greek and Cyrillic; Noto Sans (or
 * Naskh) Arabic; Noto Sans Hebrew; DejaVu Sans for symbols the others lack; a monospace font for
 * commands. Searched, in order: THREADLINE_FONTS (folders separated like PATH), the npm font
 * packages Threadline ships (@embedpdf/fonts-latin, -arabic, -hebrew), Debian's font folders.
 */
export type FontRole = 'sans' | 'arabic' | 'hebrew' | 'symbols' | 'mono';

const CANDIDATES: Record<FontRole, { regular: string[]; bold: string[]; required: boolean }> = {
  sans: { regular: ['NotoSans-Regular.ttf'], bold: ['NotoSans-Bold.ttf'], required: true },
  arabic: { regular: ['NotoSansArabic-Regular.ttf', 'NotoNaskhArabic-Regular.ttf'], bold: ['NotoSansArabic-Bold.ttf', 'NotoNaskhArabic-Bold.ttf'], required: true },
  hebrew: { regular: ['NotoSansHebrew-Regular.ttf'], bold: ['NotoSansHebrew-Bold.ttf'], required: true },
  symbols: { regular: ['DejaVuSans.ttf'], bold: ['DejaVuSans-Bold.ttf'], required: false },
  mono: { regular: ['DejaVuSansMono.ttf', 'NotoSansMono-Regular.ttf'], bold: [], required: false },
};

export const FONT_ROLES = Object.keys(CANDIDATES) as FontRole[];

const DEBIAN_FONT_DIRS = ['/usr/share/fonts/truetype/noto', '/usr/share/fonts/truetype/dejavu', '/usr/share/fonts/opentype/noto'];
const BUNDLED_PACKAGES = ['@embedpdf/fonts-latin', '@embedpdf/fonts-arabic', '@embedpdf/fonts-hebrew'];

export interface FontFile {
  name: string;
  path: string;
  bytes: Buffer;
  sha256: string;
}

export interface FontFiles {
  regular: Partial<Record<FontRole, FontFile>>;
  bold: Partial<Record<FontRole, FontFile>>;
  searched: string[];
}

export function fontSearchPath(env: NodeJS.ProcessEnv = process.env): string[] {
  const configured = (env['THREADLINE_FONTS'] ?? '').split(delimiter).filter((dir) => dir !== '');
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
  const bundled = BUNDLED_PACKAGES.flatMap((name) => [join(root, 'node_modules', name, 'fonts'), join(root, 'node_modules', name, 'dist', 'fonts')]);
  return [...configured, ...bundled, ...DEBIAN_FONT_DIRS];
}

/** Finds and reads the report fonts; a clear error names what is missing and where it looked. */
export function loadReportFonts(searchPath: readonly string[] = fontSearchPath()): FontFiles {
  const dirs = searchPath.filter((dir) => existsSync(dir));
  const find = (names: readonly string[]): FontFile | undefined => {
    for (const name of names) {
      for (const dir of dirs) {
        const path = join(dir, name);
        if (existsSync(path)) {
          const bytes = readFileSync(path);
          return { name, path, bytes, sha256: sha256Text(bytes) };
        }
      }
    }
    return undefined;
  };
  const fonts: FontFiles = { regular: {}, bold: {}, searched: [...searchPath] };
  const missing: string[] = [];
  for (const role of FONT_ROLES) {
    const candidates = CANDIDATES[role];
    const regular = find(candidates.regular);
    if (regular === undefined) {
      if (candidates.required) missing.push(candidates.regular.join(' or '));
      continue;
    }
    fonts.regular[role] = regular;
    const bold = find(candidates.bold);
    if (bold !== undefined) fonts.bold[role] = bold;
  }
  if (missing.length > 0) {
    throw new AppError('E_NOT_FOUND', `The PDF report needs fonts that were not found: ${missing.join(', ')}. Searched: ${searchPath.join(', ')}. `
      + 'Set THREADLINE_FONTS to a folder that holds them, or install the font packages (Debian: apt-get install fonts-noto-core fonts-dejavu-core).');
  }
  return fonts;
}
