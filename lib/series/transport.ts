import type { BarCell, BarSeries, BarYear } from './bar-series';
import type { SankeyLinkDatum, SankeyNodeDatum, SankeySeries, SankeySide } from './sankey-series';
import { packShares, unpackShares } from './shares';

/**
 * The chart series as they cross from the server to the browser: numbers in flat arrays and names
 * once, where the series repeat them in every object (each Sankey link named its two ends and its
 * supplier in full; each node its id, name, label and drill-down). On the whole register the Sankey's
 * props were ~105 KB and the bars' ~68 KB of a ~190 KB page payload, sent again on every filter
 * change. `pack*` runs on the server, `unpack*` in the chart, and the two are exact inverses.
 */

const SIDES: SankeySide[] = ['origin', 'supplier', 'category', 'recipient'];

/** A node: its side (index into SIDES), name, label when it differs, and folded members when any. */
type PackedNode = [number, string] | [number, string, string] | [number, string, string, string[]];

export type PackedSankey = {
  nodes: PackedNode[];
  /** Supplier names of the links, each once. */
  suppliers: string[];
  /** Per link: source node, target node, supplier, value, and its estimated, spread and spread-firm shares in thousandths. */
  links: number[];
  total: number;
  undrawn: number;
  hasOrigin: boolean;
  others: SankeySeries['others'];
};

export function packSankey(series: SankeySeries): PackedSankey {
  const nodeIndex = new Map(series.nodes.map((n, i) => [n.id, i]));
  const suppliers: string[] = [];
  const supplierIndex = new Map<string, number>();
  const links: number[] = [];
  for (const l of series.links) {
    let s = supplierIndex.get(l.supplier);
    if (s === undefined) {
      s = suppliers.push(l.supplier) - 1;
      supplierIndex.set(l.supplier, s);
    }
    links.push(nodeIndex.get(l.source)!, nodeIndex.get(l.target)!, s, l.value, ...packShares(l.shares));
  }
  const nodes = series.nodes.map((n): PackedNode => {
    const side = SIDES.indexOf(n.side);
    if (n.members.length > 0) return [side, n.name, n.label, n.members];
    return n.label === n.name ? [side, n.name] : [side, n.name, n.label];
  });
  return { nodes, suppliers, links, total: series.total, undrawn: series.undrawn, hasOrigin: series.hasOrigin, others: series.others };
}

const LINK = 7;
const CELL = 7;

export function unpackSankey(p: PackedSankey): SankeySeries {
  const nodes: SankeyNodeDatum[] = p.nodes.map(([side, name, label, members]) => ({
    id: `${SIDES[side]}:${name}`,
    side: SIDES[side],
    name,
    label: label ?? name,
    members: members ?? [],
    drill: { [SIDES[side]]: name },
  }));
  const links: SankeyLinkDatum[] = [];
  for (let i = 0; i < p.links.length; i += LINK) {
    links.push({
      source: nodes[p.links[i]].id,
      target: nodes[p.links[i + 1]].id,
      value: p.links[i + 3],
      supplier: p.suppliers[p.links[i + 2]],
      shares: unpackShares(p.links[i + 4], p.links[i + 5], p.links[i + 6]),
    });
  }
  return { nodes, links, total: p.total, undrawn: p.undrawn, hasOrigin: p.hasOrigin, others: p.others };
}

export type PackedBars = {
  /** Per year: year, total (null: deliveries, none with a number), whether it has facts (1/0). */
  years: (number | null)[];
  keys: string[];
  /** Labels that differ from their key ("Other (6 countries)"). */
  labels: Record<string, string>;
  /** Per cell: year's index, key's index, value (null: no number), deals, and its shares in thousandths (see links). */
  cells: (number | null)[];
  others: string[];
  max: number;
};

export function packBars(series: BarSeries): PackedBars {
  const keyIndex = new Map(series.keys.map((k, i) => [k, i]));
  const years: (number | null)[] = [];
  const cells: (number | null)[] = [];
  series.years.forEach((y, yi) => {
    years.push(y.year, y.total, y.hasFacts ? 1 : 0);
    for (const [key, c] of Object.entries(y.cells)) cells.push(yi, keyIndex.get(key)!, c.value, c.deals, ...packShares(c.shares));
  });
  const labels = Object.fromEntries(Object.entries(series.labels).filter(([k, v]) => k !== v));
  return { years, keys: series.keys, labels, cells, others: series.others, max: series.max };
}

export function unpackBars(p: PackedBars): BarSeries {
  const years: BarYear[] = [];
  for (let i = 0; i < p.years.length; i += 3)
    years.push({ year: p.years[i]!, total: p.years[i + 1], hasFacts: p.years[i + 2] === 1, cells: {} });
  for (let i = 0; i < p.cells.length; i += CELL) {
    const c = p.cells as number[];
    const cell: BarCell = { value: p.cells[i + 2], deals: c[i + 3], shares: unpackShares(c[i + 4], c[i + 5], c[i + 6]) };
    years[p.cells[i]!].cells[p.keys[p.cells[i + 1]!]] = cell;
  }
  const labels = Object.fromEntries(p.keys.map((k) => [k, p.labels[k] ?? k]));
  return { years, keys: p.keys, labels, others: p.others, max: p.max };
}
