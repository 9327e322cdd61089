import assert from 'node:assert/strict';
import { test } from 'node:test';
import { colourMap, FIXED_COLOURS, OTHER_COLOR, pageColours, PALETTE_SIZE } from './colors';
import { OTHER } from './terms';

const preferred = ['United States', 'Soviet Union', 'France', 'China', 'United Kingdom'];

test('a preferred key has the colour of its place, whatever else is shown and in whatever order', () => {
  const a = colourMap(['China', 'France', 'North Korea', OTHER], preferred);
  const b = colourMap(['Brazil', 'France', 'Syria', 'China', 'Soviet Union'], preferred);
  assert.equal(a.China, b.China);
  assert.equal(a.France, b.France);
  assert.equal(a[OTHER], OTHER_COLOR);
  assert.equal(colourMap(['Soviet Union'], preferred)['Soviet Union'], b['Soviet Union']);
});

test('keys outside the preferred order take free colours: every key distinct up to the palette size', () => {
  const keys = Array.from({ length: PALETTE_SIZE }, (_, i) => (i % 3 === 0 ? (preferred[i / 3] ?? `Country ${i}`) : `Country ${i}`));
  const colours = colourMap(keys, preferred);
  assert.equal(new Set(Object.values(colours)).size, keys.length);
  // Past the palette, colours repeat rather than run out.
  const many = colourMap(
    Array.from({ length: PALETTE_SIZE + 3 }, (_, i) => `C${i}`),
    preferred,
  );
  assert.ok(Object.values(many).every((c) => c.startsWith('#')));
});

test('without a preferred order, keys take the palette in the order given', () => {
  const colours = colourMap(['A', OTHER, 'B']);
  assert.notEqual(colours.A, colours.B);
  assert.equal(colours[OTHER], OTHER_COLOR);
  assert.deepEqual(colourMap(['A', 'B']), { A: colours.A, B: colours.B });
});

test('ten keys show ten distinct hues of the first ten, the preferred ones in their places', () => {
  const ranked = Array.from({ length: 15 }, (_, i) => `Big ${i}`);
  const keys = ['Big 7', 'Small A', 'Big 2', 'Small B', 'Big 12', 'Small C', 'Small D', 'Small E', 'Small F', 'Small G'];
  const colours = colourMap(keys, ranked);
  const first = new Set(Object.values(colourMap(Array.from({ length: FIXED_COLOURS }, (_, i) => `K${i}`))));
  assert.ok(
    Object.values(colours).every((c) => first.has(c)),
    'no lighter twin while a hue is free',
  );
  assert.equal(new Set(Object.values(colours)).size, keys.length);
  assert.equal(colours['Big 7'], colourMap(['Big 7'], ranked)['Big 7']);
});

test('a key’s colour depends on which keys are shown, not on their order', () => {
  const ranked = Array.from({ length: 30 }, (_, i) => `R${i}`);
  const keys = ['R25', 'Z', 'R12', 'R3', 'R17'];
  assert.deepEqual(colourMap(keys, ranked), colourMap([...keys].reverse(), ranked));
});

test('a page of two charts: a key of both has one colour; a lighter twin goes where its hue is not', () => {
  const ranked = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J'];
  const left = ['A', 'B', 'C', 'D', 'E', 'L1', 'L2', 'L3', 'L4', 'L5'];
  const right = ['A', 'F', 'G', 'H', 'I', 'J', 'R1', 'R2', 'R3', 'R4'];
  const colours = pageColours([left, right], ranked);
  assert.equal(colours.A, colourMap(['A'], ranked).A);
  for (const chart of [left, right]) assert.equal(new Set(chart.map((k) => colours[k])).size, chart.length, 'distinct in each chart');
  // The palette in order, and which key holds each colour.
  const palette = Object.values(colourMap(Array.from({ length: PALETTE_SIZE }, (_, i) => `k${i}`)));
  const holderOf = (slot: number) => Object.keys(colours).find((k) => colours[k] === palette[slot]);
  for (const [chart, own] of [
    [left, 'L'],
    [right, 'R'],
  ] as const)
    for (const k of chart.filter((c) => c.startsWith(own))) {
      const slot = palette.indexOf(colours[k]);
      assert.ok(slot >= FIXED_COLOURS, `${k} takes a twin: the ten hues are held`);
      assert.ok(!chart.includes(holderOf(slot - FIXED_COLOURS)!), `${k}'s twin hue is not in its chart`);
    }
});
