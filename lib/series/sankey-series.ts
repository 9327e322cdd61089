import { aggregateTable, type FactSource } from '../query/aggregate';
import { byValue } from '../query/group-table';
import { rangeSums, type SumTable } from '../query/year-cells';
import { OTHER, type AggregateQuery } from '../domain/terms';
import type { Drill } from '../query/select-deals';
import { shareOf } from '../query/group-table';
import { NO_SHARES, sharesOf, type Parts, type Shares } from './shares';
import { otherLabel, topN } from './top-n';

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
  /** How much of the value rests on estimates and spread values. */
  shares: Shares;
};

/** One group behind the flows, unfolded: what the data table and the downloads list. */
export type SankeyFlow = {
  origin: string;
  supplier: string;
  category: string;
  recipient: string;
  value: number | null;
  estimatedShare: number | null;
  spreadShare: number | null;
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
 * The groups' four names (origin, supplier, category, recipient) as codes into a dictionary per
 * column: ready-made when summed from cells, encoded here when grouped from facts.
 */
function columnCodes(groups: SumTable): { codes: Int32Array[]; names: string[][] } {
  if (groups.codes && groups.names) return { codes: groups.codes, names: groups.names as string[][] };
  const names: string[][] = [];
  const codes = (groups.keys as string[][]).map((column) => {
    const index = new Map<string, number>();
    const dictionary: string[] = [];
    names.push(dictionary);
    const codes = new Int32Array(column.length);
    column.forEach((name, g) => {
      let c = index.get(name);
      if (c === undefined) index.set(name, (c = dictionary.push(name) - 1));
      codes[g] = c;
    });
    return codes;
  });
  return { codes, names };
}

/**
 * Where a node or link comes in the series: at the largest group it draws (ties: the group first
 * seen), then by its place in that group (supplier, category, recipient, origin; the origin's link,
 * then supplier → category, then category → recipient). The same order as walking the groups
 * largest first and making each node and link when first met, without sorting the ~7,000 groups.
 */
type Rank = { value: number; group: number; place: number };

/**
 * Values as ranked: to a millionth, so that sums equal but for their last bits (added in another
 * order: by year, then over years) rank the same and ties keep the order first seen.
 */
const ranked = (v: number) => Math.round(v * 1e6) / 1e6;
const before = (a: Rank, b: Rank) => b.value - a.value || a.group - b.group || a.place - b.place;

/**
 * Flows supplier → category → recipient, or origin → supplier → category → recipient where the data
 * records re-exports. The largest `top` countries per side are kept, the rest grouped as "Other".
 * Returns the chart's series (small, sent to the browser) and the groups behind it, unfolded (see
 * sankeyFlows and sankeyTableSize; the whole register has ~7,000, so they are not turned into flows
 * unless asked). The groups are summed from the register's year cells (see year-cells.ts);
 * `fromCells: false` groups the facts instead, `linkTable: false` finds links through a map even
 * when the nodes are few (tests compare each with the usual way).
 */
export function buildSankeySeries(
  sources: FactSource[],
  query: Omit<AggregateQuery, 'by'>,
  top: number,
  { fromCells = true, linkTable = true }: { fromCells?: boolean; linkTable?: boolean } = {},
): { series: SankeySeries; groups: SumTable } {
  const grouped: AggregateQuery = { ...query, by: ['origin', 'supplier', 'category', 'recipient'] };
  const table: SumTable = fromCells ? rangeSums(sources, grouped) : aggregateTable(sources, grouped);
  // These four dimensions' values are names (only the year is a number).
  const { codes, names } = columnCodes(table);
  const { value } = table;
  // Totals per country on each side, over the groups drawn (NaN, no figure, is not drawn).
  const SIDES = [0, 1, 3] as const;
  const totals = names.map((dictionary) => new Float64Array(dictionary.length).fill(NaN));
  let hasOrigin = false;
  let drawn = 0;
  for (let g = 0; g < table.length; g++) {
    const v = value[g];
    if (!(v > 0)) continue;
    drawn++;
    for (const k of SIDES) {
      const c = codes[k][g];
      totals[k][c] = (Number.isNaN(totals[k][c]) ? 0 : totals[k][c]) + v;
    }
    if (!hasOrigin && names[0][codes[0][g]] !== names[1][codes[1][g]]) hasOrigin = true;
  }
  const foldOf = (k: number) => {
    const byName = new Map<string, number>();
    totals[k].forEach((t, c) => Number.isNaN(t) || byName.set(names[k][c], ranked(t)));
    return topN(byName, top);
  };
  const fold = { origin: foldOf(0), supplier: foldOf(1), recipient: foldOf(3) };
  const nodes: SankeyNodeDatum[] = [];
  const nodeRank: Rank[] = [];
  const nodeIndex = {
    origin: new Map<string, number>(),
    supplier: new Map<string, number>(),
    category: new Map<string, number>(),
    recipient: new Map<string, number>(),
  };
  const node = (side: SankeySide, name: string, place: number): number => {
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
      nodeRank.push({ value: -1, group: 0, place });
    }
    return i;
  };
  // A node per side and code (countries folded into "Other"), found by name once, then by array index.
  const nodesBy = (k: number, name: SankeySide, place: number, keep: (n: string) => string) => {
    const nodeOf = new Int32Array(names[k].length).fill(-1);
    return (code: number) => (nodeOf[code] >= 0 ? nodeOf[code] : (nodeOf[code] = node(name, keep(names[k][code]), place)));
  };
  const originNode = nodesBy(0, 'origin', 3, fold.origin.keep);
  const supplierNode = nodesBy(1, 'supplier', 0, fold.supplier.keep);
  const categoryNode = nodesBy(2, 'category', 1, (n) => n);
  const recipientNode = nodesBy(3, 'recipient', 2, fold.recipient.keep);
  const links: SankeyLinkDatum[] = [];
  const linkRank: Rank[] = [];
  // Links found by their two nodes and supplier: through a table while the nodes are few enough
  // (~50 with ten kept per side), else a map. At most `top + 2` nodes per country side (see topN).
  const most = [0, 1, 3].reduce((n, k) => n + Math.min(names[k].length, top + 2), names[2].length);
  const dense = linkTable && most ** 3 <= 1 << 20 ? new Int32Array(most ** 3).fill(-1) : null;
  const linkIndex = new Map<number, number>();
  const touch = (ranks: Rank[], i: number, v: number, g: number) => {
    // Groups come in order, so the first of equal values keeps its place.
    if (v > ranks[i].value) {
      ranks[i].value = v;
      ranks[i].group = g;
    }
  };
  const linkParts: Parts[] = [];
  const link = (source: number, target: number, supplier: number, place: number, v: number, rank: number, g: number) => {
    // Fewer than 2^16 nodes: the three indices pack exactly into one double.
    const key = dense ? (source * most + target) * most + supplier : (source * 65536 + target) * 65536 + supplier;
    let i = dense ? dense[key] : (linkIndex.get(key) ?? -1);
    if (i < 0) {
      i = links.length;
      if (dense) dense[key] = i;
      else linkIndex.set(key, i);
      links.push({
        source: nodes[source].id,
        target: nodes[target].id,
        value: 0,
        supplier: nodes[supplier].name,
        shares: NO_SHARES,
      });
      linkRank.push({ value: -1, group: 0, place });
      linkParts.push({ value: 0, estimated: 0, spread: 0, spreadFirm: 0 });
    }
    links[i].value += v;
    const p = linkParts[i];
    p.value += v;
    p.estimated += table.estimated[g];
    p.spread += table.spread[g];
    p.spreadFirm += table.spreadFirm[g];
    touch(linkRank, i, rank, g);
  };
  let total = 0;
  for (let g = 0; g < table.length; g++) {
    const v = value[g];
    if (!(v > 0)) continue;
    const rank = ranked(v);
    const s = supplierNode(codes[1][g]);
    const c = categoryNode(codes[2][g]);
    const t = recipientNode(codes[3][g]);
    touch(nodeRank, s, rank, g);
    touch(nodeRank, c, rank, g);
    touch(nodeRank, t, rank, g);
    if (hasOrigin) {
      const o = originNode(codes[0][g]);
      touch(nodeRank, o, rank, g);
      link(o, s, s, 0, v, rank, g);
    }
    link(s, c, s, 1, v, rank, g);
    link(c, t, s, 2, v, rank, g);
    total += v;
  }
  linkParts.forEach((p, i) => p.estimated + p.spread > 0 && (links[i].shares = sharesOf(p)));
  const inOrder = <T>(items: T[], ranks: Rank[]) =>
    items
      .map((_, i) => i)
      .sort((i, j) => before(ranks[i], ranks[j]))
      .map((i) => items[i]);
  const others: SankeySeries['others'] = {};
  for (const s of ['origin', 'supplier', 'recipient'] as const) if (fold[s].others.length) others[s] = fold[s].others;
  return {
    series: {
      nodes: inOrder(nodes, nodeRank),
      links: inOrder(links, linkRank),
      total,
      undrawn: table.length - drawn,
      hasOrigin,
      others,
    },
    groups: table,
  };
}

