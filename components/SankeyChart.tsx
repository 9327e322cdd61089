'use client';

import { SMALLER_COLOR, SMALLER_LEGEND, supplierLabel } from '@/lib/colors';
import { countOf, formatShare, formatValue, MEASURE_SHORT, smallerSuppliers } from '@/lib/format';
import type { Measure } from '@/lib/query';
import { highlightedLinks } from '@/lib/sankey-highlight';
import { layoutSankey, SMALLER } from '@/lib/sankey-layout';
import { legendSuppliers } from '@/lib/series/legend-order';
import { linkDrill } from '@/lib/series/sankey-drill';
import type { SankeySeries } from '@/lib/series/sankey-series';
import { unpackSankey, type PackedSankey } from '@/lib/series/transport';
import { OTHER, type Drill } from '@/lib/view-params';
import { useMemo, useRef, useState } from 'react';
import { HatchPattern } from './HatchPattern';
import { SankeyMarks, type PlacedLink, type PlacedNode } from './SankeyMarks';
import { LegendKey } from './LegendKey';
import { Tooltip } from './Tooltip';
import { drillPatch, useViewUrl } from './use-view-url';
import { useTabStop } from './use-tab-stop';
import { useWidth } from './use-width';

export type SankeyChartProps = {
  /** Nodes and links from the server, packed for the trip (lib/series/transport.ts). */
  packed: PackedSankey;
  /** Each supplier's colour (the page's one map, see colourMap). */
  colours: Record<string, string>;
  /** The measure drawn, for labels. */
  measure: Measure;
  /** The drill-down shown now (its mark stays highlighted). */
  pinned: Drill | null;
};

const MARGIN = { top: 8, right: 8, bottom: 8, left: 8 };
const MIN_WIDTH = 640;

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

