import { aggregate, type AggregateRow, type FactSource } from '../aggregate';
import type { AggregateQuery } from '../query';
import { OTHER, type Drill } from '../view-params';
import { addTo, otherLabel, topN } from './top-n';

export type SankeySide = 'origin' | 'supplier' | 'category' | 'recipient';

export type SankeyNodeDatum = {
  /** Side-prefixed, so a country that both supplies and receives gets two nodes and no cycle. */
  id: string;
  side: SankeySide;
  name: string;
  label: string;
  /** Countries folded into an "Other" node. */
  members: string[];
  drill: Drill;
};

export type SankeyLinkDatum = {
  source: string;
  target: string;
  value: number;
  /** Colour key: links are split by supplier all the way to the recipient. */
  supplier: string;
  estimated: boolean;
  spread: boolean;
};

/** One group behind the flows, unfolded: what the data table and the downloads list. */
export type SankeyFlow = {
  origin: string;
  supplier: string;
  category: string;
  recipient: string;
  value: number | null;
  estimated: boolean;
  spread: boolean;
};

export type SankeySeries = {
  nodes: SankeyNodeDatum[];
  links: SankeyLinkDatum[];
  total: number;
  /** Groups whose measure is unknown (e.g. rows without numbers): counted, not drawn. */
  undrawn: number;
  hasOrigin: boolean;
  others: Partial<Record<'origin' | 'supplier' | 'recipient', string[]>>;
};

/**
 * Flows supplier → category → recipient, or origin → supplier → category → recipient where the data
 * records re-exports. The largest `top` countries per side are kept, the rest grouped as "Other".
 * Returns the chart's series (small, sent to the browser) and the groups behind it, unfolded (see
 * sankeyFlows and sankeyTableSize; the whole register has ~20,000, so they are not turned into flows
 * unless asked).
 */
export function buildSankeySeries(
  sources: FactSource[],
  query: Omit<AggregateQuery, 'by'>,
  top: number,
): { series: SankeySeries; groups: AggregateRow[] } {
  const rows = aggregate(sources, { ...query, by: ['origin', 'supplier', 'category', 'recipient'] });
  const drawn = rows.filter((r) => r.value !== null && r.value > 0);
  const hasOrigin = drawn.some((r) => r.keys.origin !== r.keys.supplier);
  const totals = { origin: new Map<string, number>(), supplier: new Map<string, number>(), recipient: new Map<string, number>() };
  for (const r of drawn) {
    addTo(totals.origin, String(r.keys.origin), r.value!);
    addTo(totals.supplier, String(r.keys.supplier), r.value!);
    addTo(totals.recipient, String(r.keys.recipient), r.value!);
  }
  const fold = { origin: topN(totals.origin, top), supplier: topN(totals.supplier, top), recipient: topN(totals.recipient, top) };
  // Nodes and links are found by small integers, not by strings built per row: the whole register
  // aggregates to ~20,000 rows, each touching four nodes and three links.
  const nodes: SankeyNodeDatum[] = [];
  const nodeIndex = {
    origin: new Map<string, number>(),
    supplier: new Map<string, number>(),
    category: new Map<string, number>(),
    recipient: new Map<string, number>(),
  };
  const node = (side: SankeySide, name: string): number => {
    let i = nodeIndex[side].get(name);
    if (i === undefined) {
      i = nodes.length;
      nodeIndex[side].set(name, i);
      const members = name === OTHER && side !== 'category' ? fold[side].others : [];
      nodes.push({
        id: `${side}:${name}`,
        side,
        name,
        label: name === OTHER ? otherLabel(members.length) : name,
        members,
        drill: { [side]: name },
      });
    }
    return i;
  };
  const links = new Map<number, SankeyLinkDatum>();
  const link = (source: number, target: number, supplierNode: number, value: number, flags: { estimated: boolean; spread: boolean }) => {
    // Fewer than 2^16 nodes: the three indices pack exactly into one double.
    const key = (source * 65536 + target) * 65536 + supplierNode;
    const l = links.get(key);
    if (l) {
      l.value += value;
      l.estimated ||= flags.estimated;
      l.spread ||= flags.spread;
    } else
      links.set(key, {
        source: nodes[source].id,
        target: nodes[target].id,
        value,
        supplier: nodes[supplierNode].name,
        estimated: flags.estimated,
        spread: flags.spread,
      });
  };
  let total = 0;
  for (const r of drawn) {
    const origin = fold.origin.keep(String(r.keys.origin));
    const supplier = fold.supplier.keep(String(r.keys.supplier));
    const recipient = fold.recipient.keep(String(r.keys.recipient));
    const category = String(r.keys.category);
    const s = node('supplier', supplier);
    const c = node('category', category);
    const t = node('recipient', recipient);
    if (hasOrigin) link(node('origin', origin), s, s, r.value!, r);
    link(s, c, s, r.value!, r);
    link(c, t, s, r.value!, r);
    total += r.value!;
  }
  const others: SankeySeries['others'] = {};
  for (const side of ['origin', 'supplier', 'recipient'] as const) if (fold[side].others.length) others[side] = fold[side].others;
  return {
    series: { nodes, links: [...links.values()], total, undrawn: rows.length - drawn.length, hasOrigin, others },
    groups: rows,
  };
}

/** The groups behind the Sankey as flows: what its data table and downloads list. */
export function sankeyFlows(groups: AggregateRow[]): SankeyFlow[] {
  return groups.map((r) => ({
    origin: String(r.keys.origin),
    supplier: String(r.keys.supplier),
    category: String(r.keys.category),
    recipient: String(r.keys.recipient),
    value: r.value,
    estimated: r.estimated,
    spread: r.spread,
  }));
}

/**
 * How many rows the Sankey's data table has in all: one per group, or, where no group records a
 * re-export, per supplier, category and recipient (the table leaves the origin out then).
 */
export function sankeyTableSize(groups: AggregateRow[], withOrigin: boolean): number {
  if (withOrigin || groups.every((r) => r.keys.origin === r.keys.supplier)) return groups.length;
  return new Set(groups.map((r) => `${r.keys.supplier}\u0000${r.keys.category}\u0000${r.keys.recipient}`)).size;
}

/** Every country the groups name, as origin, supplier or recipient. */
export function sankeyCountries(groups: AggregateRow[]): Set<string> {
  const names = new Set<string>();
  for (const r of groups) {
    names.add(String(r.keys.origin));
    names.add(String(r.keys.supplier));
    names.add(String(r.keys.recipient));
  }
  return names;
}
