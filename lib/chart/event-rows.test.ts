import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventRows, numberWidth } from './event-rows';

test('events far apart share the first row', () => {
  assert.deepEqual(eventRows([10, 100, 200]), [0, 0, 0]);
});

test('close events stack, and a later one drops back to the first row once clear', () => {
  // 1980-09, 1980-10, 1980-10 on a phone: a few pixels apart.
  assert.deepEqual(eventRows([50, 52, 52, 120]), [0, 1, 2, 0]);
  // Numbers never overlap within a row.
  const xs = [0, 3, 9, 14, 40, 41, 90];
  const rows = eventRows(xs, 10);
  for (let i = 0; i < xs.length; i++)
    for (let j = i + 1; j < xs.length; j++)
      if (rows[i] === rows[j]) assert.ok(xs[j] + 3 >= xs[i] + 3 + numberWidth(i + 1), `${i + 1} and ${j + 1} overlap in row ${rows[i]}`);
});

test('events not drawn take no room; past the last row the least crowded row is reused', () => {
  assert.deepEqual(eventRows([10, null, 11]), [0, null, 1]);
  assert.deepEqual(eventRows([0, 1, 2], 2), [0, 1, 0]);
});
