/**
 * A stand-in for a legacy `thumb_image`: the shape of a Java-serialized com.whatsapp.MediaData
 * (stream magic, class descriptor, fields) with the file path as a serialized string, written
 * from the Java Object Serialization Specification, section 6.4 (TC_STRING = 0x74, 2-byte length).
 */

const STREAM_HEADER = [0xac, 0xed, 0x00, 0x05];
const TC_OBJECT_CLASSDESC = [0x73, 0x72];

export function javaString(text: string): Uint8Array {
  const bytes = new TextEncoder().encode(text);
  return Uint8Array.from([0x74, bytes.length >> 8, bytes.length & 0xff, ...bytes]);
}

/** A MediaData-like blob naming `path` as its file, with noise around it (a 0x74 byte that is not a string). */
export function mediaDataBlob(path: string): Uint8Array {
  const className = new TextEncoder().encode('com.whatsapp.MediaData');
  return Uint8Array.from([
    ...STREAM_HEADER, ...TC_OBJECT_CLASSDESC, 0x00, className.length, ...className,
    0x74, 0xff, 0xff, 0x01, 0x02, // a stray 0x74 with a length past the end
    ...javaString('java.io.File'),
    ...javaString(path),
    0x78, 0x70,
  ]);
}

export function hex(bytes: Uint8Array): string {
  return [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}
