import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Row } from './row';
import { RowScanner } from './row-scanner';

type ScannedRow = { cells: string[]; line: number };

function scanAll(text: string, delimiter: ',' | ';' | '\t' = ','): { rows: ScannedRow[]; scanner: RowScanner } {
  const scanner = new RowScanner(text, 0, 1, delimiter);
  const rows: ScannedRow[] = [];
  // One Row is refilled for every record: take each record's cells before reading the next.
  for (const row = new Row(); scanner.next(row);) rows.push({ cells: row.cells(), line: row.line });
  return { rows, scanner };
}

test('plain rows split on the delimiter, with their physical lines', () => {
  const { rows } = scanAll('a,b,c\n1,2,3\n\n4,,6\n');
  assert.deepEqual(
    rows.map((r) => [r.line, r.cells]),
    [
      [1, ['a', 'b', 'c']],
      [2, ['1', '2', '3']],
      [3, ['']],
      [4, ['4', '', '6']],
    ],
  );
});

test('quoted cells keep delimiters, doubled quotes and line breaks; later lines stay counted', () => {
  const { rows, scanner } = scanAll('x,"a, b","say ""hi"""\n"two\nlines",z\nlast,1');
  assert.deepEqual(rows[0].cells, ['x', 'a, b', 'say "hi"']);
  assert.deepEqual(rows[1], { cells: ['two\nlines', 'z'], line: 2 });
  assert.deepEqual(rows[2], { cells: ['last', '1'], line: 4 });
  assert.deepEqual(scanner.entries, []);
});

test('a quote inside an unquoted cell is a plain character', () => {
  const { rows } = scanAll('5" gun,b\n');
  assert.deepEqual(rows[0].cells, ['5" gun', 'b']);
});

test('blanks between a closing quote and the delimiter are allowed (spreadsheet CR LF too)', () => {
  const { rows } = scanAll('"a" ,b\r\n"c"\r\n');
  assert.deepEqual(rows[0].cells, ['a', 'b\r']);
  assert.deepEqual(rows[1].cells, ['c']);
});

test('an unclosed quote is reported once and read as plain text; no row is swallowed', () => {
  const { rows, scanner } = scanAll('a,b\n"open,c\nd,e\nf,"g\n');
  assert.deepEqual(
    rows.map((r) => r.cells),
    [
      ['a', 'b'],
      ['"open', 'c'],
      ['d', 'e'],
      ['f', '"g'],
    ],
  );
  assert.equal(scanner.entries.length, 1);
  assert.equal(scanner.entries[0].line, 2);
  assert.match(scanner.entries[0].reason, /never closed/);
});

test('other delimiters and a text without a final line end', () => {
  assert.deepEqual(
    scanAll('a;"b;c"\n1;2', ';').rows.map((r) => r.cells),
    [
      ['a', 'b;c'],
      ['1', '2'],
    ],
  );
  assert.deepEqual(
    scanAll('a\tb', '\t').rows.map((r) => r.cells),
    [['a', 'b']],
  );
});
