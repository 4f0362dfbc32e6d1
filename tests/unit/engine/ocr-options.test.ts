import { delimiter } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveOcrSettings } from '../../../engine/ocr/ocr-options.ts';
import { tempFolder } from '../../support/temp-case.ts';

describe('OCR settings from flags and environment', () => {
  it('defaults to English and the bundled model', () => {
    expect(resolveOcrSettings({}, {})).toEqual({ langs: ['eng'], tessdataDirs: [] });
  });

  it('splits --lang on + and puts --tessdata before THREADLINE_TESSDATA', () => {
    const [flag, first, second] = [tempFolder(), tempFolder(), tempFolder()];
    const settings = resolveOcrSettings({ lang: 'eng+ron+eng', tessdata: flag }, { THREADLINE_TESSDATA: `${first}${delimiter}${second}` });
    expect(settings).toEqual({ langs: ['eng', 'ron'], tessdataDirs: [flag, first, second] });
  });

  it('is a usage error to name a bad language or a missing folder', () => {
    expect(() => resolveOcrSettings({ lang: 'eng+../../etc' }, {})).toThrow(expect.objectContaining({ code: 'E_USAGE' }));
    expect(() => resolveOcrSettings({ lang: '+' }, {})).toThrow(expect.objectContaining({ code: 'E_USAGE' }));
    expect(() => resolveOcrSettings({ tessdata: '/no/such/folder' }, {})).toThrow(expect.objectContaining({ code: 'E_USAGE' }));
  });
});
