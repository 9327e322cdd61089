import Papa from 'papaparse';
import type { IngestError, ReportEntry, TableInfo, TableRows } from '../domain/types';
import { HEADER_SEARCH_LINES } from './locate-header';

/**
 * SIPRI's published TIV tables (countries × years) as downloaded, in the two layouts SIPRI exports:
 * - the importer or exporter table of the current site: a preamble, then a header whose first cell
 *   says whose the rows are ("Recipient"/"Imports by…", "Supplier"/"Exports by…"), a column per year,
 *   total and percentage columns, a "Total world import" row;
 * - a country's partners table of the older layout: a title line "TIV of arms exports from X,
 *   1950-2021" (or "imports to X"), a header with an empty first cell, trailing commas, a total
 *   column, a total row after an empty line.
 * `0` (often `0 `) means under 0.5 million and is kept as 0; an empty cell means no deliveries and
 * is left out: the two stay different all the way to the screen.
 */

export type TivCell = { value: number; underHalf: boolean };

export type TivRow = { line: number; name: string; cells: Map<number, TivCell> };

export type TivTableRead = {
  table: TableInfo;
  headerLine: number;
  generated: string | null;
  years: number[];
  rows: TivRow[];
  /** Lines after the header that held anything: country rows, total rows and rows skipped. */
  recordsRead: number;
  /** Skipped rows (the total row among them: checked, not data) and warnings, by line. */
  entries: ReportEntry[];
};

const YEAR = /^\d{4}$/;
const TITLE = /TIV of arms (exports from|imports to|exports to|imports from)\s+(.+?)\s*,\s*\d{4}/i;
const IMPORTERS = /^(imports?|importers?|recipients?)\b/i;
const EXPORTERS = /^(exports?|exporters?|suppliers?)\b/i;
const PERCENT = /percent/i;
const TOTAL_COLUMN = /^(total|sum\b|\d{4}\s*[-–]\s*\d{4}$)/i;

function delimiterOf(line: string): ',' | ';' | '\t' {
  const count = (d: string) => line.split(d).length - 1;
  const best = ([',', ';', '\t'] as const).map((d) => [d, count(d)] as const).sort((a, b) => b[1] - a[1]);
  return best[0][0];
}

/** The cells of a header line that name years, if it is a run of at least two of them. */
function yearColumns(cells: string[]): [number, number][] {
  const years = cells.flatMap((c, i) => (YEAR.test(c.trim()) && i > 0 ? [[i, Number(c.trim())] as [number, number]] : []));
  return years.length >= 2 ? years : [];
}

type Layout = { headerLine: number; delimiter: ',' | ';' | '\t'; table: TableInfo; generated: string | null };

/**
 * Whether the first lines hold a TIV table: its layout, an error naming what a table of years lacks
 * to be one, or null (no row of years: not a table, the register path answers).
 */
export function findTivTable(text: string): Layout | IngestError | null {
  const lines = text.slice(0, 20_000).split('\n').slice(0, HEADER_SEARCH_LINES);
  let title: RegExpExecArray | null = null;
  let titleText = '';
  let generated: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i].replace(/\r$/, '');
    const gen = /(?:data )?generated:\s*([^,;]+)/i.exec(raw);
    if (gen) generated = gen[1].trim();
    if (!title) {
      title = TITLE.exec(raw);
      if (title) titleText = raw.replace(/^"|[",;\s]+$/g, '').trim();
    }
    const delimiter = delimiterOf(raw);
    const cells = raw.split(delimiter).map((c) => c.replace(/^"|"$/g, ''));
    if (yearColumns(cells).length === 0) continue;
    const first = cells[0].trim();
    const line = i + 1;
    if (title && first === '') {
      // "exports from X" (or "imports from X"): the rows are X's clients; "imports to X": its suppliers.
      const rows: TableRows = /from$/i.test(title[1]) ? 'importers' : 'exporters';
      return { headerLine: line, delimiter, generated, table: { rows, country: title[2].trim(), title: titleText } };
    }
    const rows: TableRows | null = IMPORTERS.test(first) ? 'importers' : EXPORTERS.test(first) ? 'exporters' : null;
    if (rows) {
      const title = rows === 'importers' ? 'TIV of arms imports by importer' : 'TIV of arms exports by exporter';
      return { headerLine: line, delimiter, generated, table: { rows, country: null, title } };
    }
    return {
      code: 'missing-columns',
      line,
      message:
        `line ${line} heads a table of years, but nothing says whose its rows are: a SIPRI TIV table names them in its first header cell ` +
        `("Recipient"/"Imports by…" or "Supplier"/"Exports by…"), or in a title line "TIV of arms exports from X, 1950-2021" above a header with an empty first cell` +
        (first ? ` (this one says "${first}")` : ''),
    };
  }
  if (title)
    return {
      code: 'missing-columns',
      message: `the title "${titleText}" names a TIV table, but no header row of years follows in the first ${HEADER_SEARCH_LINES} lines`,
    };
  return null;
}

/** A cell: a number, under-0.5 zero, absent (empty), or not a number (reported). */
function readCell(raw: string): TivCell | null | string {
  const t = raw.trim();
  if (t === '') return null;
  const n = Number(t.replace(/\s/g, ''));
  if (!Number.isFinite(n) || n < 0) return `"${t}" is not a TIV figure`;
  return { value: n, underHalf: n === 0 };
}