/** Sankey of flows, with hover highlight, tooltip, keyboard focus and click-to-drill. */
export function SankeyChart({ packed, colours, measure, pinned }: SankeyChartProps) {
  const series = useMemo(() => unpackSankey(packed), [packed]);
  const { ref, width: boxWidth, measured } = useWidth<HTMLDivElement>(960);
  const suppliers = useMemo(() => legendSuppliers(series), [series]);
  // Four columns with labels need room: on a phone the chart keeps 640 px and scrolls inside its box.
  const width = Math.max(boxWidth, MIN_WIDTH);
  const box = useRef<HTMLDivElement>(null);
  const { update } = useViewUrl();
  const [hover, setHover] = useState<{ kind: 'node' | 'link'; id: string; x: number; y: number } | null>(null);
  const columns = Math.max(
    1,
    ...['origin', 'supplier', 'category', 'recipient'].map((s) => series.nodes.filter((n) => n.side === s).length),
  );
  const height = Math.max(260, Math.min(1100, columns * 34 + 40));
  const { nodes, links } = useMemo(() => {
    // d3-sankey cannot lay out an empty graph (it sizes an array by the deepest node).
    if (series.links.length === 0 || !measured) return { nodes: [] as PlacedNode[], links: [] as PlacedLink[] };
    const g = layoutSankey(series, {
      left: MARGIN.left + labelRoom(series, 'first', width, measure),
      top: MARGIN.top,
      right: width - MARGIN.right - labelRoom(series, 'last', width, measure),
      bottom: height - MARGIN.bottom,
    });
    const unit = MEASURE_SHORT[measure];
    const nodes: PlacedNode[] = g.nodes.map((n) => {
      const valueText = `${formatValue(n.value, measure)}`;
      return { ...n, valueText, text: `${n.label}: ${valueText} ${unit} (${formatShare(n.value, series.total)} of total)` };
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
      const text = `${s.label} → ${t.label}: ${formatValue(l.value, measure)} ${unit} (${formatShare(l.value, series.total)} of total)${who}${l.estimated ? ', includes uncertain data' : ''}${l.spread ? ', spread over delivery years' : ''}`;
      // Keyed by what the link joins, not its position: after a filter change React then rewrites
      // only the links that moved, not every link after the first one added or removed.
      const key = `${l.source}>${l.target}>${l.supplier}`;
      const colour = merged ? SMALLER_COLOR : colours[l.supplier];
      return { ...l, key, drill: linkDrill(l), path: band.path, width: band.width, colour, text };
    });
    // In the order of their keys, not of their values: a filter change reorders the values, and React
    // would move a hundred paths in the document to follow (each move restyles them).
    links.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return { nodes, links };
  }, [series, width, height, measure, colours, measured]);

  // The chart's first Tab stop is its top-left node, where arrow keys start following the flows.
  const tab = useTabStop(
    useMemo(() => [...[...nodes].sort((a, b) => a.x0 - b.x0 || a.y0 - b.y0).map((n) => n.id), ...links.map((l) => l.key)], [links, nodes]),
  );
  // A legend entry pointed at or focused lights its supplier's flows, as the bars' legend does.
  const [legendKey, setLegendKey] = useState<string | null>(null);
  const lit = useMemo(() => {
    const target = hover ?? null;
    const drill: Drill | null = target
      ? target.kind === 'node'
        ? nodes.find((n) => n.id === target.id)!.drill
        : links.find((l) => l.key === target.id)!.drill
      : legendKey !== null
        ? { supplier: legendKey }
        : pinned;
    if (!drill) return null;
    if (target?.kind === 'link') return new Set([target.id]);
    return highlightedLinks(links, drill);
  }, [hover, legendKey, pinned, nodes, links]);

  const onHover = (t: { kind: 'node' | 'link'; id: string } | null, e?: { clientX: number; clientY: number }) => {
    const r = box.current?.getBoundingClientRect();
    setHover(t && e && r ? { ...t, x: e.clientX - r.left, y: e.clientY - r.top } : null);
  };
  const onActivate = (kind: 'node' | 'link', id: string) => {
    const drill = kind === 'node' ? nodes.find((n) => n.id === id)?.drill : links.find((l) => l.key === id)?.drill;
    if (drill) update(drillPatch(drill));
  };
  const tip = hover && (hover.kind === 'node' ? nodes.find((n) => n.id === hover.id)?.text : links.find((l) => l.key === hover.id)?.text);

  if (series.links.length === 0) {
    return (
      <div
        className="arms-sankey flex h-40 items-center justify-center rounded border border-dashed border-[var(--line)] text-[var(--muted)]"
        data-testid="sankey-empty"
      >
        No deliveries match this selection
        {series.undrawn > 0
          ? ` with numbers for this measure (${countOf(series.undrawn, 'group')} ${series.undrawn === 1 ? 'has' : 'have'} none)`
          : ''}
        .
      </div>
    );
  }
  return (
    <div ref={ref} className="arms-sankey w-full min-w-0 overflow-x-auto overflow-y-hidden">
      {/* Shown by a media query, not after measuring, so it never shifts the page: below 672 px the
          box (page padding 2 × 16 px) is narrower than MIN_WIDTH and the recipients start off screen. */}
      <p className="sticky left-0 hidden text-xs text-[var(--muted)] max-[671px]:block" data-testid="sankey-scroll-hint">
        Scroll sideways for the whole chart →
      </p>
      <div ref={box} className="relative" style={{ height, width }}>
        {measured && (
          <svg width={width} height={height} role="img" aria-label="Sankey diagram of deliveries" data-testid="sankey-svg">
            <HatchPattern />
            <SankeyMarks nodes={nodes} links={links} lit={lit} onHover={onHover} onActivate={onActivate} tab={tab} />
          </svg>
        )}
        {hover && tip && <Tooltip x={hover.x} y={hover.y} lines={tip.split(': ')} />}
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Suppliers (link colours)">
        {suppliers.map((k) => (
          <LegendKey key={k} id={k} label={supplierLabel(k)} colour={colours[k]} point={setLegendKey} testId="sankey-legend-item" />
        ))}
        {links.some((l) => l.supplier === SMALLER) && (
          <li className="flex items-center gap-1" data-testid="smaller-legend">
            <span className="inline-block h-3 w-3 rounded-sm" style={{ background: SMALLER_COLOR }} />
            {SMALLER_LEGEND}
          </li>
        )}
      </ul>
    </div>
  );
}
