import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_UPLOAD_PATH_PARTS, plainName, uploadTarget } from '../../../../engine/loopback/upload-target.ts';

const DROP = join('/case', 'intake', 'batch-00ff');

describe('uploadTarget (where a file from the browser is written)', () => {
  it('keeps a loose file in the drop folder under its plain name', () => {
    expect(uploadTarget(DROP, 'WhatsApp Chat with Ana.txt', null)).toEqual({ folder: DROP, name: 'WhatsApp Chat with Ana.txt', root: null });
    expect(uploadTarget(DROP, 'a/b:c?.txt', '')).toEqual({ folder: DROP, name: 'a_b_c_.txt', root: null });
  });

  it('keeps a dropped folder’s files in their places, the top folder as what the drop put in', () => {
    expect(uploadTarget(DROP, 'IMG-1.jpg', 'Export/Media/IMG-1.jpg')).toEqual({ folder: join(DROP, 'Export', 'Media'), name: 'IMG-1.jpg', root: join(DROP, 'Export') });
    expect(uploadTarget(DROP, 'chat.txt', 'Export/chat.txt')).toEqual({ folder: join(DROP, 'Export'), name: 'chat.txt', root: join(DROP, 'Export') });
  });

  it.each(['../outside.txt', 'Export/../../outside.txt', '/etc/passwd', 'Export//x.txt', './x.txt', 'Export/.'])('refuses %s instead of mending it', (path) => {
    expect(() => uploadTarget(DROP, 'x.txt', path)).toThrow(expect.objectContaining({ code: 'E_INVALID_REQUEST' }) as Error);
  });

  it('reduces every part to a plain name: no separator, drive or control character survives', () => {
    const target = uploadTarget(DROP, 'x', 'C:\\Windows\u0000/..\\evil/x.txt');
    expect(target.folder.startsWith(`${DROP}/`)).toBe(true);
    expect(target).toEqual({ folder: join(DROP, 'C__Windows_', '.._evil'), name: 'x.txt', root: join(DROP, 'C__Windows_') });
  });

  it('refuses a path deeper than the limit, and never gives "." or ".." as a name', () => {
    expect(() => uploadTarget(DROP, 'x', Array.from({ length: MAX_UPLOAD_PATH_PARTS + 1 }, () => 'd').join('/'))).toThrow(/more than 64 parts/u);
    expect(['.', '..', '', '...'].map(plainName)).toEqual(['upload', 'upload', 'upload', 'upload']);
  });
});
