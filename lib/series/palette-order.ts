import { aggregate, type FactSource } from '../aggregate';
import { CATEGORIES, type Deal } from '../domain';
import type { AggregateQuery } from '../query';

/**
 * The order in which keys get their colours (see colourMap): for suppliers, the data shown with the
 * view's filters but over all years, largest first, so that moving the year range never recolours
 * the largest; for categories, SIPRI's eleven in their fixed order.
 */
export function paletteOrder(sources: FactSource[], query: Omit<AggregateQuery, 'by'>, stack: 'supplier' | 'category'): string[] {
  if (stack === 'category') return [...CATEGORIES];
  const allYears = { ...query, filters: { ...query.filters, from: undefined, to: undefined } };
  // The same for every year range: kept per register (one-register views, the usual case).
  const cache =
    sources.length === 1 ? (cached.get(sources[0].deals) ?? cached.set(sources[0].deals, new Map()).get(sources[0].deals)!) : null;
  const key = JSON.stringify(allYears);
  const known = cache?.get(key);
  if (known) return known;
  const order = aggregate(sources, { ...allYears, by: ['supplier'] })
    .filter((r) => r.value !== null && r.value > 0)
    .map((r) => String(r.keys.supplier));
  if (cache) {
    if (cache.size >= 64) cache.delete(cache.keys().next().value!);
    cache.set(key, order);
  }
  return order;
}

const cached = new WeakMap<Deal[], Map<string, string[]>>();
