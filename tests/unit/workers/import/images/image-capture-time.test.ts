import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MessageBatch } from '../../../../../shared/contracts/db-worker.ts';
import { MESSAGE_ROW_COLUMNS } from '../../../../../shared/contracts/db-worker.ts';
import type { ImportJob } from '../../../../../shared/contracts/import-worker.ts';
import { unpackRows } from '../../../../../shared/contracts/packed-rows.ts';
import type { ParsedMessage } from '../../../../../shared/contracts/parsed-source.ts';
import type { CallContext } from '../../../../../shared/worker/serve.ts';
import { imageParser } from '../../../../../workers/import/images/image-parser.ts';
import { MAX_WHOLE_IMAGE_READ_BYTES } from '../../../../../workers/import/images/read-metadata.ts';
import { RecordWriter } from '../../../../../workers/import/record-writer.ts';
import { folderFiles } from '../../../../../workers/import/source-files.ts';
import type { ExifTags } from '../../../../support/image-metadata.ts';
import { jpegWithExif, pngChunk, pngText, pngWith, pngXmp, riffChunk, TAG, tiffBlock, webpWith, xmpPacket } from '../../../../support/image-metadata.ts';
import { inputFromBytes, runParser } from '../../../../support/parser-harness.ts';
import { REPO_ROOT } from '../../../../support/temp-case.ts';

async function parseImage(bytes: Uint8Array, displayName = 'IMG_0001.jpg') {
  const input = inputFromBytes(bytes, { displayName, forbidReadAll: true });
  const result = await runParser(imageParser, input);
  expect(result.messages).toHaveLength(1);
  return { ...result, message: result.messages[0]!, streamedChunks: input.streamedChunks() };
}

const PHOTO: ExifTags = {
  ifd0: { [TAG.Make]: { ascii: 'Apple' }, [TAG.Model]: { ascii: 'iPhone 12' }, [TAG.Orientation]: { short: 6 }, [TAG.ModifyDate]: { ascii: '2023:01:16 09:00:00' } },
  exif: {
    [TAG.DateTimeOriginal]: { ascii: '2023:01:15 08:05:27' },
    [TAG.OffsetTimeOriginal]: { ascii: '+02:00' },
    [TAG.ExifImageWidth]: { short: 4032 },
    [TAG.ExifImageHeight]: { short: 3024 },
  },
};

const PHOTO_EXTRA = {
  imageItem: true,
  placeholder: true,
  captureTimeTag: 'DateTimeOriginal',
  captureTimeRaw: '2023:01:15 08:05:27',
  captureTimeOffset: '+02:00',
  imageWidth: 4032,
  imageHeight: 3024,
  orientation: 6,
  cameraMake: 'Apple',
  cameraModel: 'iPhone 12',
};

