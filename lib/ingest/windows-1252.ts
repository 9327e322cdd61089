/**
 * Windows-1252 ("ANSI", what SIPRI's exports and Excel on Windows write) → text.
 *
 * Why not `new TextDecoder('windows-1252')`: Node 20's decoder takes a Latin-1 fast path for that
 * label, so the 27 printable characters Windows-1252 puts at 0x80–0x9F (€ ‚ „ … ‘ ’ “ ” – — ™ …)
 * come out as invisible C1 control codes. It is also ~3× slower than a plain Latin-1 copy.
 * So: copy the bytes as Latin-1, then replace the few C1 positions, when there are any.
 */

// Code points of bytes 0x80–0x9F. The five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F,
// 0x90, 0x9D) keep their Latin-1 code points, as the WHATWG Encoding Standard does.
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f, 0x90, 0x2018, 0x2019,
  0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
].map((code) => String.fromCharCode(code));

const C1 = /[\x80-\x9f]/g;

/** Node's Buffer copies Latin-1 bytes into a one-byte string in one native call; elsewhere, chunks. */
function latin1(bytes: Uint8Array): string {
  if (typeof Buffer !== 'undefined') return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) text += String.fromCharCode.apply(null, Array.from(bytes.subarray(i, i + 8192)));
  return text;
}

export function decodeWindows1252(bytes: Uint8Array): string {
  const text = latin1(bytes);
  C1.lastIndex = 0;
  return C1.test(text) ? text.replace(C1, (ch) => HIGH[ch.charCodeAt(0) - 0x80]) : text;
}
