import { crc32, deflateRawSync } from 'node:zlib';

/**
 * A minimal zip writer for tests (no zip library ships with the app): stored or deflated
 * entries, names written exactly as given (so tests can build hostile archives), and an
 * optional lie about an entry's uncompressed size.
 */
export interface TestZipEntry {
  name: string;
  data: Uint8Array | string;
  deflate?: boolean;
  declaredSize?: number;
  /** Unix file mode (e.g. 0o120777 for a symbolic link): written as a Unix "made by" with external attributes. */
  unixMode?: number;
  /** Raw deflate bytes made elsewhere (a streamed bomb), with the CRC-32 and size of what they inflate to; `data` is ignored. */
  precompressed?: { body: Uint8Array; crc: number; size: number };
}

export function buildZip(entries: TestZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const raw = entry.precompressed !== undefined ? Buffer.alloc(0) : typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data);
    const body = entry.precompressed !== undefined ? Buffer.from(entry.precompressed.body) : entry.deflate === true ? deflateRawSync(raw) : raw;
    const name = Buffer.from(entry.name, 'utf8');
    const checksum = entry.precompressed?.crc ?? crc32(raw);
    const size = entry.declaredSize ?? entry.precompressed?.size ?? raw.byteLength;
    const method = entry.deflate === true || entry.precompressed !== undefined ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(checksum, 14);
    local.writeUInt32LE(body.byteLength, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.byteLength, 26);
    locals.push(local, name, body);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(entry.unixMode === undefined ? 20 : (3 << 8) | 20, 4); // made by: Unix when a mode is given
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(checksum, 16);
    central.writeUInt32LE(body.byteLength, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.byteLength, 28);
    if (entry.unixMode !== undefined) central.writeUInt32LE((entry.unixMode << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.byteLength + name.byteLength + body.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