/** The groups behind the Sankey as flows, largest first: what its data table and downloads list. */
export function sankeyFlows(groups: SumTable): SankeyFlow[] {
  const [origins, suppliers, categories, recipients] = groups.keys;
  return byValue(groups).map((g) => ({
    origin: String(origins[g]),
    supplier: String(suppliers[g]),
    category: String(categories[g]),
    recipient: String(recipients[g]),
    value: Number.isNaN(groups.value[g]) ? null : groups.value[g],
    estimatedShare: shareOf(groups.estimated[g], groups.value[g]),
    spreadShare: shareOf(groups.spread[g], groups.value[g]),
  }));
}

/**
 * How many rows the Sankey's data table has in all: one per group, or, where no group records a
 * re-export, per supplier, category and recipient (the table leaves the origin out then).
 */
export function sankeyTableSize(groups: SumTable, withOrigin: boolean): number {
  if (withOrigin) return groups.length;
  const { codes, names } = columnCodes(groups);
  const [origins, suppliers, categories, recipients] = codes;
  // Each group is a row unless some group's origin is not its supplier (a re-export, merged in).
  let reexports = false;
  for (let g = 0; g < groups.length && !reexports; g++) reexports = names[0][origins[g]] !== names[1][suppliers[g]];
  if (!reexports) return groups.length;
  const [nc, nr] = [names[2].length, names[3].length];
  const rows = new Set<number>();
  for (let g = 0; g < groups.length; g++) rows.add((suppliers[g] * nc + categories[g]) * nr + recipients[g]);
  return rows.size;
}

/** Every country the groups name, as origin, supplier or recipient (each code once, not each group's name). */
export function sankeyCountries(groups: SumTable): Set<string> {
  const { codes, names } = columnCodes(groups);
  const countries = new Set<string>();
  for (const k of [0, 1, 3]) {
    const seen = new Uint8Array(names[k].length);
    for (const c of codes[k]) seen[c] = 1;
    seen.forEach((s, c) => s && countries.add(names[k][c]));
  }
  return countries;
}
