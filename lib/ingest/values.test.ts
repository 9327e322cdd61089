import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseQuantity, parseYear, parseYearList, parseYesNo } from './values';

test('plain, uncertain and bracketed quantities', () => {
  assert.deepEqual(parseQuantity('12'), { value: 12, estimated: false, problem: null });
  assert.deepEqual(parseQuantity('12?'), { value: 12, estimated: true, problem: null });
  assert.deepEqual(parseQuantity('(200)'), { value: 200, estimated: true, problem: null });
  assert.equal(parseQuantity('4,000').value, 4000);
  assert.equal(parseQuantity('0.03').value, 0.03);
  assert.equal(parseQuantity('').value, null);
  assert.equal(parseQuantity('-0').value, 0);
});

test('bad quantities are problems, never 0 or NaN', () => {
  for (const raw of ['abc', 'NaN', '1e309', '-5', '12 tanks']) {
    const parsed = parseQuantity(raw);
    assert.equal(parsed.value, null, raw);
    assert.ok(parsed.problem, `${raw} should be reported`);
  }
});

test('years: plain, uncertain, out of range', () => {
  assert.deepEqual(parseYear('1982'), { value: 1982, estimated: false, problem: null });
  assert.deepEqual(parseYear('(1982)'), { value: 1982, estimated: true, problem: null });
  assert.equal(parseYear('0').value, null);
  assert.match(parseYear('99999').problem ?? '', /not a year/);
  assert.match(parseYear('1850').problem ?? '', /outside/);
});

test('year lists: SIPRI lists with gaps, ranges, brackets, backwards ranges', () => {
  assert.deepEqual(parseYearList('1982; 1985; 1986').years, [1982, 1985, 1986]);
  assert.deepEqual(parseYearList('1982-1987').years, [1982, 1983, 1984, 1985, 1986, 1987]);
  const bracketed = parseYearList('(1982); 1983');
  assert.deepEqual(bracketed.years, [1982, 1983]);
  assert.equal(bracketed.estimated, true);
  const backwards = parseYearList('1982-1979');
  assert.deepEqual(backwards.years, []);
  assert.match(backwards.problems[0], /backwards/);
  assert.deepEqual(parseYearList('').years, []);
});

test('yes/no flags', () => {
  assert.equal(parseYesNo('Yes'), true);
  assert.equal(parseYesNo('No'), false);
  assert.equal(parseYesNo(''), false);
});

test('a long plain list of delivery years comes back whole, as a plain array', () => {
  const years = Array.from({ length: 90 }, (_, i) => 1900 + i);
  const parsed = parseYearList(years.join('; '));
  assert.ok(Array.isArray(parsed.years));
  assert.deepEqual(parsed.years, years);
  assert.deepEqual(parseYearList('1982; 1984').years, [1982, 1984], 'a short list after a long one is not padded');
});
