import type { DealTable } from '../store/deal-table';
import type { Facts } from '../store/facts';

export type Overlap = {
  a: string;
  b: string;
  /** The two datasets' ids, for a link holding them against each other. */
  aId: string;
  bId: string;
  pairs: number;
  example: string;
  /** The example's supplier and recipient. */
  supplier: string;
  recipient: string;
};

/**
 * Datasets from different sources that record the same supplier → recipient in the same year may
 * count the same deliveries twice when combined: find such pairs so that the page can say so.
 */
export function findOverlaps(sets: { id: string; name: string; deals: DealTable; deliveries: Facts }[]): Overlap[] {
  // One dataset cannot overlap another: skip keying its deliveries (60,000 strings for SIPRI's register).
  if (sets.length < 2) return [];
  const keysOf = ({ deals, deliveries }: { deals: DealTable; deliveries: Facts }) => {
    const keys = new Set<string>();
    for (let i = 0; i < deliveries.length; i++) {
      const d = deliveries.deal[i];
      keys.add(`${deals.text(d, 'supplier')} → ${deals.text(d, 'recipient')} in ${deliveries.year[i]}`);
    }
    return keys;
  };
  const keyed = sets.map((s) => ({ id: s.id, name: s.name, keys: keysOf(s) }));
  const out: Overlap[] = [];
  for (let i = 0; i < keyed.length; i++) {
    for (let j = i + 1; j < keyed.length; j++) {
      const shared = [...keyed[i].keys].filter((k) => keyed[j].keys.has(k));
      if (shared.length === 0) continue;
      const example = shared.sort()[0];
      const [supplier, rest] = example.split(' → ');
      const recipient = rest.replace(/ in \d+$/, '');
      out.push({
        a: keyed[i].name,
        b: keyed[j].name,
        aId: keyed[i].id,
        bId: keyed[j].id,
        pairs: shared.length,
        example,
        supplier,
        recipient,
      });
    }
  }
  return out;
}