/** How far a stated total may sit from the sum of n rounded cells: each cell ±0.5, the total ±0.5. */
const rounding = (cells: number) => 0.5 * (cells + 1) + 1e-9;

const fmt = (n: number) => (Math.round(n * 100) / 100).toString();

function listed(items: string[], most = 4): string {
  return items.length <= most ? items.join('; ') : `${items.slice(0, most).join('; ')}; and ${items.length - most} more`;
}

/** Read a TIV table found by `findTivTable`: its country rows, the totals checked, every line accounted for. */
export function readTivTable(text: string, layout: Layout): TivTableRead {
  const parsed = Papa.parse<string[]>(text, { delimiter: layout.delimiter, newline: '\n' });
  const records = parsed.data;
  const header = records[layout.headerLine - 1].map((c) => c.trim());
  const years = yearColumns(header);
  const yearsOnly = years.map(([, y]) => y);
  const totalColumn = header.findIndex((h, i) => i > 0 && !YEAR.test(h) && TOTAL_COLUMN.test(h) && !PERCENT.test(h));
  const entries: ReportEntry[] = [];
  const rows: TivRow[] = [];
  let recordsRead = 0;
  const sums = new Map<number, { sum: number; cells: number }>(yearsOnly.map((y) => [y, { sum: 0, cells: 0 }]));
  for (let r = layout.headerLine; r < records.length; r++) {
    const cells = records[r];
    const line = r + 1;
    if (cells.every((c) => c.trim() === '')) continue;
    recordsRead++;
    const name = (cells[0] ?? '').trim();
    if (/^total\b/i.test(name)) {
      entries.push({ line, severity: 'skipped', reason: totalRowReason(name, cells, years, sums) });
      continue;
    }
    const byYear = new Map<number, TivCell>();
    const bad: string[] = [];
    for (const [i, year] of years) {
      const cell = readCell(cells[i] ?? '');
      if (cell === null) continue;
      if (typeof cell === 'string') bad.push(`${year}: ${cell}`);
      else byYear.set(year, cell);
    }
    if (!name) {
      entries.push({ line, severity: 'skipped', reason: 'no country name in the first cell: not a row of the table' });
      continue;
    }
    if (byYear.size === 0 && bad.length === 0 && (totalColumn < 0 || (cells[totalColumn] ?? '').trim() === '')) {
      entries.push({ line, severity: 'skipped', reason: `"${name}" has no figure in any year: not a row of the table (a note?)` });
      continue;
    }
    if (bad.length)
      entries.push({ line, severity: 'warning', reason: `${listed(bad)}: left out (an empty cell would mean no deliveries)` });
    let rowSum = 0;
    for (const [year, cell] of byYear) {
      rowSum += cell.value;
      const s = sums.get(year)!;
      s.sum += cell.value;
      s.cells++;
    }
    if (totalColumn >= 0) {
      const stated = readCell(cells[totalColumn] ?? '');
      if (typeof stated === 'object' && stated !== null && Math.abs(stated.value - rowSum) > rounding(byYear.size))
        entries.push({
          line,
          severity: 'warning',
          reason: `its total ${fmt(stated.value)} ("${header[totalColumn]}") differs from the sum of its years, ${fmt(rowSum)}, by more than rounding`,
        });
    }
    rows.push({ line, name, cells: byYear });
  }
  return { table: layout.table, headerLine: layout.headerLine, generated: layout.generated, years: yearsOnly, rows, recordsRead, entries };
}

function totalRowReason(
  name: string,
  cells: string[],
  years: [number, number][],
  sums: Map<number, { sum: number; cells: number }>,
): string {
  const off: string[] = [];
  for (const [i, year] of years) {
    const stated = readCell(cells[i] ?? '');
    const { sum, cells: n } = sums.get(year)!;
    if (stated === null) {
      if (n > 0) off.push(`${year}: empty, the cells sum to ${fmt(sum)}`);
    } else if (typeof stated === 'string') off.push(`${year}: ${stated}`);
    else if (Math.abs(stated.value - sum) > rounding(n)) off.push(`${year}: ${fmt(stated.value)}, the cells sum to ${fmt(sum)}`);
  }
  return off.length === 0
    ? `"${name}": the table's total row, not data; it equals the sum of the cells in every year (within rounding)`
    : `"${name}": the table's total row, not data; it differs from the sum of the cells by more than rounding in ${off.length} year${off.length === 1 ? '' : 's'} (${listed(off)})`;
}

/** SIPRI's importer or exporter table as name → year → cell (names as written), for tests that hold our totals against it. */
export function parseTivTable(text: string): { years: number[]; rows: Map<string, Map<number, TivCell>> } {
  const clean = text.replace(/\r\n?/g, '\n');
  const layout = findTivTable(clean);
  if (layout === null || 'code' in layout) throw new Error(layout?.message ?? 'not a TIV table');
  const read = readTivTable(clean, layout);
  return { years: read.years, rows: new Map(read.rows.map((r) => [r.name, r.cells])) };
}
