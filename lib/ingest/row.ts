import { doubled } from '../store/typed-arrays';
import { decimalAt, parseYearListAt, yearAt, type ParsedYears } from './values';

/** What String.prototype.trim() removes (so that cells read the same as trimmed strings did). */
function isBlankChar(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0xfeff ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/**
 * One CSV record as the bounds of its cells in a text, not as an array of strings. A register is
 * 30,000 records of 16 cells; cutting each into strings only to read a number from most of them was
 * the largest share of the ingest's garbage. Here a cell becomes a string only when it is kept (a
 * name, a comment) and numbers and years are read in place. Cells read trimmed, like `trim()`.
 *
 * A Row is a cursor: the scanner refills the same object for every record, so whoever wants to keep
 * a cell takes its string (`cell(i)`), never the Row.
 */
export class Row {
  text = '';
  /** Physical line (1-based) the record starts on. */
  line = 0;
  count = 0;
  starts = new Int32Array(32);
  ends = new Int32Array(32);

  clear(text: string, line: number): void {
    this.text = text;
    this.line = line;
    this.count = 0;
  }

  push(start: number, end: number): void {
    if (this.count === this.starts.length) {
      this.starts = doubled(this.starts);
      this.ends = doubled(this.ends);
    }
    this.starts[this.count] = start;
    this.ends[this.count] = end;
    this.count++;
  }

  /** Fill from cells that are strings already (quoted or rejoined records: the rare path). */
  setCells(cells: string[], line: number, delimiter: string): void {
    this.clear(cells.join(delimiter), line);
    let at = 0;
    for (const cell of cells) {
      this.push(at, at + cell.length);
      at += cell.length + delimiter.length;
    }
  }

  /** Start of cell i without its leading blanks. */
  private from(i: number): number {
    let a = this.starts[i];
    const b = this.ends[i];
    while (a < b && isBlankChar(this.text.charCodeAt(a))) a++;
    return a;
  }

  /** End of cell i without its trailing blanks (never before `from`). */
  private to(i: number, from: number): number {
    let b = this.ends[i];
    while (b > from && isBlankChar(this.text.charCodeAt(b - 1))) b--;
    return b;
  }

  /** Cell i, trimmed; '' for a cell past the end of the record. */
  cell(i: number): string {
    if (i < 0 || i >= this.count) return '';
    const a = this.from(i);
    const b = this.to(i, a);
    return a === b ? '' : this.text.slice(a, b);
  }

  /** Where cell i, trimmed, lies in `text`: into `span`, which is reused (no object per call). */
  span(i: number, span: { text: string; start: number; end: number }): void {
    span.text = this.text;
    if (i < 0 || i >= this.count) {
      span.start = span.end = 0;
      return;
    }
    span.start = this.from(i);
    span.end = this.to(i, span.start);
  }

  /** Cell i as written (untrimmed). */
  raw(i: number): string {
    return i < 0 || i >= this.count ? '' : this.text.slice(this.starts[i], this.ends[i]);
  }

  blank(i: number): boolean {
    if (i < 0 || i >= this.count) return true;
    return this.from(i) === this.ends[i];
  }

  /** Whether cell i, trimmed, is exactly `s`. */
  is(i: number, s: string): boolean {
    if (i < 0 || i >= this.count) return s === '';
    const a = this.from(i);
    const b = this.to(i, a);
    if (b - a !== s.length) return false;
    // A loop: startsWith() with a position is a slow call in optimised code.
    for (let k = 0; k < s.length; k++) if (this.text.charCodeAt(a + k) !== s.charCodeAt(k)) return false;
    return true;
  }

  /** Cells up to the last non-blank one: spreadsheet re-saves pad short rows with empty cells. */
  used(): number {
    let n = this.count;
    while (n > 0 && this.blank(n - 1)) n--;
    return n;
  }

  /** Cell i as a plain non-negative decimal ("12", "0.35"), read in place; NaN for anything else. */
  decimal(i: number): number {
    if (i < 0 || i >= this.count) return NaN;
    const a = this.from(i);
    return decimalAt(this.text, a, this.to(i, a));
  }

  /** Cell i as a plain 4-digit year in range, read in place; NaN for anything else. */
  year(i: number): number {
    if (i < 0 || i >= this.count) return NaN;
    const a = this.from(i);
    return this.to(i, a) - a === 4 ? yearAt(this.text, a) : NaN;
  }

  /** Cell i as a list of delivery years (see parseYearList); a plain list is read in place. */
  yearList(i: number): ParsedYears {
    if (i < 0 || i >= this.count) return parseYearListAt('', 0, 0);
    const a = this.from(i);
    return parseYearListAt(this.text, a, this.to(i, a));
  }

  /** Drop one `ch` ending the last cell, after its blanks (the ';' some tools append to every line). */
  dropTrailing(ch: string): void {
    const last = this.count - 1;
    if (last < 0) return;
    const a = this.from(last);
    const b = this.to(last, a);
    if (b > a && this.text.charCodeAt(b - 1) === ch.charCodeAt(0)) this.ends[last] = b - 1;
  }

  /** Fold cells from..from+n into cell `from`, delimiters and all (commas typed into free text). */
  merge(from: number, n: number): void {
    this.ends[from] = this.ends[from + n];
    for (let i = from + 1; i + n < this.count; i++) {
      this.starts[i] = this.starts[i + n];
      this.ends[i] = this.ends[i + n];
    }
    this.count -= n;
  }

  /** Keep the first n cells. */
  truncate(n: number): void {
    this.count = Math.min(this.count, n);
  }

  /** The cells as strings, as written: for the header and for tests. */
  cells(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.count; i++) out.push(this.raw(i));
    return out;
  }
}
