import type { ReportEntry } from '../domain/types';
import type { Delimiter } from './locate-header';
import type { Row } from './row';

const QUOTE = 34; // "
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

/**
 * Reads the text from the header on, one CSV record at a time (RFC 4180 quoting: a cell that starts
 * with a quote runs to the matching quote and may span lines; "" inside is one quote). Line ends are
 * already LF. Each record is written into a Row the caller owns, as the bounds of its cells in the
 * text: an unquoted record (nearly all of them) costs no string at all until a cell is read.
 *
 * A quote opened and never closed would swallow the rest of the file, so from there on quotes are
 * read as plain characters and the line is reported.
 */
export class RowScanner {
  /** Warnings about the text itself (an unclosed quote). */
  readonly entries: ReportEntry[] = [];
  private pos: number;
  private line: number;
  private quoting = true;
  /** Position of the next quote character at or after `pos` (-1: none), so unquoted rows are split fast. */
  private nextQuote: number;
  /** Position of the next delimiter at or after `pos` (-1: none), for the same reason. */
  private nextDelimiter: number;

  constructor(
    /** The decoded file. */
    readonly text: string,
    offset: number,
    firstLine: number,
    private readonly delimiter: Delimiter,
  ) {
    this.pos = offset;
    this.line = firstLine;
    this.nextQuote = text.indexOf('"', offset);
    this.nextDelimiter = text.indexOf(delimiter, offset);
  }

  /** Lines left to read: an upper bound of the records to come, to size the columns they fill once. */
  linesLeft(): number {
    const { text } = this;
    let n = 0;
    for (let p = text.indexOf('\n', this.pos); p !== -1; p = text.indexOf('\n', p + 1)) n++;
    return this.pos < text.length && !text.endsWith('\n') ? n + 1 : n;
  }

  /** Fill `row` with the next record and the physical line it starts on; false at the end of the text. */
  next(row: Row): boolean {
    const { text, delimiter } = this;
    if (this.pos >= text.length) return false;
    const line = this.line;
    if (this.nextQuote !== -1 && this.nextQuote < this.pos) this.nextQuote = text.indexOf('"', this.pos);
    let end = text.indexOf('\n', this.pos);
    if (end === -1) end = text.length;
    if (!this.quoting || this.nextQuote === -1 || this.nextQuote > end) {
      // The common row: no quote before its line end.
      row.clear(text, line);
      let start = this.pos;
      let d = this.nextDelimiter;
      if (d !== -1 && d < start) d = text.indexOf(delimiter, start);
      while (d !== -1 && d < end) {
        row.push(start, d);
        start = d + 1;
        d = text.indexOf(delimiter, start);
      }
      // Found past this line (or none at all): kept, so that a file whose lines lack the delimiter
      // is not searched to its end once per line.
      this.nextDelimiter = d;
      row.push(start, end);
      this.pos = end + 1;
      this.line++;
      return true;
    }
    row.setCells(this.quotedRow(line), line, delimiter);
    return true;
  }

  /** A row with a quote somewhere: cell by cell. */
  private quotedRow(line: number): string[] {
    const { text, delimiter } = this;
    const delim = delimiter.charCodeAt(0);
    const cells: string[] = [];
    let p = this.pos;
    let newlines = 0;
    for (;;) {
      if (this.quoting && text.charCodeAt(p) === QUOTE) {
        const closed = this.closingQuote(p);
        if (closed !== null) {
          let cell = text.slice(p + 1, closed.quote);
          if (cell.indexOf('"') !== -1) cell = cell.replaceAll('""', '"');
          for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) newlines++;
          cells.push(cell);
          p = closed.after;
          if (p < text.length && text.charCodeAt(p) === delim) {
            p++;
            continue;
          }
          break; // at LF or the end of the text
        }
        this.quoting = false;
        this.entries.push({
          line,
          severity: 'warning',
          reason: 'a quote opened here is never closed: quotes were read as plain characters',
        });
      }
      let lineEnd = text.indexOf('\n', p);
      if (lineEnd === -1) lineEnd = text.length;
      const d = text.indexOf(delimiter, p);
      if (d !== -1 && d < lineEnd) {
        cells.push(text.slice(p, d));
        p = d + 1;
        continue;
      }
      cells.push(text.slice(p, lineEnd));
      p = lineEnd;
      break;
    }
    this.pos = p + 1; // past the LF
    this.line += 1 + newlines;
    return cells;
  }

  /**
   * The quote closing the cell opened at `open`: a quote followed (after blanks) by the delimiter,
   * a line end or the end of the text. A doubled quote is an escaped one; any other quote is kept as
   * a character. Null when the cell is never closed.
   */
  private closingQuote(open: number): { quote: number; after: number } | null {
    const { text } = this;
    const delim = this.delimiter.charCodeAt(0);
    let i = open + 1;
    for (;;) {
      const q = text.indexOf('"', i);
      if (q === -1) return null;
      if (text.charCodeAt(q + 1) === QUOTE) {
        i = q + 2;
        continue;
      }
      let k = q + 1;
      while (k < text.length) {
        const c = text.charCodeAt(k);
        if (c !== SPACE && c !== TAB && c !== CR) break;
        k++;
      }
      if (k === text.length || text.charCodeAt(k) === delim || text.charCodeAt(k) === LF) return { quote: q, after: k };
      i = q + 1;
    }
  }
}
