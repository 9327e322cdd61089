import Papa from 'papaparse';
import type { ReportEntry } from '../domain';
import type { Delimiter } from './locate-header';

export type Rows = {
  /** Header first, then one array of cells per physical record (as the CSV grammar sees it). */
  rows: string[][];
  /** 1-based physical line where each row starts. */
  lines: number[];
  entries: ReportEntry[];
};

function newlinesIn(row: string[]): number {
  let n = 0;
  for (const cell of row) {
    if (cell.length === 0 || cell.indexOf('\n') === -1) continue;
    for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) n++;
  }
  return n;
}

/**
 * Split the text from the header on into rows with papaparse (arrays, not header mode: twice as
 * fast). Line endings are already LF. A quote opened and never closed would swallow the rest of the
 * file, so in that case the text is split again with quoting off, and the line is reported.
 */
export function splitRows(body: string, firstLine: number, delimiter: Delimiter): Rows {
  const entries: ReportEntry[] = [];
  let parsed = Papa.parse<string[]>(body, { delimiter, newline: '\n' });
  const unclosed = parsed.errors.find((e) => e.code === 'MissingQuotes');
  const hasQuotes = body.indexOf('"') !== -1 && !unclosed;
  if (unclosed) {
    parsed = Papa.parse<string[]>(body, { delimiter, newline: '\n', quoteChar: '\u0000' });
  }
  const rows = parsed.data;
  const lines = new Array<number>(rows.length);
  let line = firstLine;
  for (let i = 0; i < rows.length; i++) {
    lines[i] = line;
    line += 1 + (hasQuotes ? newlinesIn(rows[i]) : 0);
  }
  if (unclosed) {
    const at = unclosed.row !== undefined && lines[unclosed.row] !== undefined ? lines[unclosed.row] : firstLine;
    entries.push({ line: at, severity: 'warning', reason: 'a quote opened here is never closed: quotes were read as plain characters' });
  }
  return { rows, lines, entries };
}
