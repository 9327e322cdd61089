import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeWindows1252 } from './windows-1252';

// "€ 5 “Bü-181” – Türkiye…" as Excel on Windows saves it.
const BYTES = Uint8Array.from([
  0x80, 0x20, 0x35, 0x20, 0x93, 0x42, 0xfc, 0x2d, 0x31, 0x38, 0x31, 0x94, 0x20, 0x96, 0x20, 0x54, 0xfc, 0x72, 0x6b, 0x69, 0x79, 0x65, 0x85,
]);
const TEXT = '€ 5 “Bü-181” – Türkiye…';

test('windows-1252: bytes 0x80–0x9F are the printable characters Windows puts there, not C1 controls', () => {
  assert.equal(decodeWindows1252(BYTES), TEXT);
  // Every byte, against the WHATWG table (bytes 0x80–0x9F spelled out; the rest are Latin-1).
  const all = Uint8Array.from({ length: 256 }, (_, i) => i);
  const decoded = decodeWindows1252(all);
  assert.equal(decoded.length, 256);
  assert.equal(decoded.slice(0, 0x80), String.fromCharCode(...all.subarray(0, 0x80)));
  assert.equal(decoded.slice(0xa0), String.fromCharCode(...all.subarray(0xa0)));
  assert.equal(decoded.slice(0x80, 0xa0), '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
});

test('windows-1252: a view into a larger buffer decodes only its own bytes', () => {
  const larger = new Uint8Array(BYTES.length + 8).fill(0x41);
  larger.set(BYTES, 4);
  assert.equal(decodeWindows1252(larger.subarray(4, 4 + BYTES.length)), TEXT);
});

test("windows-1252: the same text without Node's Buffer (the fallback a browser would take)", () => {
  const saved = globalThis.Buffer;
  try {
    // @ts-expect-error -- removed for this test only, to take the portable path
    delete globalThis.Buffer;
    assert.equal(decodeWindows1252(BYTES), TEXT);
    const long = new Uint8Array(20_000).map((_, i) => 0x41 + (i % 26));
    assert.equal(decodeWindows1252(long), String.fromCharCode(...long));
  } finally {
    globalThis.Buffer = saved;
  }
});
