import { aggregateTable, type FactSource } from '../aggregate';
import { byValue, type GroupTable } from '../group-table';
import { ESTIMATED, SPREAD } from '../facts';
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
 * sankeyFlows and sankeyTableSize; the whole register has ~7,000, so they are not turned into flows
 * unless asked).
 */
export function buildSankeySeries(
  sources: FactSource[],
  query: Omit<AggregateQuery, 'by'>,
  top: number,
): { series: SankeySeries; groups: GroupTable } {
  const table = aggregateTable(sources, { ...query, by: ['origin', 'supplier', 'category', 'recipient'] });
  // These four dimensions' values are names (only the year is a number).
  const [origins, suppliers, categories, recipients] = table.keys as string[][];
  // Largest first (the order nodes and links are made in); NaN (no figure) is not drawn.
  const drawn = byValue(table).filter((g) => table.value[g] > 0);
  const hasOrigin = drawn.some((g) => origins[g] !== suppliers[g]);
  const totals = { origin: new Map<string, number>(), supplier: new Map<string, number>(), recipient: new Map<string, number>() };
  for (const g of drawn) {
    addTo(totals.origin, origins[g], table.value[g]);
    addTo(totals.supplier, suppliers[g], table.value[g]);
    addTo(totals.recipient, recipients[g], table.value[g]);
  }
  const fold = { origin: topN(totals.origin, top), supplier: topN(totals.supplier, top), recipient: topN(totals.recipient, top) };
  // Nodes and links are found by small integers, not by strings built per group: the whole register
  // has ~7,000 groups, each touching four nodes and three links. A country's node is looked up once
  // per side and name (folding included), then by name only.
  const nodes: SankeyNodeDatum[] = [];
  const nodeIndex = {
    origin: new Map<string, number>(),
    supplier: new Map<string, number>(),
    category: new Map<string, number>(),
    recipient: new Map<string, number>(),
  };
  const byName = { origin: new Map<string, number>(), supplier: new Map<string, number>(), recipient: new Map<string, number>() };
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
  const country = (side: 'origin' | 'supplier' | 'recipient', name: string): number => {
    let i = byName[side].get(name);
    if (i === undefined) byName[side].set(name, (i = node(side, fold[side].keep(name))));
    return i;
  };
  const links = new Map<number, SankeyLinkDatum>();
  const link = (source: number, target: number, supplierNode: number, value: number, estimated: boolean, spread: boolean) => {
    // Fewer than 2^16 nodes: the three indices pack exactly into one double.
    const key = (source * 65536 + target) * 65536 + supplierNode;
    const l = links.get(key);
    if (l) {
      l.value += value;
      l.estimated ||= estimated;
      l.spread ||= spread;
    } else
      links.set(key, {
        source: nodes[source].id,
        target: nodes[target].id,
        value,
        supplier: nodes[supplierNode].name,
        estimated,
        spread,
      });
  };
  let total = 0;
  for (const g of drawn) {
    const value = table.value[g];
    const estimated = (table.flags[g] & ESTIMATED) !== 0;
    const spread = (table.flags[g] & SPREAD) !== 0;
    const s = country('supplier', suppliers[g]);
    const c = node('category', categories[g]);
    const t = country('recipient', recipients[g]);
    if (hasOrigin) link(country('origin', origins[g]), s, s, value, estimated, spread);
    link(s, c, s, value, estimated, spread);
    link(c, t, s, value, estimated, spread);
    total += value;
  }
  const others: SankeySeries['others'] = {};
  for (const side of ['origin', 'supplier', 'recipient'] as const) if (fold[side].others.length) others[side] = fold[side].others;
  return {
    series: { nodes, links: [...links.values()], total, undrawn: table.length - drawn.length, hasOrigin, others },
    groups: table,
  };
}

/** The groups behind the Sankey as flows, largest first: what its data table and downloads list. */
export function sankeyFlows(groups: GroupTable): SankeyFlow[] {
  const [origins, suppliers, categories, recipients] = groups.keys;
  return byValue(groups).map((g) => ({
    origin: String(origins[g]),
    supplier: String(suppliers[g]),
    category: String(categories[g]),
    recipient: String(recipients[g]),
    value: Number.isNaN(groups.value[g]) ? null : groups.value[g],
    estimated: (groups.flags[g] & ESTIMATED) !== 0,
    spread: (groups.flags[g] & SPREAD) !== 0,
  }));
}

/**
 * How many rows the Sankey's data table has in all: one per group, or, where no group records a
 * re-export, per supplier, category and recipient (the table leaves the origin out then).
 */
export function sankeyTableSize(groups: GroupTable, withOrigin: boolean): number {
  const [origins, suppliers, categories, recipients] = groups.keys;
  if (withOrigin || origins.every((o, g) => o === suppliers[g])) return groups.length;
  return new Set(suppliers.map((s, g) => `${s}\u0000${categories[g]}\u0000${recipients[g]}`)).size;
}

/** Every country the groups name, as origin, supplier or recipient. */
export function sankeyCountries(groups: GroupTable): Set<string> {
  const names = new Set<string>();
  for (const column of [groups.keys[0], groups.keys[1], groups.keys[3]]) for (const name of column) names.add(String(name));
  return names;
}
