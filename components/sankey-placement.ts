import { sharesClause, weightedShares } from '@/lib/series/shares';
import { SMALLER_COLOR } from '@/lib/domain/colors';
import { formatShare, formatValue, MEASURE_SHORT, smallerSuppliers } from '@/lib/domain/format';
import { layoutSankey, SMALLER } from '@/lib/chart/sankey-layout';
import { linkDrill } from '@/lib/series/sankey-drill';
import type { SankeySeries } from '@/lib/series/sankey-series';
import { unpackSankey, type PackedSankey } from '@/lib/series/transport';
import { OTHER, type Measure } from '@/lib/domain/terms';
import type { PlacedLink, PlacedNode } from './SankeyMarks';

type LaidLinks = ReturnType<typeof layoutSankey>['links'];

/** Where the Sankey's marks go in its box: the layout, labels and keys of a series, kept per payload. */

const MARGIN = { top: 8, right: 8, bottom: 8, left: 8 };
/** The chart keeps this width on a phone and scrolls inside its box. */
export const MIN_WIDTH = 640;

/**
 * Room for the labels beside the outer columns ("name value" at 12 px, about 6.5 px a character),
 * from each node's value as the layout will find it (the larger of its flows in and out).
 */
function labelRoom(series: SankeySeries, side: 'first' | 'last', width: number, measure: Measure): number {
  const first = series.hasOrigin ? 'origin' : 'supplier';
  const flows = new Map<string, { in: number; out: number }>();
  const at = (id: string) => flows.get(id) ?? flows.set(id, { in: 0, out: 0 }).get(id)!;
  for (const l of series.links) {
    at(l.source).out += l.value;
    at(l.target).in += l.value;
  }
  const nodes = series.nodes.filter((n) => n.side === (side === 'first' ? first : 'recipient'));
  const chars = Math.max(
    8,
    ...nodes.map((n) => {
      const f = at(n.id);
      return n.label.length + 1 + formatValue(Math.max(f.in, f.out), measure).length;
    }),
  );
  const perChar = width < 600 ? 5.5 : 6.5;
  // At most a third of the width each (on a phone the chart keeps 640 px: "Other (244 countries) 1,376,219" needs ~210).
  return Math.min(width * 0.34, chars * perChar + 10);
}

type Placed = { nodes: PlacedNode[]; links: PlacedLink[] };

/** The marks of a series laid out in a box: nodes and links placed, labelled and keyed. */
function placeMarks(
  series: SankeySeries,
  width: number,
  height: number,
  measure: Measure,
  colours: Record<string, string>,
  measured: boolean,
): Placed {
  // d3-sankey cannot lay out an empty graph (it sizes an array by the deepest node).
  if (series.links.length === 0 || !measured) return { nodes: [] as PlacedNode[], links: [] as PlacedLink[] };
  const g = layoutSankey(series, {
    left: MARGIN.left + labelRoom(series, 'first', width, measure),
    top: MARGIN.top,
    right: width - MARGIN.right - labelRoom(series, 'last', width, measure),
    bottom: height - MARGIN.bottom,
  });
  const unit = MEASURE_SHORT[measure];
  // A node's shares are those of the links reaching it (of those leaving it, in the first column).
  const reaching = new Map<string, LaidLinks>();
  const leaving = new Map<string, LaidLinks>();
  for (const l of g.links) {
    (reaching.get(l.target) ?? reaching.set(l.target, []).get(l.target)!).push(l);
    (leaving.get(l.source) ?? leaving.set(l.source, []).get(l.source)!).push(l);
  }
  const nodes: PlacedNode[] = g.nodes.map((n) => {
    const valueText = `${formatValue(n.value, measure)}`;
    const shares = weightedShares(reaching.get(n.id) ?? leaving.get(n.id) ?? []);
    return {
      ...n,
      shares,
      valueText,
      text: `${n.label}: ${valueText} ${unit} (${formatShare(n.value, series.total)} of total)${sharesClause(shares)}`,
    };
  });
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const links: PlacedLink[] = g.links.map(({ band, ...l }) => {
    const s = byId.get(l.source)!;
    const t = byId.get(l.target)!;
    const merged = l.supplier === SMALLER;
    const who = merged
      ? `, ${smallerSuppliers(l.members.map((m) => (m === OTHER ? 'other suppliers' : m)))}`
      : l.supplier !== s.name
        ? `, supplier ${l.supplier}`
        : '';
    const text = `${s.label} → ${t.label}: ${formatValue(l.value, measure)} ${unit} (${formatShare(l.value, series.total)} of total)${who}${sharesClause(l.shares)}`;
    // Keyed by what the link joins, not its position: after a filter change React then rewrites
    // only the links that moved, not every link after the first one added or removed.
    const key = `${l.source}>${l.target}>${l.supplier}`;
    const colour = merged ? SMALLER_COLOR : colours[l.supplier];
    return { ...l, key, drill: linkDrill(l), path: band.path, band, width: band.width, colour, text };
  });
  // In the order of their keys, not of their values: a filter change reorders the values, and React
  // would move a hundred paths in the document to follow (each move restyles them).
  links.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { nodes, links };
}

/**
 * The placed marks of each payload's series, kept beside React's memo: React now and then restarts a
 * navigation's render (its payload arrives in pieces), and a restarted render starts without the
 * memo, laying the same series out again (~5 ms on the whole register, up to three more times in
 * one navigation). Keyed by the payload, which is one object per answer from the server.
 */
const placedFor = new WeakMap<PackedSankey, { deps: unknown[]; placed: Placed }>();

export function placedMarks(
  packed: PackedSankey,
  series: SankeySeries,
  ...deps: [number, number, Measure, Record<string, string>, boolean]
): Placed {
  const known = placedFor.get(packed);
  if (known && known.deps.every((d, i) => d === deps[i])) return known.placed;
  const placed = placeMarks(series, ...deps);
  placedFor.set(packed, { deps, placed });
  return placed;
}

/** Each payload's series, unpacked once (see placedFor). */
const seriesFor = new WeakMap<PackedSankey, SankeySeries>();
export const seriesOf = (packed: PackedSankey) => seriesFor.get(packed) ?? seriesFor.set(packed, unpackSankey(packed)).get(packed)!;
