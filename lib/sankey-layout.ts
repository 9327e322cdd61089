// d3-sankey's layout, through visx's re-export (the stack's Sankey package); nothing of React is used.
import { sankey } from '@visx/sankey';
import { ribbonPath } from './mark-paths';
import type { SankeyLinkDatum, SankeyNodeDatum, SankeySeries } from './series/sankey-series';
import { OTHER } from './view-params';

export type NodeBox = SankeyNodeDatum & { x0: number; x1: number; y0: number; y1: number; value: number };
/** A link's place: the ends of its band and its thickness, with the band as path data. */
export type LinkBand = { x0: number; x1: number; y0: number; y1: number; width: number; path: string };

export type SankeyExtent = { left: number; top: number; right: number; bottom: number };

type Bundle = { source: string; target: string; value: number; parts: number[] };
type LaidNode = SankeyNodeDatum & { x0?: number; x1?: number; y0?: number; y1?: number; value?: number };

/**
 * Lays out the Sankey of a series inside an extent: boxes for the nodes, and for every link (in the
 * series' order) its band.
 *
 * The series splits each flow by supplier, so one pair of nodes is joined by up to one link per
 * supplier (~700 links on the whole register between ~230 pairs). d3-sankey re-sorts the links of
 * every neighbour of a node each time it moves that node, which made the layout ~25 ms of every
 * filter change. So the parallel links of a pair are laid out as one bundle, and the bundle's band
 * is then cut into its links, largest supplier first, each as thick as its value.
 * Node positions come out as with separate links (d3-sankey keeps a pair's links side by side).
 */
export function layoutSankey(series: SankeySeries, extent: SankeyExtent): { nodes: NodeBox[]; bands: LinkBand[] } {
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
  for (const b of bundles.values()) b.parts.sort((i, j) => rank.get(series.links[i].supplier)! - rank.get(series.links[j].supplier)! || i - j);

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

  const bands: LinkBand[] = new Array(series.links.length);
  for (const b of graph.links) {
    const s = b.source as unknown as Required<LaidNode>;
    const t = b.target as unknown as Required<LaidNode>;
    const thickness = b.width ?? 0;
    // Pixels per unit of value: the bundle's thickness shared out by its links' values.
    const k = b.value > 0 ? thickness / b.value : 0;
    let top0 = (b.y0 ?? 0) - thickness / 2;
    let top1 = (b.y1 ?? 0) - thickness / 2;
    for (const i of b.parts) {
      const width = series.links[i].value * k;
      const band = { x0: s.x1, x1: t.x0, y0: top0 + width / 2, y1: top1 + width / 2, width };
      bands[i] = { ...band, path: ribbonPath(band) };
      top0 += width;
      top1 += width;
    }
  }
  const nodes = graph.nodes.map((n) => ({ ...n, x0: n.x0 ?? 0, x1: n.x1 ?? 0, y0: n.y0 ?? 0, y1: n.y1 ?? 0, value: n.value ?? 0 }));
  return { nodes, bands };
}

/** Suppliers from the largest to the smallest total, "Other" last. */
function supplierRank(links: SankeyLinkDatum[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const l of links) totals.set(l.supplier, (totals.get(l.supplier) ?? 0) + l.value);
  const order = [...totals.keys()].sort((a, b) => Number(a === OTHER) - Number(b === OTHER) || totals.get(b)! - totals.get(a)!);
  return new Map(order.map((s, i) => [s, i]));
}
