import assert from 'node:assert/strict';
import { test } from 'node:test';
import { uncoveredYears, type DatasetInfo } from './dataset';

const withYears = (years: [number, number] | null) => ({ years }) as DatasetInfo;

test('the years a view asks that its datasets do not cover, in words', () => {
  const extract = [withYears([1950, 1989])];
  assert.equal(uncoveredYears(extract, 1980, 1988), null);
  assert.equal(uncoveredYears(extract, 1985, 2000), 'after 1989');
  assert.equal(uncoveredYears([withYears([1982, 1987])], 1980, 1990), 'before 1982 and after 1987');
  assert.equal(uncoveredYears([withYears([1982, 1987]), withYears([1950, 1989])], 1950, 1989), null, 'covered by one of them');
  assert.equal(uncoveredYears([withYears(null)], 1950, 2020), null, 'nothing to say of a dataset without years');
});