describe('image items carry the capture time the image states', () => {
  it('takes DateTimeOriginal with OffsetTimeOriginal as an absolute time, and keeps the camera facts', async () => {
    const { message, warnings } = await parseImage(jpegWithExif(tiffBlock(PHOTO)));
    expect(message.time).toEqual({ utcMs: Date.UTC(2023, 0, 15, 6, 5, 27) });
    expect(message.timestampText).toBe('2023:01:15 08:05:27 +02:00');
    expect(message.extra).toEqual(PHOTO_EXTRA);
    expect(warnings).toEqual([]);
  });

  // Regression (41 of 58 real camera JPEGs cut short, rwcarlsen/goexif samples, a tester found):
  // exifr read past the end of the bytes into a later segment and threw, losing an intact EXIF.
  it('reads an intact EXIF before a segment cut short (an ICC profile in APP2) or one reaching past the head', async () => {
    const whole = jpegWithExif(tiffBlock(PHOTO));
    const exifEnd = 2 + 2 + whole.readUInt16BE(4);
    const app2 = Buffer.concat([Buffer.from([0xff, 0xe2, 0x40, 0x00]), Buffer.from('ICC_PROFILE\0', 'latin1'), Buffer.alloc(100, 7)]);
    const cut = Buffer.concat([whole.subarray(0, exifEnd), app2]);
    const { message, warnings } = await parseImage(cut);
    expect(message.time).toEqual({ utcMs: Date.UTC(2023, 0, 15, 6, 5, 27) });
    expect(warnings).toEqual([]);
    // The APP1 alone, ending where the bytes end, reads too.
    expect((await parseImage(whole.subarray(0, exifEnd))).message.time).toEqual({ utcMs: Date.UTC(2023, 0, 15, 6, 5, 27) });
  });

  it('reads the same EXIF from a PNG eXIf chunk', async () => {
    const { message, warnings } = await parseImage(pngWith([pngChunk('eXIf', tiffBlock(PHOTO))]), 'photo.png');
    expect(message.time).toEqual({ utcMs: Date.UTC(2023, 0, 15, 6, 5, 27) });
    expect(message.extra).toEqual(PHOTO_EXTRA);
    expect(warnings).toEqual([]);
  });

  it('reads the EXIF chunk of a WebP (exifr reads no WebP: its TIFF block is handed over)', async () => {
    const webp = webpWith([riffChunk('VP8X', Buffer.alloc(10)), riffChunk('VP8 ', Buffer.alloc(31)), riffChunk('EXIF', tiffBlock(PHOTO))]);
    const { message, warnings } = await parseImage(webp, 'photo.webp');
    expect(message.time).toEqual({ utcMs: Date.UTC(2023, 0, 15, 6, 5, 27) });
    expect(message.extra).toEqual(PHOTO_EXTRA);
    expect(warnings).toEqual([]);
  });

  it('gives a wall time, left to the source zone, when no offset goes with the tag (OffsetTime belongs to ModifyDate, not to DateTimeOriginal)', async () => {
    const tags: ExifTags = { ifd0: { [TAG.ModifyDate]: { ascii: '2023:01:16 09:00:00' } }, exif: { [TAG.DateTimeOriginal]: { ascii: '2023:01:15 08:05:27' }, [TAG.OffsetTime]: { ascii: '+05:00' } } };
    const { message } = await parseImage(jpegWithExif(tiffBlock(tags)));
    expect(message.time).toEqual({ wall: { year: 2023, month: 1, day: 15, hour: 8, minute: 5, second: 27 } });
    expect(message.timestampText).toBe('2023:01:15 08:05:27');
    expect(message.extra).toEqual({ imageItem: true, placeholder: true, captureTimeTag: 'DateTimeOriginal', captureTimeRaw: '2023:01:15 08:05:27' });
  });

  it('falls back to CreateDate (with OffsetTimeDigitized), then to ModifyDate (with OffsetTime), and says which it used', async () => {
    const created = await parseImage(jpegWithExif(tiffBlock({ exif: { [TAG.CreateDate]: { ascii: '2022:12:31 23:59:59' }, [TAG.OffsetTimeDigitized]: { ascii: '-05:00' } } })));
    expect(created.message.time).toEqual({ utcMs: Date.UTC(2023, 0, 1, 4, 59, 59) });
    expect(created.message.timestampText).toBe('2022:12:31 23:59:59 -05:00');
    expect(created.message.extra).toMatchObject({ captureTimeTag: 'CreateDate', captureTimeOffset: '-05:00' });

    const modified = await parseImage(jpegWithExif(tiffBlock({ ifd0: { [TAG.ModifyDate]: { ascii: '2021:06:01 12:00:00' } } })));
    expect(modified.message.time).toEqual({ wall: { year: 2021, month: 6, day: 1, hour: 12, minute: 0, second: 0 } });
    expect(modified.message.extra).toMatchObject({ captureTimeTag: 'ModifyDate', captureTimeRaw: '2021:06:01 12:00:00' });
  });

  it('passes over a DateTimeOriginal the camera left blank ("unknown" in EXIF) to the next tag', async () => {
    const tags: ExifTags = { exif: { [TAG.DateTimeOriginal]: { ascii: '0000:00:00 00:00:00' }, [TAG.CreateDate]: { ascii: '2023:01:15 08:05:27' } } };
    const { message, warnings } = await parseImage(jpegWithExif(tiffBlock(tags)));
    expect(message.extra).toMatchObject({ captureTimeTag: 'CreateDate' });
    expect(warnings).toEqual([]);
  });

  it('reads a PNG screenshot\'s XMP DateCreated and tEXt "Creation Time"', async () => {
    const xmp = await parseImage(pngWith([pngXmp(xmpPacket('photoshop:DateCreated', '2023-01-15T08:05:27+02:00'))]), 'Screenshot.png');
    expect(xmp.message.time).toEqual({ utcMs: Date.UTC(2023, 0, 15, 6, 5, 27) });
    expect(xmp.message.timestampText).toBe('2023-01-15T08:05:27+02:00');
    expect(xmp.message.extra).toEqual({ imageItem: true, placeholder: true, captureTimeTag: 'XMP photoshop:DateCreated', captureTimeRaw: '2023-01-15T08:05:27+02:00', captureTimeOffset: '+02:00' });

    const text = await parseImage(pngWith([pngText('Creation Time', '2023:01:15 08:05:27')]), 'Screenshot.png');
    expect(text.message.time).toEqual({ wall: { year: 2023, month: 1, day: 15, hour: 8, minute: 5, second: 27 } });
    expect(text.message.extra).toMatchObject({ captureTimeTag: 'PNG tEXt Creation Time', captureTimeRaw: '2023:01:15 08:05:27' });
  });

  it('leaves the time null, without a warning, for a PNG with no metadata', async () => {
    const { message, warnings } = await parseImage(pngWith(), 'Screenshot_20230115-080527.png');
    expect(message.time).toBeNull();
    expect(message.timestampText).toBe('');
    expect(message.extra).toEqual({ imageItem: true, placeholder: true });
    expect(warnings).toEqual([]);
  });

  it('warns, and keeps the time null, when a date is written in a way it does not read', async () => {
    const { message, warnings } = await parseImage(jpegWithExif(tiffBlock({ exif: { [TAG.DateTimeOriginal]: { ascii: 'yesterday' } } })));
    expect(message.time).toBeNull();
    expect(message.extra).toMatchObject({ captureTimeTag: 'DateTimeOriginal', captureTimeRaw: 'yesterday' });
    expect(warnings).toEqual([{ place: 'IMG_0001.jpg', message: expect.stringContaining('"yesterday"') as unknown as string }]);
  });

  it('passes over a date it cannot read to the next tag that has one, and says so', async () => {
    const tags: ExifTags = { exif: { [TAG.DateTimeOriginal]: { ascii: 'yesterday' }, [TAG.CreateDate]: { ascii: '2023:01:15 08:05:27' } } };
    const { message, warnings } = await parseImage(jpegWithExif(tiffBlock(tags)));
    expect(message.time).toEqual({ wall: { year: 2023, month: 1, day: 15, hour: 8, minute: 5, second: 27 } });
    expect(message.timestampText).toBe('2023:01:15 08:05:27');
    expect(message.extra).toMatchObject({ captureTimeTag: 'CreateDate', captureTimeRaw: '2023:01:15 08:05:27', unreadableTimes: { DateTimeOriginal: 'yesterday' } });
    expect(warnings.map((warning) => warning.message)).toEqual([expect.stringMatching(/DateTimeOriginal "yesterday" is not a date .*taken from CreateDate/u)]);
  });

  it('takes the time as wall-clock, and warns, when its offset tag holds no offset', async () => {
    const tags: ExifTags = { exif: { [TAG.DateTimeOriginal]: { ascii: '2023:01:15 08:05:27' }, [TAG.OffsetTimeOriginal]: { ascii: 'bogus' } } };
    const { message, warnings } = await parseImage(jpegWithExif(tiffBlock(tags)));
    expect(message.time).toEqual({ wall: { year: 2023, month: 1, day: 15, hour: 8, minute: 5, second: 27 } });
    expect(message.timestampText).toBe('2023:01:15 08:05:27');
    expect(message.extra).toMatchObject({ captureTimeOffset: 'bogus' });
    expect(warnings.map((warning) => warning.message)).toEqual([expect.stringMatching(/OffsetTimeOriginal "bogus" is not a UTC offset/u)]);
  });

  it('gives the same result whatever the zone the machine runs in, and uses no local-time Date API', async () => {
    const previous = process.env['TZ'];
    const results: unknown[] = [];
    try {
      for (const zone of ['America/New_York', 'Asia/Tokyo']) {
        process.env['TZ'] = zone;
        const withOffset = await parseImage(jpegWithExif(tiffBlock(PHOTO)));
        const wall = await parseImage(jpegWithExif(tiffBlock({ exif: { [TAG.DateTimeOriginal]: { ascii: '2023:07:15 08:05:27' } } })));
        const xmp = await parseImage(pngWith([pngXmp(xmpPacket('xmp:CreateDate', '2023-07-15T08:05:27Z'))]), 'a.png');
        results.push([withOffset.message, wall.message, xmp.message]);
      }
    } finally {
      if (previous === undefined) delete process.env['TZ'];
      else process.env['TZ'] = previous;
    }
    expect(results[0]).toEqual(results[1]);
    const [withOffset, wall, xmp] = results[0] as { time: unknown }[];
    expect(withOffset?.time).toEqual({ utcMs: Date.UTC(2023, 0, 15, 6, 5, 27) });
    expect(wall?.time).toEqual({ wall: { year: 2023, month: 7, day: 15, hour: 8, minute: 5, second: 27 } });
    expect(xmp?.time).toEqual({ utcMs: Date.UTC(2023, 6, 15, 8, 5, 27) });
    for (const file of ['image-parser.ts', 'capture-time.ts', 'read-metadata.ts']) {
      const source = readFileSync(join(REPO_ROOT, 'workers', 'import', 'images', file), 'utf8');
      expect(source).not.toMatch(/new Date\(|Date\.parse|\.get(?:FullYear|Month|Date|Day|Hours|Minutes|Seconds)\(|getTimezoneOffset|toLocale|reviveValues: true/u);
    }
  });
});

/** The timestamp the record writer stores for a message of a source declared in `timeZone` (as record-writer-times.test.ts does). */
async function storedTimestamp(message: ParsedMessage, timeZone: string): Promise<unknown> {
  let stored: unknown;
  const db = {
    call: async (method: string, params: { batch?: MessageBatch }) => {
      if (method !== 'insertMessages' || params.batch === undefined) return null;
      const rows = unpackRows(params.batch.rows);
      stored = rows[0]?.[MESSAGE_ROW_COLUMNS.indexOf('timestamp')];
      return { rowids: rows.map((_row, index) => index + 1) };
    },
  };
  const job = { source: { id: 'src-1', sha256: 'c'.repeat(64), timeZone }, path: '/e/IMG_0001.jpg', casePath: '/tmp/case', format: 'image' } as unknown as ImportJob;
  const context = { throwIfCancelled: () => undefined, progress: () => undefined } as unknown as CallContext;
  const writer = new RecordWriter(job, { db: db as never, index: [] }, context, folderFiles('/e/IMG_0001.jpg'));
  // The attachment is left out: only the time is under test, and there is no file at /e.
  await writer.message({ ...message, attachments: [] });
  await writer.flush();
  return stored;
}

describe('image capture times in the case', () => {
  it('resolves a time without offset in the zone declared for the source, and keeps an offset time as stated', async () => {
    const wall = await parseImage(jpegWithExif(tiffBlock({ exif: { [TAG.DateTimeOriginal]: { ascii: '2023:07:15 08:05:27' } } })));
    expect(await storedTimestamp(wall.message, 'Europe/Bucharest')).toBe('2023-07-15T05:05:27.000Z');
    expect(await storedTimestamp(wall.message, 'America/Sao_Paulo')).toBe('2023-07-15T11:05:27.000Z');
    const withOffset = await parseImage(jpegWithExif(tiffBlock(PHOTO)));
    expect(await storedTimestamp(withOffset.message, 'America/Sao_Paulo')).toBe('2023-01-15T06:05:27.000Z');
  });
});

describe('image items from damaged or hostile images', () => {
  it('keeps the item, with a warning naming the file, when the EXIF block is cut short', async () => {
    const tiff = tiffBlock(PHOTO);
    const { message, warnings } = await parseImage(jpegWithExif(tiff.subarray(0, 20)));
    expect(message.time).toBeNull();
    expect(message.attachments).toHaveLength(1);
    expect(message.extra).toEqual({ imageItem: true, placeholder: true });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.place).toBe('IMG_0001.jpg');
    expect(warnings[0]?.message).toMatch(/metadata.*could not be read.*kept without a capture time/u);
  });

  it('keeps the item, with a warning, when an IFD claims 65,535 entries', async () => {
    const absurd = Buffer.from([0x49, 0x49, 0x2a, 0x00, 0x08, 0x00, 0x00, 0x00, 0xff, 0xff, 0x00, 0x00]);
    const { message, warnings } = await parseImage(jpegWithExif(absurd));
    expect(message.time).toBeNull();
    expect(warnings).toHaveLength(1);
  });

  it('keeps the item, with a warning, when nothing follows the image signature', async () => {
    const { message, warnings } = await parseImage(Uint8Array.from([0xff, 0xd8, 0xff]));
    expect(message.time).toBeNull();
    expect(warnings).toEqual([{ place: 'IMG_0001.jpg', message: expect.stringMatching(/only 3 bytes/u) as unknown as string }]);
  });

  it('does not hang on a HEIC whose boxes have length 0, and warns', async () => {
    const ftyp = Buffer.concat([Buffer.from([0, 0, 0, 24]), Buffer.from('ftypheic\0\0\0\0mif1heic', 'latin1')]);
    const zeroBox = Buffer.concat([Buffer.from([0, 0, 0, 0]), Buffer.from('free', 'latin1'), Buffer.alloc(64)]);
    const { message, warnings } = await parseImage(Buffer.concat([ftyp, zeroBox]), 'IMG_0002.HEIC');
    expect(message.time).toBeNull();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toMatch(/HEIC/u);
  });

  it('reads only the head of a large image, never the whole file', async () => {
    const bigScan = jpegWithExif(tiffBlock(PHOTO), 4 * 1024 * 1024);
    const { message, streamedChunks } = await parseImage(bigScan);
    expect(message.time).toEqual({ utcMs: Date.UTC(2023, 0, 15, 6, 5, 27) });
    expect(streamedChunks).toBeLessThanOrEqual(4);
  });

  it('does not warn about a large PNG whose head ends inside a chunk header', async () => {
    // Signature 8 + IHDR 25 + tEXt 45 + IDAT 12 + its data: the second IDAT's header starts 3 bytes before the 256 KiB head ends.
    const firstData = 256 * 1024 - (8 + 25 + 45 + 12) - 3;
    const png = pngWith([pngText('Creation Time', '2023:01:15 08:05:27'), pngChunk('IDAT', Buffer.alloc(firstData)), pngChunk('IDAT', Buffer.alloc(1024))]);
    const { message, warnings } = await parseImage(png, 'big.png');
    expect(message.extra).toMatchObject({ captureTimeTag: 'PNG tEXt Creation Time' });
    expect(warnings).toEqual([]);
  });

  describe('metadata written after the pixels of a large image', () => {
    const LARGE = 1024 * 1024;
    it('reads the EXIF chunk of a WebP, which the container puts after the image data', async () => {
      const webp = webpWith([riffChunk('VP8X', Buffer.alloc(10)), riffChunk('VP8 ', Buffer.alloc(LARGE)), riffChunk('EXIF', tiffBlock(PHOTO))]);
      const { message, warnings } = await parseImage(webp, 'photo.webp');
      expect(message.time).toEqual({ utcMs: Date.UTC(2023, 0, 15, 6, 5, 27) });
      expect(warnings).toEqual([]);
    });

    it('reads a PNG text chunk written after IDAT', async () => {
      // A second IDAT stands in for the pixels of a large image; the text chunk follows them.
      const png = pngWith([], [pngChunk('IDAT', Buffer.alloc(LARGE)), pngText('Creation Time', '2023:01:15 08:05:27')]);
      const { message, warnings } = await parseImage(png, 'big.png');
      expect(message.extra).toMatchObject({ captureTimeTag: 'PNG tEXt Creation Time', captureTimeRaw: '2023:01:15 08:05:27' });
      expect(warnings).toEqual([]);
    });

    it('reads a TIFF whose directories follow its pixels (as libtiff writes them)', async () => {
      const { message, warnings } = await parseImage(tiffBlock(PHOTO, LARGE), 'scan.tif');
      expect(message.time).toEqual({ utcMs: Date.UTC(2023, 0, 15, 6, 5, 27) });
      expect(warnings).toEqual([]);
    });

    it('says so when an image too large to read whole states no capture time in its head', async () => {
      const huge = webpWith([riffChunk('VP8X', Buffer.alloc(10)), riffChunk('VP8 ', Buffer.alloc(MAX_WHOLE_IMAGE_READ_BYTES)), riffChunk('EXIF', tiffBlock(PHOTO))]);
      const { message, warnings } = await parseImage(huge, 'huge.webp');
      expect(message.time).toBeNull();
      expect(warnings).toEqual([{ place: 'huge.webp', message: expect.stringMatching(/first 262144 bytes.*metadata written after/u) as unknown as string }]);
    });
  });
});
