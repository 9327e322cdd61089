import { aggregate, type FactSource } from '../query/aggregate';
import { STORED_CATEGORIES } from '../domain/types';
import { perRegister } from '../query/per-register';
import type { AggregateQuery } from '../domain/terms';

/**
 * The order in which keys get their colours (see colourMap): for suppliers, the data shown with the
 * view's filters but over all years, largest first, so that moving the year range never recolours
 * the largest; for categories, SIPRI's eleven in their fixed order.
 */
export function paletteOrder(sources: FactSource[], query: Omit<AggregateQuery, 'by'>, stack: 'supplier' | 'category'): string[] {
  if (stack === 'category') return [...STORED_CATEGORIES];
  const allYears = { ...query, filters: { ...query.filters, from: undefined, to: undefined } };
  const order = () =>
    aggregate(sources, { ...allYears, by: ['supplier'] })
      .filter((r) => r.value !== null && r.value > 0)
      .map((r) => String(r.keys.supplier));
  // The same for every year range: kept per register (one-register views, the usual case).
  return sources.length === 1 ? kept(sources[0].deals, JSON.stringify(allYears), order) : order();
}

const kept = perRegister<string[]>(64);
