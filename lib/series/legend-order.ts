import { OTHER } from '../domain/terms';
import type { SankeySeries } from './sankey-series';

/**
 * The Sankey's suppliers as its legend lists them: largest total first, as the bars' legend does,
 * "Other" last. (Listed by their largest single flow, the whole register's legend put Russia before
 * the Soviet Union and Czechoslovakia before the United Kingdom, unlike the bars beside it.)
 */
export function legendSuppliers(series: SankeySeries): string[] {
  const totals = new Map<string, number>();
  // Every flow passes through exactly one supplier → category link, so these sum each supplier once.
  for (const l of series.links) if (l.target.startsWith('category:')) totals.set(l.supplier, (totals.get(l.supplier) ?? 0) + l.value);
  return [...totals.keys()].sort(
    (a, b) => Number(a === OTHER) - Number(b === OTHER) || totals.get(b)! - totals.get(a)! || a.localeCompare(b),
  );
}
