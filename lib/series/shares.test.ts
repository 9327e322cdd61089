import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  drawnShares,
  estimatesOf,
  firmShare,
  NO_SHARES,
  packShares,
  sharesClause,
  sharesOf,
  sharesSentence,
  unpackShares,
  weightedShares,
} from './shares';

const s = { estimated: 0.6, spread: 0.5, spreadFirm: 0.3 };

test('shares are fractions of the value; an unknown or zero value has none', () => {
  assert.deepEqual(sharesOf({ value: 10, estimated: 6, spread: 5, spreadFirm: 3 }), s);
  assert.deepEqual(sharesOf({ value: 0, estimated: 0, spread: 0, spreadFirm: 0 }), NO_SHARES);
  assert.deepEqual(sharesOf({ value: NaN, estimated: 1, spread: 0, spreadFirm: 0 }), NO_SHARES);
  assert.equal(sharesOf({ value: 1, estimated: 1 + 1e-12, spread: 0, spreadFirm: 0 }).estimated, 1, 'rounding never passes 1');
  assert.ok(Math.abs(firmShare(s) - 0.1) < 1e-12, 'firm: neither estimated nor spread-firm');
});

test('packed in thousandths for the browser and back', () => {
  assert.deepEqual(packShares(s), [600, 500, 300]);
  assert.deepEqual(unpackShares(600, 500, 300), s);
  assert.equal(unpackShares(0, 0, 0), NO_SHARES);
});

test('each mode draws its own parts: mark both, include none, exclude the spread', () => {
  assert.deepEqual(drawnShares(s, 'mark'), { estimated: 0.6, spread: 0.3 }, 'the dotted part leaves out what is hatched');
  assert.deepEqual(drawnShares(s, 'include'), { estimated: 0, spread: 0 });
  assert.deepEqual(drawnShares(s, 'exclude'), { estimated: 0, spread: 0.5 });
});

test('weighted by value: a node of its links, a merged link of its parts', () => {
  const w = weightedShares([
    { value: 3, shares: { estimated: 1, spread: 0, spreadFirm: 0 } },
    { value: 1, shares: NO_SHARES },
  ]);
  assert.deepEqual(w, { estimated: 0.75, spread: 0, spreadFirm: 0 });
  assert.deepEqual(weightedShares([]), NO_SHARES);
});

test('in words: tooltip clauses and summary sentences', () => {
  assert.equal(sharesClause(NO_SHARES), '');
  assert.equal(
    sharesClause({ estimated: 0.888, spread: 0.004, spreadFirm: 0 }),
    ", 89% on the source's estimates, under 1% spread over delivery years by our rule",
  );
  assert.equal(sharesSentence('Iran’s TIV 1980–1988', NO_SHARES, 'SIPRI’s'), '');
  assert.equal(
    sharesSentence('Iran’s TIV 1980–1988', { estimated: 0.888, spread: 0, spreadFirm: 0 }, 'SIPRI’s'),
    '89% of Iran’s TIV 1980–1988 rests on SIPRI’s estimates',
  );
  assert.equal(
    sharesSentence('Iran’s TIV 1983', { estimated: 0, spread: 1, spreadFirm: 1 }, 'the sources’'),
    'Of Iran’s TIV 1983, 100% is spread over delivery years by our rule',
  );
  assert.equal(estimatesOf(['sipri-deliveries', 'sipri-register']), 'SIPRI’s');
  assert.equal(estimatesOf(['sipri-deliveries', 'arms-register']), 'the sources’');
  assert.equal(estimatesOf([]), 'the sources’');
});
