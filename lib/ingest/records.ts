import type { RowScanner, ScannedRow } from './row-scanner';

export type RawRecord = { cells: string[]; line: number; rejoined: boolean };

/** Cells up to the last non-empty one: spreadsheet re-saves pad short rows with empty cells. */
function usedLength(cells: string[]): number {
  let n = cells.length;
  while (n > 0 && cells[n - 1].trim() === '') n--;
  return n;
}

/**
 * The records after the header, streamed: blank lines dropped, the ';' some tools append to every
 * line stripped, and records that an unquoted newline inside a free-text cell split in two rejoined.
 * Two short rows whose used cells add up to the header's width plus one (the cell cut in two) are one
 * record; this holds for the raw export (13 + 4 cells) and for a spreadsheet copy that padded each
 * half to full width. Counts are complete once the records have been iterated.
 */
export class RecordStream implements Iterable<RawRecord> {
  readonly header: string[];
  /** Records handed out (a rejoined record counts once). */
  read = 0;
  rejoined = 0;
  private readonly trailingSemicolon: boolean;

  constructor(private readonly scanner: RowScanner) {
    const header = scanner.next()?.cells ?? [];
    this.trailingSemicolon = header.length > 0 && header[header.length - 1].trimEnd().endsWith(';');
    this.header = this.clean(header);
  }

  private clean(cells: string[]): string[] {
    if (this.trailingSemicolon && cells.length > 0) {
      const last = cells.length - 1;
      cells[last] = cells[last].trimEnd().replace(/;$/, '');
    }
    return cells;
  }

  private take(): ScannedRow | null {
    const row = this.scanner.next();
    if (row) this.clean(row.cells);
    return row;
  }

  *[Symbol.iterator](): Iterator<RawRecord> {
    const width = this.header.length;
    let row = this.take();
    while (row) {
      const { cells, line } = row;
      const used = usedLength(cells);
      if (used === 0) {
        // A blank line.
        row = this.take();
        continue;
      }
      if (used >= width) {
        this.read++;
        yield { cells, line, rejoined: false };
        row = this.take();
        continue;
      }
      const next = this.take();
      const nextUsed = next ? usedLength(next.cells) : 0;
      if (next && nextUsed > 0 && nextUsed < width && used + nextUsed - 1 === width) {
        const joined = cells.slice(0, used - 1);
        joined.push(`${cells[used - 1].trimEnd()} ${next.cells[0].trimStart()}`.trim());
        for (let k = 1; k < nextUsed; k++) joined.push(next.cells[k]);
        this.read++;
        this.rejoined++;
        yield { cells: joined, line, rejoined: true };
        row = this.take();
        continue;
      }
      this.read++;
      yield { cells, line, rejoined: false };
      row = next;
    }
  }
}
