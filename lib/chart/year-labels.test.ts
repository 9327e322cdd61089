import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FULL_LABEL_PX, SHORT_LABEL_PX, yearLabel, yearLabelRule } from './year-labels';

test('wide bars label every year in full', () => {
  assert.deepEqual(yearLabelRule(120), { step: 1, short: false });
  assert.deepEqual(yearLabelRule(FULL_LABEL_PX), { step: 1, short: false });
});

test('a few years on a phone use the short form before dropping any', () => {
  assert.deepEqual(yearLabelRule(FULL_LABEL_PX - 1), { step: 1, short: true });
  assert.deepEqual(yearLabelRule(SHORT_LABEL_PX), { step: 1, short: true });
});

test('many years thin the labels to round steps, never leaving them closer than a label', () => {
  // The whole register, 1950–2024, on a 1280 px page: about 15 px a year.
  assert.deepEqual(yearLabelRule(15), { step: 5, short: false });
  // The same on a 375 px phone: about 4 px a year.
  assert.deepEqual(yearLabelRule(4), { step: 10, short: false });
  for (let band = 0.5; band < 80; band += 0.5) {
    const { step, short } = yearLabelRule(band);
    assert.ok(step * band >= (short ? SHORT_LABEL_PX : FULL_LABEL_PX) || step === 100, `band ${band}: labels overlap`);
  }
  // A degenerate width gives the sparsest rule, not a loop without end.
  assert.deepEqual(yearLabelRule(0), { step: 100, short: false });
});

test('labels fall on round years', () => {
  const rule = { step: 5, short: false };
  const labels = [1951, 1955, 1960, 1963, 2020].map((y) => yearLabel(y, rule));
  assert.deepEqual(labels, [null, '1955', '1960', null, '2020']);
  assert.equal(yearLabel(1982, { step: 1, short: true }), '’82');
  assert.equal(yearLabel(2005, { step: 1, short: true }), '’05');
});
