/**
 * Mutations of real registers for property-based fuzzing: the damage real files suffer (truncated
 * downloads, spreadsheet re-saves, wrong encodings) and hostile inputs. Pure: bytes in, bytes out.
 */
import fc from 'fast-check';

const enc = new TextEncoder();
const dec = (b: Uint8Array) => new TextDecoder('latin1').decode(b);
const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

function lines(bytes: Uint8Array): string[] {
  return dec(bytes).split('\n');
}
function join(ls: string[]): Uint8Array {
  return latin1(ls.join('\n'));
}

const WEIRD_NUMBERS = ['1e309', '-0', 'NaN', '(12)', '12?', '0', '99999', '1982-1979', '', ' ', '-5', '0x10', '1,2', '∞', '१२'];

export type Mutation = (bytes: Uint8Array) => Uint8Array;

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc
    .record({ at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }), count: fc.integer({ min: 1, max: 20 }) })
    .map(({ at, bit, count }) => (b: Uint8Array) => {
      const out = b.slice();
      for (let i = 0; i < count && out.length; i++) out[(at + i * 997) % out.length] ^= 1 << bit;
      return out;
    }),
  fc.nat().map((at) => (b: Uint8Array) => b.slice(0, b.length ? at % (b.length + 1) : 0)),
  fc.record({ at: fc.nat(), times: fc.integer({ min: 1, max: 5 }) }).map(({ at, times }) => (b: Uint8Array) => {
    const ls = lines(b);
    const i = at % ls.length;
    return join([...ls.slice(0, i), ...Array(times).fill(ls[i]), ...ls.slice(i + 1)]);
  }),
  fc.nat().map((at) => (b: Uint8Array) => {
    const ls = lines(b);
    ls.splice(at % ls.length, 1);
    return join(ls);
  }),
  fc.nat().map((seed) => (b: Uint8Array) => {
    // Shuffle the columns of every line the same way (the header moves with its data).
    const ls = lines(b).map((l) => l.split(','));
    const width = ls.reduce((m, c) => Math.max(m, c.length), 0);
    // A file with no line breaks left is one huge "row": padding every line to it would not fit in memory.
    if (width > 64) return b;
    const order = Array.from({ length: width }, (_, i) => i).sort((x, y) => ((x * 7919 + seed) % 97) - ((y * 7919 + seed) % 97));
    return join(ls.map((c) => order.map((i) => c[i] ?? '').join(',')));
  }),
  fc
    .record({
      at: fc.nat(),
      name: fc.constantFrom('Recipient', 'Supplier', 'Year(s) of delivery', 'Weapon designation', 'recipient', 'TIV', '"Supplier"', ''),
    })
    .map(({ at, name }) => (b: Uint8Array) => {
      const ls = lines(b);
      const h = ls.findIndex((l) => /recipient/i.test(l));
      if (h < 0) return b;
      const cells = ls[h].split(',');
      cells[at % cells.length] = name;
      ls[h] = cells.join(',');
      return join(ls);
    }),
  fc.constantFrom<Mutation>(
    (b) => new Uint8Array([0xef, 0xbb, 0xbf, ...b]),
    (b) => new Uint8Array([0xff, 0xfe, ...b]),
    (b) => enc.encode(dec(b)),
    (b) => latin1(dec(b).replace(/\n/g, '\r\n')),
    (b) => latin1(dec(b).replace(/\n/g, '\r')),
    (b) => latin1(dec(b).replace(/\n/g, (m, i: number) => (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\r' : m))),
    (b) => latin1(dec(b).replace(/,/, ',"')),
    (b) => latin1(`${dec(b)}\n"unclosed,${'x'.repeat(100)}`),
    (b) => latin1(dec(b).replace(/,([^,\n]*),/, `,${'A'.repeat(1 << 20)},`)),
    (b) => latin1(`${dec(b)}${'\n'.repeat(100_000)}`),
    (b) => latin1(`${'\n'.repeat(60)}${dec(b)}`),
    (b) => latin1(dec(b).replace(/;/g, ',')),
    (b) => new Uint8Array(Array.from(b).flatMap((x) => [x, 0])),
  ),
  fc.record({ at: fc.nat(), value: fc.constantFrom(...WEIRD_NUMBERS) }).map(({ at, value }) => (b: Uint8Array) => {
    const ls = lines(b);
    const i = Math.min(ls.length - 1, 1 + (at % Math.max(1, ls.length - 1)));
    const cells = ls[i].split(',');
    cells[(at >> 3) % cells.length] = value;
    ls[i] = cells.join(',');
    return join(ls);
  }),
);

/** One to four mutations applied in turn. */
export const mutations = fc.array(mutation, { minLength: 1, maxLength: 4 });

export function applyAll(bytes: Uint8Array, ms: Mutation[]): Uint8Array {
  return ms.reduce((b, m) => m(b), bytes);
}

/** Physical lines of a file as the ingest counts them (CR LF, CR and LF all end a line). */
export function physicalLines(bytes: Uint8Array): number {
  const text = dec(bytes);
  return (text.match(/\r\n|\r|\n/g) ?? []).length + 1;
}
