import { formatShare, formatValue } from '../domain/format';
import type { Measure } from '../domain/terms';
import type { MirrorRow } from '../view/compare-model';
import type { BarRow, BarSeries } from '../series/bar-series';
import type { SankeyFlow } from '../series/sankey-series';

/** The numbers behind a chart, as its data table shows them (the downloads hold the same rows). */
export type TableData = { columns: string[]; rows: string[][]; sortKeys: (string | number)[][]; total?: number };

/** Tables show the largest rows up to this many (the whole database has ~10,000 flows); downloads hold all. */
export const TABLE_ROW_CAP = 1000;

/** A share as the tables show it: a whole per cent, "<1%" for a trace, "—" where the value is unknown. */
const shareText = (x: number | null) => (x === null ? '—' : x > 0 && x < 0.005 ? '<1%' : `${Math.round(x * 100)}%`);
const shareKey = (x: number | null) => x ?? -1;

/** One row per group behind the Sankey's flows (origin only where the data records re-exports). */
export function sankeyTable(all: SankeyFlow[], measure: Measure, withOrigin: boolean): TableData {
  // The share of the drawn total: the Sankey draws the groups with a positive value.
  const total = all.reduce((sum, f) => (f.value !== null && f.value > 0 ? sum + f.value : sum), 0);
  const flows = [...all].sort((a, b) => (b.value ?? -1) - (a.value ?? -1)).slice(0, TABLE_ROW_CAP);
  return {
    columns: [...(withOrigin ? ['Origin'] : []), 'Supplier', 'Category', 'Recipient', 'Value', 'Share of total', 'Estimated', 'Spread'],
    rows: flows.map((f) => [
      ...(withOrigin ? [f.origin] : []),
      f.supplier,
      f.category,
      f.recipient,
      formatValue(f.value, measure),
      f.value === null ? '—' : formatShare(f.value, total),
      shareText(f.estimatedShare),
      shareText(f.spreadShare),
    ]),
    sortKeys: flows.map((f) => [
      ...(withOrigin ? [f.origin] : []),
      f.supplier,
      f.category,
      f.recipient,
      f.value ?? -1,
      f.value ?? -1,
      shareKey(f.estimatedShare),
      shareKey(f.spreadShare),
    ]),
    total: all.length > TABLE_ROW_CAP ? all.length : undefined,
  };
}

/** One row per year and series (before folding small series into "Other"); shares of each year's known total. */
export function barTable(all: BarRow[], measure: Measure, stack: 'supplier' | 'category'): TableData {
  const totals = new Map<number, number>();
  for (const r of all) if (r.value !== null) totals.set(r.year, (totals.get(r.year) ?? 0) + r.value);
  // The largest rows up to the cap, shown by year and, within a year, largest first (the API lists
  // rows largest first overall).
  const rows = [...all]
    .sort((a, b) => (b.value ?? -1) - (a.value ?? -1))
    .slice(0, TABLE_ROW_CAP)
    .sort((a, b) => a.year - b.year || (b.value ?? -1) - (a.value ?? -1));
  return {
    columns: ['Year', stack === 'supplier' ? 'Supplier' : 'Category', 'Value', 'Share of year', 'Estimated', 'Spread'],
    rows: rows.map((r) => [
      String(r.year),
      r.key,
      formatValue(r.value, measure),
      r.value === null ? '—' : formatShare(r.value, totals.get(r.year) ?? 0),
      shareText(r.estimatedShare),
      shareText(r.spreadShare),
    ]),
    sortKeys: rows.map((r) => [r.year, r.key, r.value ?? -1, r.value ?? -1, shareKey(r.estimatedShare), shareKey(r.spreadShare)]),
    total: all.length > TABLE_ROW_CAP ? all.length : undefined,
  };
}

/** Years in the range with no bar, and why. */
export function barGaps(series: BarSeries): { noData: number[]; noNumbers: number[] } {
  return {
    noData: series.years.filter((y) => !y.hasFacts).map((y) => y.year),
    noNumbers: series.years.filter((y) => y.hasFacts && y.total === null).map((y) => y.year),
  };
}

/** The mirrored chart's table: each row's value and share for both recipients, and how much of each rests on estimates or spread values. */
export function mirrorTable(
  rows: MirrorRow[],
  a: string,
  b: string,
  totals: { a: number; b: number },
  measure: Measure,
  label: string,
): TableData {
  const known = (r: MirrorRow, side: 'a' | 'b') => (side === 'a' ? r.aDeals > 0 && r.a !== null : r.bDeals > 0 && r.b !== null);
  const estimated = (r: MirrorRow, side: 'a' | 'b') => (known(r, side) ? r[`${side}Shares`].estimated : null);
  const spread = (r: MirrorRow, side: 'a' | 'b') => (known(r, side) ? r[`${side}Shares`].spread : null);
  return {
    columns: [label, a, `Share of ${a}`, `${a}: estimated`, `${a}: spread`, b, `Share of ${b}`, `${b}: estimated`, `${b}: spread`, 'Both'],
    rows: rows.map((r) => [
      r.key,
      r.aDeals ? formatValue(r.a, measure) : '—',
      known(r, 'a') ? formatShare(r.a!, totals.a) : '—',
      shareText(estimated(r, 'a')),
      shareText(spread(r, 'a')),
      r.bDeals ? formatValue(r.b, measure) : '—',
      known(r, 'b') ? formatShare(r.b!, totals.b) : '—',
      shareText(estimated(r, 'b')),
      shareText(spread(r, 'b')),
      r.both ? 'yes' : '',
    ]),
    sortKeys: rows.map((r) => [
      r.key,
      r.a ?? -1,
      r.a ?? -1,
      shareKey(estimated(r, 'a')),
      shareKey(spread(r, 'a')),
      r.b ?? -1,
      r.b ?? -1,
      shareKey(estimated(r, 'b')),
      shareKey(spread(r, 'b')),
      r.both ? 1 : 0,
    ]),
  };
}
