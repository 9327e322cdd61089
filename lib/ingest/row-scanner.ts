import type { ReportEntry } from '../domain';
import type { Delimiter } from './locate-header';

const QUOTE = 34; // "
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

export type ScannedRow = { cells: string[]; line: number };

/**
 * Reads the text from the header on, one CSV record at a time (RFC 4180 quoting: a cell that starts
 * with a quote runs to the matching quote and may span lines; "" inside is one quote). Line ends are
 * already LF. Rows are handed out one by one rather than all at once so that each row's cells die
 * young: the ingest keeps only the deals it makes, and the garbage collector never copies the rows.
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

  constructor(
    private readonly text: string,
    offset: number,
    firstLine: number,
    private readonly delimiter: Delimiter,
  ) {
    this.pos = offset;
    this.line = firstLine;
    this.nextQuote = text.indexOf('"', offset);
  }

  /** The next record's cells and the physical line it starts on; null at the end of the text. */
  next(): ScannedRow | null {
    const { text } = this;
    if (this.pos >= text.length) return null;
    const line = this.line;
    if (this.nextQuote !== -1 && this.nextQuote < this.pos) this.nextQuote = text.indexOf('"', this.pos);
    let end = text.indexOf('\n', this.pos);
    if (end === -1) end = text.length;
    if (!this.quoting || this.nextQuote === -1 || this.nextQuote > end) {
      // The common row: no quote before its line end.
      const cells = text.slice(this.pos, end).split(this.delimiter);
      this.pos = end + 1;
      this.line++;
      return { cells, line };
    }
    return { cells: this.quotedRow(line), line };
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
