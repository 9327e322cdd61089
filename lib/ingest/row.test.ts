import fc from 'fast-check';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Row } from './row';
import { RowScanner } from './row-scanner';
import { decimalAt, plainDecimal } from './values';

function rowOf(text: string, delimiter: ',' | ';' = ','): Row {
  const row = new Row();
  assert.ok(new RowScanner(text, 0, 1, delimiter).next(row));
  return row;
}

test('cells read trimmed, as trim() would, and past the end as empty', () => {
  const row = rowOf(' Iran ,\u00a0T-62\t, ,?  ,12.5 ,1982 ');
  assert.deepEqual(
    [0, 1, 2, 3, 4, 5, 6].map((i) => row.cell(i)),
    [' Iran '.trim(), '\u00a0T-62\t'.trim(), '', '?', '12.5', '1982', ''],
  );
  assert.equal(row.raw(0), ' Iran ');
  assert.deepEqual([row.blank(2), row.blank(3), row.blank(6), row.blank(-1)], [true, false, true, true]);
  assert.ok(row.is(3, '?') && !row.is(0, '?') && row.is(9, ''));
  assert.equal(row.decimal(4), 12.5);
  assert.ok(Number.isNaN(row.decimal(0)) && Number.isNaN(row.decimal(2)));
  assert.equal(row.year(5), 1982);
  assert.ok(Number.isNaN(row.year(4)));
  assert.equal(row.used(), 6);
});

test('merge folds cells back into one, delimiters and all; truncate and dropTrailing', () => {
  const row = rowOf('a,b,c,d,e;');
  row.dropTrailing(';');
  assert.equal(row.cell(4), 'e');
  row.merge(1, 2);
  assert.deepEqual(row.cells(), ['a', 'b,c,d', 'e']);
  row.truncate(2);
  assert.deepEqual(row.cells(), ['a', 'b,c,d']);
});

test('cells given as strings (quoted or rejoined records) read the same as scanned ones', () => {
  const row = new Row();
  row.setCells(['x', ' 5 ', 'a, b'], 7, ',');
  assert.equal(row.line, 7);
  assert.deepEqual([row.cell(0), row.decimal(1), row.cell(2), row.count], ['x', 5, 'a, b', 3]);
});

test('a plain decimal read in place equals Number() of its text', () => {
  fc.assert(
    fc.property(fc.stringMatching(/^\d{1,8}(\.\d{1,6})?$/), fc.string({ maxLength: 3 }), (cell, pad) => {
      const text = `${pad}${cell}${pad}`;
      assert.equal(decimalAt(text, pad.length, pad.length + cell.length), Number(cell));
      assert.equal(plainDecimal(cell), Number(cell));
    }),
  );
  for (const bad of ['', '.5', '5.', '1e3', '-1', '1.2.3', '12 ', '1234567890123456']) assert.ok(Number.isNaN(plainDecimal(bad)), bad);
});
