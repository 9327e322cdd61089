import { decodeWindows1252 } from './windows-1252';

/** Bytes → text, choosing the encoding the way spreadsheets and SIPRI's exports actually write files. */

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: 'empty' | 'binary'; detail: string };

const MAGIC: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x50, 0x4b, 0x03, 0x04], 'a zip archive (or an .xlsx workbook: save it as CSV first)'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel/Office document (save it as CSV first)'],
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** UTF-16 without a BOM shows as a NUL in every other byte of ASCII text. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length - (bytes.length % 2), 512);
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul > pairs * 0.9 && evenNul === 0) return 'utf-16le';
  if (evenNul > pairs * 0.9 && oddNul === 0) return 'utf-16be';
  return null;
}

function hasNul(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

/**
 * Decode a register: a BOM decides; else strict UTF-8; else Latin-1 (SIPRI's own exports, read as
 * windows-1252 like every browser does). Images, archives and other binaries are refused by name.
 */
export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty', detail: 'the file is empty (0 bytes)' };
  for (const [prefix, what] of MAGIC) {
    if (startsWith(bytes, prefix)) return { ok: false, reason: 'binary', detail: `the file is ${what}, not a CSV text file` };
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return decodeAs(bytes.subarray(3), 'utf-8');
  if (startsWith(bytes, [0xff, 0xfe])) return decodeAs(bytes.subarray(2), 'utf-16le');
  if (startsWith(bytes, [0xfe, 0xff])) return decodeAs(bytes.subarray(2), 'utf-16be');
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return decodeAs(bytes, utf16);
  if (hasNul(bytes)) return { ok: false, reason: 'binary', detail: 'the file contains NUL bytes: it is binary, not a CSV text file' };
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return decodeAs(bytes, 'windows-1252');
  }
}

function decodeText(bytes: Uint8Array, encoding: string): string {
  return encoding === 'windows-1252' ? decodeWindows1252(bytes) : new TextDecoder(encoding).decode(bytes);
}

function decodeAs(bytes: Uint8Array, encoding: string): Decoded {
  const text = decodeText(bytes, encoding);
  if (text.trim() === '') return { ok: false, reason: 'empty', detail: 'the file holds only white space' };
  return { ok: true, text, encoding };
}
