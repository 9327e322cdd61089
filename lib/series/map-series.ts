import { aggregate, type FactSource } from '../query/aggregate';
import type { AggregateQuery } from '../domain/terms';

/** Which side of the flows the map colours its countries by. */
export type MapSide = 'recipient' | 'supplier';

export type MapFlow = { supplier: string; recipient: string; value: number };

export type MapSeries = {
  side: MapSide;
  /** Each country on that side with its value, largest first (every one, not only the top). */
  values: { name: string; value: number }[];
  /** The sum of every value: what shares are of. */
  total: number;
  /** The largest flows, supplier → recipient, largest first. */
  flows: MapFlow[];
  /** The names on the other side of the flows (the map outlines the historical states among them). */
  otherSide: string[];
};

/** Flows drawn as arcs by default: more make a tangle at world scale. */
export const MAP_ARCS = 20;

/** The map's numbers: values by supplier × recipient over the view's filters and years. */
export function buildMapSeries(sources: FactSource[], query: Omit<AggregateQuery, 'by'>, side: MapSide, arcs: number): MapSeries {
  const rows = aggregate(sources, { ...query, by: ['supplier', 'recipient'] });
  const bySide = new Map<string, number>();
  const flows: MapFlow[] = [];
  const other = new Set<string>();
  for (const r of rows) {
    if (r.value === null) continue;
    const supplier = String(r.keys.supplier);
    const recipient = String(r.keys.recipient);
    const name = side === 'recipient' ? recipient : supplier;
    bySide.set(name, (bySide.get(name) ?? 0) + r.value);
    other.add(side === 'recipient' ? supplier : recipient);
    if (r.value > 0) flows.push({ supplier, recipient, value: r.value });
  }
  const values = [...bySide].map(([name, value]) => ({ name, value })).sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
  flows.sort((a, b) => b.value - a.value || a.supplier.localeCompare(b.supplier) || a.recipient.localeCompare(b.recipient));
  return { side, values, total: values.reduce((s, v) => s + v.value, 0), flows: flows.slice(0, arcs), otherSide: [...other].sort() };
}
