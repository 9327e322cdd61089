import type { FactSource } from '../query/aggregate';
import { byValue } from '../query/group-table';
import { OTHER, type AggregateQuery } from '../domain/terms';
import { rangeGroups } from '../query/year-cells';
import { NO_SHARES, sharesOf, type Parts, type Shares } from './shares';
import { addTo, otherLabel, topN } from './top-n';

/** A segment: its value, how much of it rests on estimates and spread values, its deals. */
export type BarCell = { value: number | null; shares: Shares; deals: number };

export type BarYear = {
  year: number;
  /** Sum of known values; null when the year has deliveries but none with a number. */
  total: number | null;
  /** Whether any delivery matches in this year: no facts means "no data", not zero. */
  hasFacts: boolean;
  cells: Record<string, BarCell>;
};

/** One group behind the bars, unfolded: what the data table and the downloads list. */
export type BarRow = { year: number; key: string; value: number | null; estimatedShare: number | null; spreadShare: number | null };

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
): { series: BarSeries; tableRows: number } {
  // Picked from the register's year cells: the same groups as grouping its facts (see year-cells.ts).
  const groups = rangeGroups(sources, { ...query, by: ['year', stack] });
  const [yearOf, keyOf] = [groups.keys[0].map(Number), groups.keys[1].map(String)];
  const valueOf = (g: number) => (Number.isNaN(groups.value[g]) ? null : groups.value[g]);
  // Largest first, as the rows of `aggregate` come: sums add up in the same order.
  const order = byValue(groups);
  const totals = new Map<string, number>();
  for (const g of order) addTo(totals, keyOf[g], valueOf(g) ?? 0);
  const fold = topN(totals, top);
  const byYear = new Map<number, BarYear>();
  // Each segment's parts (several groups fold into "Other"), made shares once summed.
  const parts = new Map<BarCell, Parts>();
  for (let y = from; y <= to; y++) byYear.set(y, { year: y, total: null, hasFacts: false, cells: {} });
  for (const g of order) {
    const bar = byYear.get(yearOf[g]);
    if (!bar) continue;
    bar.hasFacts = true;
    const key = fold.keep(keyOf[g]);
    const cell = (bar.cells[key] ??= { value: null, shares: NO_SHARES, deals: 0 });
    const value = valueOf(g);
    if (value !== null) {
      cell.value = (cell.value ?? 0) + value;
      bar.total = (bar.total ?? 0) + value;
      const p = (parts.get(cell) ?? parts.set(cell, { value: 0, estimated: 0, spread: 0, spreadFirm: 0 }).get(cell))!;
      p.value += value;
      p.estimated += groups.estimated[g];
      p.spread += groups.spread[g];
      p.spreadFirm += groups.spreadFirm[g];
    }
    cell.deals += groups.deals[g];
  }
  for (const [cell, p] of parts) cell.shares = sharesOf(p);
  const keys = [...new Set([...totals.keys()].map(fold.keep))].sort((a, b) =>
    a === OTHER ? 1 : b === OTHER ? -1 : (totals.get(b) ?? 0) - (totals.get(a) ?? 0),
  );
  const labels = Object.fromEntries(
    keys.map((k) => [k, k === OTHER ? otherLabel(fold.others.length, stack === 'supplier' ? 'countries' : 'categories') : k]),
  );
  const years = [...byYear.values()];
  const max = Math.max(0, ...years.map((y) => y.total ?? 0));
  // The data table lists every group of the years shown, unfolded (fetched from the API when opened).
  const tableRows = order.reduce((n, g) => (yearOf[g] >= from && yearOf[g] <= to ? n + 1 : n), 0);
  return { series: { years, keys, labels, others: fold.others, max }, tableRows };
}
