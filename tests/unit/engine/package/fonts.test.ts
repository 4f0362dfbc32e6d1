import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontSearchPath, loadReportFonts } from '../../../../engine/package/fonts.ts';
import { tempFolder } from '../../../support/temp-case.ts';

const DEBIAN_NOTO = '/usr/share/fonts/truetype/noto';

describe('report fonts', () => {
  it('searches THREADLINE_FONTS first, then the bundled packages, then Debian', () => {
    const path = fontSearchPath({ THREADLINE_FONTS: '/a:/b' });
    expect(path.slice(0, 2)).toEqual(['/a', '/b']);
    expect(path.some((dir) => dir.includes('@embedpdf/fonts-arabic'))).toBe(true);
    expect(path[path.length - 1]).toContain('/usr/share/fonts');
  });

  it('fails with a message naming the missing fonts, where it looked and how to fix it', () => {
    const empty = tempFolder('threadline-fonts-empty-');
    expect(() => loadReportFonts([empty])).toThrow(expect.objectContaining({
      code: 'E_NOT_FOUND',
      message: expect.stringMatching(/NotoSans-Regular\.ttf.*Searched: .*threadline-fonts-empty.*THREADLINE_FONTS.*fonts-noto-core/s) as unknown,
    }));
  });

  it.skipIf(!existsSync(join(DEBIAN_NOTO, 'NotoSans-Regular.ttf')))('loads fonts from a configured folder and hashes them', () => {
    const folder = tempFolder('threadline-fonts-');
    for (const name of ['NotoSans-Regular.ttf', 'NotoSansArabic-Regular.ttf', 'NotoSansHebrew-Regular.ttf']) copyFileSync(join(DEBIAN_NOTO, name), join(folder, name));
    const fonts = loadReportFonts([folder]);
    expect(fonts.regular.sans?.path).toBe(join(folder, 'NotoSans-Regular.ttf'));
    expect(fonts.regular.sans?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(fonts.bold.sans).toBeUndefined();
    expect(fonts.regular.symbols).toBeUndefined();
  });
});
