import type { BarSeries, BarYear } from './bar-series';
import { averageWindow } from '../query/average-rows';
import { NO_SHARES, weightedShares } from './shares';

export { AVERAGE_YEARS, averageStart } from '../query/average-rows';

/**
 * Bars of [averageStart(from), to] (built as usual) → bars of [from, to], each year's segments the
 * mean of that year and the four before. A year before the data's first year is no year of the
 * window (the first years of the data average fewer, not zeros before it); a year inside the data
 * with no deliveries counts as zero, as in SIPRI's tables. Shares stay weighted by value.
 */
export function movingAverage(series: BarSeries, from: number, to: number, firstDataYear: number): BarSeries {
  const byYear = new Map(series.years.map((y) => [y.year, y]));
  const years: BarYear[] = [];
  for (let year = from; year <= to; year++) {
    const [start] = averageWindow(year, firstDataYear);
    const window = Array.from({ length: year - start + 1 }, (_, i) => byYear.get(start + i)).filter((y): y is BarYear => y !== undefined);
    const n = year - start + 1;
    const cells: BarYear['cells'] = {};
    let total: number | null = null;
    for (const key of series.keys) {
      const parts = window.flatMap((y) => {
        const c = y.cells[key];
        return c && c.value !== null ? [{ value: c.value, shares: c.shares }] : [];
      });
      const deals = window.reduce((d, y) => d + (y.cells[key]?.deals ?? 0), 0);
      if (parts.length === 0 && deals === 0) continue;
      const value = parts.length ? parts.reduce((s, p) => s + p.value, 0) / n : null;
      cells[key] = {
        value,
        deals,
        shares: value === null ? NO_SHARES : weightedShares(parts),
      };
      if (value !== null) total = (total ?? 0) + value;
    }
    years.push({ year, total, hasFacts: window.some((y) => y.hasFacts), cells });
  }
  return { ...series, years, max: Math.max(0, ...years.map((y) => y.total ?? 0)) };
}
