'use client';

import { SMALLER_COLOR, SMALLER_LEGEND, supplierLabel } from '@/lib/domain/colors';
import { countOf } from '@/lib/domain/format';
import type { Measure, UncertainMode } from '@/lib/domain/terms';
import { highlightedLinks } from '@/lib/chart/sankey-highlight';
import { SMALLER } from '@/lib/chart/sankey-layout';
import { legendSuppliers } from '@/lib/series/legend-order';
import type { PackedSankey } from '@/lib/series/transport';
import type { Drill } from '@/lib/query/select-deals';
import { useMemo, useRef, useState } from 'react';
import { HatchPattern, UncertainLegend } from './HatchPattern';
import { drawnShares } from '@/lib/series/shares';
import { MIN_WIDTH, placedMarks, seriesOf } from './sankey-placement';
import { SankeyMarks } from './SankeyMarks';
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
  /** How uncertain values are drawn (see drawnShares). */
  uncertain: UncertainMode;
};

/** Sankey of flows, with hover highlight, tooltip, keyboard focus and click-to-drill. */
export function SankeyChart({ packed, colours, measure, pinned, uncertain }: SankeyChartProps) {
  const series = useMemo(() => seriesOf(packed), [packed]);
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
  const { nodes, links } = useMemo(
    () => placedMarks(packed, series, width, height, measure, colours, measured),
    [packed, series, width, height, measure, colours, measured],
  );

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
  // What the links draw marked (nodes hold their links' parts): the legend lists what is there.
  const drawnLinks = useMemo(() => links.map((l) => drawnShares(l.shares, uncertain)), [links, uncertain]);
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
          <svg
            width={width}
            height={height}
            role="group"
            aria-roledescription="chart"
            aria-label="Sankey diagram of deliveries"
            data-testid="sankey-svg"
          >
            <HatchPattern />
            <SankeyMarks nodes={nodes} links={links} lit={lit} onHover={onHover} onActivate={onActivate} tab={tab} mode={uncertain} />
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
      <UncertainLegend marks={drawnLinks} />
    </div>
  );
}
