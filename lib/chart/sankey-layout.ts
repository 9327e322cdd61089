// d3-sankey's layout, through visx's re-export (the stack's Sankey package); nothing of React is used.
import { weightedShares } from '../series/shares';
import { sankey } from '@visx/sankey';
import { HAIRLINE, ribbonPath } from './mark-paths';
import type { SankeyLinkDatum, SankeyNodeDatum, SankeySeries } from '../series/sankey-series';
import { OTHER } from '../domain/terms';

export type NodeBox = SankeyNodeDatum & { x0: number; x1: number; y0: number; y1: number; value: number };
/** A link's place: the ends of its band and its thickness, with the band as path data. */
export type LinkBand = { x0: number; x1: number; y0: number; y1: number; width: number; path: string };

export type SankeyExtent = { left: number; top: number; right: number; bottom: number };

/** Supplier key of a link that merges the smaller suppliers of one flow. */
export const SMALLER = '~smaller';

/**
 * A link as drawn, with its band: one of the series' links, or (supplier SMALLER) the merger of a
 * flow's links too thin to see, whose suppliers are its `members` (largest first).
 */
export type LaidLink = SankeyLinkDatum & { members: string[]; band: LinkBand };

type Bundle = { source: string; target: string; value: number; parts: number[] };
type LaidNode = SankeyNodeDatum & { x0?: number; x1?: number; y0?: number; y1?: number; value?: number };

/**
 * Lays out the Sankey of a series inside an extent: boxes for the nodes, and the links with their bands.
 *
 * The series splits each flow by supplier, so one pair of nodes is joined by up to one link per
 * supplier (~700 links on the whole register between ~230 pairs). d3-sankey re-sorts the links of
 * every neighbour of a node each time it moves that node, which made the layout ~25 ms of every
 * filter change. So the parallel links of a pair are laid out as one bundle, and the bundle's band
 * is then cut into its links, largest supplier first, each as thick as its value.
 * Node positions come out as with separate links (d3-sankey keeps a pair's links side by side).
 *
 * Where two or more of a pair's links would be thinner than a hairline, they are drawn as one link
 * (supplier SMALLER, at the bottom of the band, as thick as their sum): the whole register's category →
 * recipient flows had ~590 links under 1 px, each drawn 1 px thick, a tangle no one could read or point
 * at. A lone thin link stays itself. Links keep the series' order; merged links come last.
 */
export function layoutSankey(series: SankeySeries, extent: SankeyExtent): { nodes: NodeBox[]; links: LaidLink[] } {
  const bundles = new Map<string, Bundle>();
  series.links.forEach((l, i) => {
    const key = `${l.source}\u0000${l.target}`;
    const b = bundles.get(key);
    if (b) {
      b.value += l.value;
      b.parts.push(i);
    } else bundles.set(key, { source: l.source, target: l.target, value: l.value, parts: [i] });
  });
  const rank = supplierRank(series.links);
  for (const b of bundles.values())
    b.parts.sort((i, j) => rank.get(series.links[i].supplier)! - rank.get(series.links[j].supplier)! || i - j);

  // d3-sankey mutates its input and replaces link ends by node objects: it gets copies.
  const graph = sankey<LaidNode, Bundle>()
    .nodeId((n) => n.id)
    .nodeWidth(12)
    .nodePadding(14)
    .nodeSort((a, b) => (b.value ?? 0) - (a.value ?? 0))
    .extent([
      [extent.left, extent.top],
      [extent.right, extent.bottom],
    ])({ nodes: series.nodes.map((n) => ({ ...n })), links: [...bundles.values()].map((b) => ({ ...b })) });

  const bands: (LinkBand | null)[] = new Array(series.links.length).fill(null);
  const merged: LaidLink[] = [];
  for (const b of graph.links) {
    const s = b.source as unknown as Required<LaidNode>;
    const t = b.target as unknown as Required<LaidNode>;
    const thickness = b.width ?? 0;
    // Pixels per unit of value: the bundle's thickness shared out by its links' values.
    const k = b.value > 0 ? thickness / b.value : 0;
    const thin = b.parts.filter((i) => series.links[i].value * k < HAIRLINE);
    const merge = thin.length >= 2 ? new Set(thin) : new Set<number>();
    let top0 = (b.y0 ?? 0) - thickness / 2;
    let top1 = (b.y1 ?? 0) - thickness / 2;
    const place = (width: number): LinkBand => {
      const band = { x0: s.x1, x1: t.x0, y0: top0 + width / 2, y1: top1 + width / 2, width };
      top0 += width;
      top1 += width;
      return { ...band, path: ribbonPath(band) };
    };
    for (const i of b.parts) if (!merge.has(i)) bands[i] = place(series.links[i].value * k);
    if (merge.size === 0) continue;
    const parts = [...merge].map((i) => series.links[i]).sort((p, q) => q.value - p.value);
    const value = parts.reduce((sum, l) => sum + l.value, 0);
    merged.push({
      source: s.id,
      target: t.id,
      value,
      supplier: SMALLER,
      shares: weightedShares(parts),
      members: parts.map((l) => l.supplier),
      band: place(value * k),
    });
  }
  const links: LaidLink[] = [];
  series.links.forEach((l, i) => {
    const band = bands[i];
    if (band) links.push({ ...l, members: [], band });
  });
  const nodes = graph.nodes.map((n) => ({ ...n, x0: n.x0 ?? 0, x1: n.x1 ?? 0, y0: n.y0 ?? 0, y1: n.y1 ?? 0, value: n.value ?? 0 }));
  return { nodes, links: [...links, ...merged] };
}

/** Suppliers from the largest to the smallest total, "Other" last. */
function supplierRank(links: SankeyLinkDatum[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const l of links) totals.set(l.supplier, (totals.get(l.supplier) ?? 0) + l.value);
  const order = [...totals.keys()].sort((a, b) => Number(a === OTHER) - Number(b === OTHER) || totals.get(b)! - totals.get(a)!);
  return new Map(order.map((s, i) => [s, i]));
}
