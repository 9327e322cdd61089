import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countOf, formatCount, formatMegabytes } from './format';

test('counts carry thousands separators and their noun in the right number', () => {
  assert.equal(formatCount(9048), '9,048');
  assert.equal(countOf(1, 'group'), '1 group');
  assert.equal(countOf(2000, 'group'), '2,000 groups');
  assert.equal(countOf(0, 'country', 'countries'), '0 countries');
});

test('sizes in megabytes: one decimal below 10 MB', () => {
  assert.equal(formatMegabytes(3.8 * 1024 * 1024), '3.8 MB');
  assert.equal(formatMegabytes(500 * 1024 * 1024), '500 MB');
});
