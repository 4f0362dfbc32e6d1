import { describe, expect, it } from 'vitest';

import { MEDIA_DATA_SCAN_BYTES, mediaPathFromMediaData } from '../../../../../workers/import/whatsapp-db/media-data-path.ts';
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
