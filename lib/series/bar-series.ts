import { aggregate, type FactSource } from '../aggregate';
import type { AggregateQuery } from '../query';
import { OTHER } from '../view-params';
import { addTo, otherLabel, topN } from './top-n';

export type BarCell = { value: number | null; estimated: boolean; spread: boolean; deals: number };

export type BarYear = {
  year: number;
  /** Sum of known values; null when the year has deliveries but none with a number. */
  total: number | null;
  /** Whether any delivery matches in this year: no facts means "no data", not zero. */
  hasFacts: boolean;
  cells: Record<string, BarCell>;
};

/** One group behind the bars, unfolded: what the data table and the downloads list. */
export type BarRow = { year: number; key: string; value: number | null; estimated: boolean; spread: boolean };

export type BarSeries = {
  years: BarYear[];
  /** Series keys, largest first, OTHER last. */
  keys: string[];
  labels: Record<string, string>;
  others: string[];
  max: number;
};

/** One bar per year in [from, to], stacked by supplier or category, the largest `top` series kept. */
export function buildBarSeries(
  sources: FactSource[],
  query: Omit<AggregateQuery, 'by'>,
  stack: 'supplier' | 'category',
  from: number,
  to: number,
  top: number,
): { series: BarSeries; rows: BarRow[] } {
  const rows = aggregate(sources, { ...query, by: ['year', stack] });
  const totals = new Map<string, number>();
  for (const r of rows) addTo(totals, String(r.keys[stack]), r.value ?? 0);
  const fold = topN(totals, top);
  const byYear = new Map<number, BarYear>();
  for (let y = from; y <= to; y++) byYear.set(y, { year: y, total: null, hasFacts: false, cells: {} });
  for (const r of rows) {
    const bar = byYear.get(Number(r.keys.year));
    if (!bar) continue;
    bar.hasFacts = true;
    const key = fold.keep(String(r.keys[stack]));
    const cell = (bar.cells[key] ??= { value: null, estimated: false, spread: false, deals: 0 });
    if (r.value !== null) {
      cell.value = (cell.value ?? 0) + r.value;
      bar.total = (bar.total ?? 0) + r.value;
    }
    cell.estimated ||= r.estimated;
    cell.spread ||= r.spread;
    cell.deals += r.deals;
  }
  const keys = [...new Set([...totals.keys()].map(fold.keep))].sort((a, b) =>
    a === OTHER ? 1 : b === OTHER ? -1 : (totals.get(b) ?? 0) - (totals.get(a) ?? 0),
  );
  const labels = Object.fromEntries(
    keys.map((k) => [k, k === OTHER ? otherLabel(fold.others.length, stack === 'supplier' ? 'countries' : 'categories') : k]),
  );
  const years = [...byYear.values()];
  const max = Math.max(0, ...years.map((y) => y.total ?? 0));
  const table = rows
    .filter((r) => Number(r.keys.year) >= from && Number(r.keys.year) <= to)
    .map((r) => ({ year: Number(r.keys.year), key: String(r.keys[stack]), value: r.value, estimated: r.estimated, spread: r.spread }))
    .sort((a, b) => a.year - b.year || (b.value ?? -1) - (a.value ?? -1));
  return { series: { years, keys, labels, others: fold.others, max }, rows: table };
}
