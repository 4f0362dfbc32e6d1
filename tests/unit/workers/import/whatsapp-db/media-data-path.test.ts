import { describe, expect, it } from 'vitest';

import { MEDIA_DATA_SCAN_BYTES, mediaPathFromMediaData, placedIosMediaPath, placedMediaPath } from '../../../../../workers/import/whatsapp-db/media-data-path.ts';
import { javaString, mediaDataBlob } from '../../../../support/media-data-blob.ts';

describe('mediaPathFromMediaData (legacy thumb_image)', () => {
  it('finds an absolute phone path among the serialized strings and makes it relative from Media/', () => {
    const blob = mediaDataBlob('/storage/emulated/0/WhatsApp/Media/WhatsApp Images/IMG-20190101-WA0001.jpg');
    expect(mediaPathFromMediaData(blob)).toEqual({
      path: 'Media/WhatsApp Images/IMG-20190101-WA0001.jpg',
      found: '/storage/emulated/0/WhatsApp/Media/WhatsApp Images/IMG-20190101-WA0001.jpg',
    });
  });

  it('keeps a relative path (and a Sent subfolder) as it is', () => {
    const blob = mediaDataBlob('Media/WhatsApp Video/Sent/VID-20190101-WA0002.mp4');
    expect(mediaPathFromMediaData(blob)).toMatchObject({ path: 'Media/WhatsApp Video/Sent/VID-20190101-WA0002.mp4' });
  });

  it('skips serialized strings that are not media paths', () => {
    const blob = Uint8Array.from([...javaString('com.whatsapp.MediaData'), ...javaString('/storage/emulated/0/Download/x.jpg'), ...javaString('Media/WhatsApp Audio/AUD-1.opus')]);
    expect(mediaPathFromMediaData(blob)).toMatchObject({ path: 'Media/WhatsApp Audio/AUD-1.opus' });
  });

  it('refuses a path that climbs out of its folder', () => {
    const result = mediaPathFromMediaData(mediaDataBlob('Media/WhatsApp Images/../../../etc/passwd'));
    expect(result).toMatchObject({ path: null, reason: 'no WhatsApp media path in thumb_image' });
  });

  it('says why when there is nothing: no blob, garbage, a string length running past the end', () => {
    expect(mediaPathFromMediaData(null)).toMatchObject({ path: null, reason: expect.stringContaining('no thumb_image') });
    const garbage = Uint8Array.from({ length: 5000 }, (_, index) => (index * 37 + 0x74) % 256);
    expect(mediaPathFromMediaData(garbage)).toMatchObject({ path: null });
    const cut = javaString('Media/WhatsApp Images/IMG-1.jpg').subarray(0, 12);
    expect(mediaPathFromMediaData(cut)).toMatchObject({ path: null });
  });

  it('scans only the first MEDIA_DATA_SCAN_BYTES and says so', () => {
    const late = new Uint8Array(MEDIA_DATA_SCAN_BYTES + 100);
    late.set(javaString('Media/WhatsApp Images/IMG-late.jpg'), MEDIA_DATA_SCAN_BYTES + 1);
    expect(mediaPathFromMediaData(late)).toEqual({ path: null, reason: `no WhatsApp media path in the first ${MEDIA_DATA_SCAN_BYTES} bytes of thumb_image` });
  });

  it('reads a thumb_image stored as plain text', () => {
    expect(mediaPathFromMediaData('Media/WhatsApp Documents/contract.pdf')).toMatchObject({ path: 'Media/WhatsApp Documents/contract.pdf' });
    expect(mediaPathFromMediaData('hello')).toMatchObject({ path: null });
  });
});

describe('placedMediaPath (Android) and placedIosMediaPath', () => {
  it('maps paths relative to the app root and absolute phone paths to Media/…, and ../Media/… from a Databases folder', () => {
    const absolute = ['/storage/emulated/0/WhatsApp/Media/WhatsApp Images/a.jpg', '/storage/emulated/0/Android/media/com.whatsapp/WhatsApp/Media/WhatsApp Images/a.jpg', '/sdcard/WhatsApp/Media/WhatsApp Images/a.jpg'];
    for (const path of [...absolute, 'Media/WhatsApp Images/a.jpg']) {
      expect(placedMediaPath(path, false), path).toBe('Media/WhatsApp Images/a.jpg');
      expect(placedMediaPath(path, true), path).toBe('../Media/WhatsApp Images/a.jpg');
    }
    expect(placedMediaPath('/storage/emulated/0/Android/media/com.whatsapp.w4b/WhatsApp Business/Media/WhatsApp Business Images/b.jpg', true)).toBe('../Media/WhatsApp Business Images/b.jpg');
    expect(placedMediaPath('C:\\copy\\WhatsApp\\Media\\WhatsApp Audio\\c.opus', false)).toBe('Media/WhatsApp Audio/c.opus');
  });

  it('leaves other paths, and any path with .., as written', () => {
    expect(placedMediaPath('/data/data/com.whatsapp/files/x.jpg', true)).toBe('/data/data/com.whatsapp/files/x.jpg');
    expect(placedMediaPath('Media/../../secret.jpg', true)).toBe('Media/../../secret.jpg');
    expect(placedMediaPath('/storage/emulated/0/WhatsApp/Media/../../x', true)).toBe('/storage/emulated/0/WhatsApp/Media/../../x');
  });

  it('puts iOS media under Message/ of the app group folder', () => {
    expect(placedIosMediaPath('Media/4915100000001@s.whatsapp.net/a/b/c.jpg')).toBe('Message/Media/4915100000001@s.whatsapp.net/a/b/c.jpg');
    expect(placedIosMediaPath('/private/var/mobile/Containers/Shared/AppGroup/ABC/Message/Media/x@g.us/1/2/v.mp4')).toBe('Message/Media/x@g.us/1/2/v.mp4');
    expect(placedIosMediaPath('Media/../../ChatStorage.sqlite')).toBe('Media/../../ChatStorage.sqlite');
    expect(placedIosMediaPath('elsewhere/x.jpg')).toBe('elsewhere/x.jpg');
  });
});
