import type { ReportEntry } from '../domain';
import type { Rows } from './split-rows';

export type RawRecord = { cells: string[]; line: number; rejoined: boolean };

export type Records = { header: string[]; records: RawRecord[]; rejoined: number; entries: ReportEntry[] };

/** Cells up to the last non-empty one: spreadsheet re-saves pad short rows with empty cells. */
function usedLength(cells: string[]): number {
  let n = cells.length;
  while (n > 0 && cells[n - 1].trim() === '') n--;
  return n;
}

function isBlank(cells: string[]): boolean {
  return usedLength(cells) === 0;
}

/**
 * Turn rows into records: drop blank lines, strip the ';' some tools append to every line, and
 * rejoin records that an unquoted newline inside a free-text cell split in two. Two short rows whose
 * used cells add up to the header's width plus one (the cell cut in two) are one record; this holds
 * for the raw export (13 + 4 cells) and for a spreadsheet copy that padded each half to full width.
 */
export function assembleRecords({ rows, lines, entries }: Rows): Records {
  const header = rows[0];
  const trailingSemicolon = header.length > 0 && header[header.length - 1].trimEnd().endsWith(';');
  const clean = (cells: string[]): string[] => {
    if (trailingSemicolon && cells.length > 0) {
      const last = cells.length - 1;
      cells[last] = cells[last].trimEnd().replace(/;$/, '');
    }
    return cells;
  };
  for (let i = 0; i < rows.length; i++) clean(rows[i]);
  const width = header.length;
  const records: RawRecord[] = [];
  let rejoined = 0;
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i];
    if (isBlank(cells)) continue;
    const used = usedLength(cells);
    const next = i + 1 < rows.length ? rows[i + 1] : null;
    if (used < width && next && !isBlank(next)) {
      const nextUsed = usedLength(next);
      if (nextUsed < width && used + nextUsed - 1 === width) {
        const joined = cells.slice(0, used - 1);
        joined.push(`${cells[used - 1].trimEnd()} ${next[0].trimStart()}`.trim());
        for (let k = 1; k < nextUsed; k++) joined.push(next[k]);
        records.push({ cells: joined, line: lines[i], rejoined: true });
        rejoined++;
        i++;
        continue;
      }
    }
    records.push({ cells, line: lines[i], rejoined: false });
  }
  return { header, records, rejoined, entries };
}
