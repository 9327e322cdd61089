import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvCell, toCsv } from './csv-writer';

test('RFC 4180 quoting', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell('a,b'), '"a,b"');
  assert.equal(csvCell('say "hi"'), '"say ""hi"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  assert.equal(csvCell(null), '');
  assert.equal(csvCell(12.5), '12.5');
  assert.equal(csvCell(-3), '-3', 'a negative number stays a number');
});

test('formula injection is neutralised', () => {
  for (const evil of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd', '\rcmd']) {
    const cell = csvCell(evil);
    assert.ok(cell.replace(/^"/, '').startsWith("'"), `${JSON.stringify(evil)} → ${cell}`);
  }
});

test('UTF-8 BOM, CRLF rows, non-ASCII kept', () => {
  const csv = toCsv(['country', 'tiv'], [['Türkiye', 1]]);
  assert.ok(csv.startsWith('\uFEFFcountry,tiv\r\n'));
  assert.ok(csv.includes('Türkiye,1\r\n'));
});
