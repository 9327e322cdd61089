import type { Delivery } from './domain';

export type Overlap = { a: string; b: string; pairs: number; example: string };

/**
 * Datasets from different sources that record the same supplier → recipient in the same year may
 * count the same deliveries twice when combined: find such pairs so that the page can say so.
 */
export function findOverlaps(sets: { name: string; deliveries: Delivery[] }[]): Overlap[] {
  // One dataset cannot overlap another: skip keying its deliveries (60,000 strings for SIPRI's register).
  if (sets.length < 2) return [];
  const keysOf = (deliveries: Delivery[]) => new Set(deliveries.map((d) => `${d.supplier} → ${d.recipient} in ${d.year}`));
  const keyed = sets.map((s) => ({ name: s.name, keys: keysOf(s.deliveries) }));
  const out: Overlap[] = [];
  for (let i = 0; i < keyed.length; i++) {
    for (let j = i + 1; j < keyed.length; j++) {
      const shared = [...keyed[i].keys].filter((k) => keyed[j].keys.has(k));
      if (shared.length > 0) out.push({ a: keyed[i].name, b: keyed[j].name, pairs: shared.length, example: shared.sort()[0] });
    }
  }
  return out;
}
