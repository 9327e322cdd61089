import assert from 'node:assert/strict';
import { test } from 'node:test';
import { doubled, fitted } from './typed-arrays';

test('doubled keeps the contents first, in an array twice as long', () => {
  const a = Int32Array.from([1, 2, 3]);
  const b = doubled(a);
  assert.equal(b.length, 16); // never under 16
  assert.deepEqual(Array.from(b.subarray(0, 3)), [1, 2, 3]);
  assert.equal(doubled(new Float64Array(20)).length, 40);
});

test('fitted: a view of a buffer at least three quarters full, a copy of the exact length otherwise', () => {
  const full = Float64Array.from([1, 2, 3, 4]);
  const view = fitted(full, 3);
  assert.deepEqual(Array.from(view), [1, 2, 3]);
  assert.equal(view.buffer, full.buffer, 'no copy when 3 of 4 are used');
  const sparse = new Int32Array(100);
  sparse.set([7, 8]);
  const copy = fitted(sparse, 2);
  assert.deepEqual(Array.from(copy), [7, 8]);
  assert.notEqual(copy.buffer, sparse.buffer, 'a copy, so that the unused rest can be let go');
  assert.equal(copy.buffer.byteLength, 8);
  assert.equal(fitted(new Uint8Array(0), 0).length, 0);
});
