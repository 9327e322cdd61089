import { Row } from './row';
import type { RowScanner } from './row-scanner';

/**
 * The records after the header, streamed: blank lines dropped, the ';' some tools append to every
 * line stripped, and records that an unquoted newline inside a free-text cell split in two rejoined.
 * Two short rows whose used cells add up to the header's width plus one (the cell cut in two) are one
 * record; this holds for the raw export (13 + 4 cells) and for a spreadsheet copy that padded each
 * half to full width. Counts are complete once the records have been iterated.
 *
 * `next()` hands out the same two Row objects in turn (see Row): read a record, don't keep it.
 */
export class RecordStream {
  readonly header: string[];
  /** Records handed out (a rejoined record counts once). */
  read = 0;
  rejoined = 0;
  private readonly trailingSemicolon: boolean;
  private row = new Row();
  /** The row after `row`, read to see whether it is the second half of a split record. */
  private ahead = new Row();
  /** `row` holds a row read ahead and not handed out yet. */
  private pending = false;

  constructor(
    private readonly scanner: RowScanner,
    private readonly delimiter: string,
  ) {
    const found = this.scanner.next(this.row);
    const header = found ? this.row.cells() : [];
    this.trailingSemicolon = header.length > 0 && header[header.length - 1].trimEnd().endsWith(';');
    if (this.trailingSemicolon) header[header.length - 1] = header[header.length - 1].trimEnd().replace(/;$/, '');
    this.header = header;
  }

  /** The decoded file the records' plain rows point into (a quoted or rejoined record has a text of its own). */
  get text(): string {
    return this.scanner.text;
  }

  /** At most this many records are still to come (lines left; a split record takes two). */
  linesLeft(): number {
    return this.scanner.linesLeft() + (this.pending ? 1 : 0);
  }

  private take(into: Row): boolean {
    const found = this.scanner.next(into);
    if (found && this.trailingSemicolon) into.dropTrailing(';');
    return found;
  }

  /** The next record, or null after the last. (A method, not a generator: this runs once per record.) */
  next(): Row | null {
    const width = this.header.length;
    for (;;) {
      if (!this.pending) {
        if (!this.take(this.row)) return null;
      }
      this.pending = false;
      const row = this.row;
      const used = row.used();
      if (used === 0) continue; // a blank line
      if (used >= width) {
        this.read++;
        return row;
      }
      const next = this.ahead;
      const hasNext = this.take(next);
      const nextUsed = hasNext ? next.used() : 0;
      if (hasNext && nextUsed > 0 && nextUsed < width && used + nextUsed - 1 === width) {
        const joined = row.cells().slice(0, used - 1);
        joined.push(`${row.raw(used - 1).trimEnd()} ${next.raw(0).trimStart()}`.trim());
        for (let k = 1; k < nextUsed; k++) joined.push(next.raw(k));
        row.setCells(joined, row.line, this.delimiter);
        this.read++;
        this.rejoined++;
        return row;
      }
      // Not a split record: this row goes out as it is, and the row read ahead is the next one.
      this.read++;
      this.row = next;
      this.ahead = row;
      this.pending = hasNext;
      return row;
    }
  }
}
