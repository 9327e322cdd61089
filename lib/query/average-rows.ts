import type { AggregateRow } from './group-table';

/** SIPRI's fact sheets smooth yearly TIV over five years: each year averages it and the four before. */
export const AVERAGE_YEARS = 5;

/** The first year whose deliveries a moving average of years from `from` needs. */
export const averageStart = (from: number) => from - (AVERAGE_YEARS - 1);

/** The years a year's average spans: it and the four before, but none before the data's first year. */
export function averageWindow(year: number, firstDataYear: number): [number, number] {
  return [Math.max(year - AVERAGE_YEARS + 1, Math.min(firstDataYear, year)), year];
}

const weighted = (parts: AggregateRow[], share: 'estimatedShare' | 'spreadShare' | 'spreadFirmShare'): number | null => {
  let sum = 0;
  let weight = 0;
  for (const r of parts) {
    if (r[share] === null || r.value === null) return null;
    sum += r[share]! * r.value;
    weight += r.value;
  }
  return weight > 0 ? sum / weight : 0;
};

/**
 * Rows grouped by year (and other keys) over [averageStart(from), to] → the same groups for the
 * years [from, to], each the mean of its window (a year without the group counts as zero; years
 * before the data's first year are no part of the window). Shares are weighted by value; `deals`
 * and `missing` add up over the window (a deal delivered in two of its years counts twice).
 */
export function averagedRows(rows: AggregateRow[], from: number, to: number, firstDataYear: number): AggregateRow[] {
  const groups = new Map<string, { keys: AggregateRow['keys']; byYear: Map<number, AggregateRow> }>();
  for (const r of rows) {
    const { year, ...rest } = r.keys;
    const id = JSON.stringify(rest);
    const g = groups.get(id) ?? { keys: rest, byYear: new Map<number, AggregateRow>() };
    g.byYear.set(Number(year), r);
    groups.set(id, g);
  }
  const out: AggregateRow[] = [];
  for (const { keys, byYear } of groups.values()) {
    for (let year = from; year <= to; year++) {
      const [start, end] = averageWindow(year, firstDataYear);
      const window: AggregateRow[] = [];
      for (let y = start; y <= end; y++) {
        const r = byYear.get(y);
        if (r) window.push(r);
      }
      if (window.length === 0) continue;
      const known = window.filter((r) => r.value !== null);
      out.push({
        keys: { ...keys, year },
        value: known.length ? known.reduce((s, r) => s + r.value!, 0) / (end - start + 1) : null,
        deals: window.reduce((s, r) => s + r.deals, 0),
        missing: window.reduce((s, r) => s + r.missing, 0),
        estimated: window.some((r) => r.estimated),
        spread: window.some((r) => r.spread),
        mixedCategories: window.some((r) => r.mixedCategories),
        estimatedShare: known.length ? weighted(known, 'estimatedShare') : null,
        spreadShare: known.length ? weighted(known, 'spreadShare') : null,
        spreadFirmShare: known.length ? weighted(known, 'spreadFirmShare') : null,
      });
    }
  }
  return out.sort((a, b) => Number(a.keys.year) - Number(b.keys.year) || (b.value ?? -1) - (a.value ?? -1));
}
