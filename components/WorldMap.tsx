'use client';

import { scaleSqrt } from 'd3';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { formatShare, formatValue } from '@/lib/domain/format';
import { layoutMap, type Countries } from '@/lib/chart/map-layout';
import { legendStops, mapColour, NO_DATA } from '@/lib/chart/map-colours';
import type { Measure } from '@/lib/domain/terms';
import type { MapSeries } from '@/lib/series/map-series';
import { arcId, MapMarks, placeId } from './MapMarks';
import type { Point } from './mark-props';
import { Tooltip } from './Tooltip';
import { useTabStop } from './use-tab-stop';
import { drillPatch, useViewUrl } from './use-view-url';
import { useWidth } from './use-width';

export type WorldMapProps = {
  /** Values by country, the arcs, the total. */
  series: MapSeries;
  /** Suppliers' colours for the arcs. */
  colours: Record<string, string>;
  /** What the values measure. */
  measure: Measure;
};

type Hover = { x: number; y: number; id: string } | null;
type Drill = { supplier?: string; recipient?: string };

/**
 * The world choropleth: countries by the view's measure (equal-area Equal Earth), historical states
 * as unions of their successors' shapes, states and actors without a shape as circles, the largest
 * flows as arcs. The topology is fetched (/api/topology), not bundled. The map is one Tab stop whose
 * arrows move between places and arcs; each opens its deals; the table under it is the accessible
 * alternative.
 */
export function WorldMap({ series, colours, measure }: WorldMapProps) {
  const { ref, width, measured } = useWidth<HTMLDivElement>(960);
  const box = useRef<HTMLDivElement>(null);
  const [topology, setTopology] = useState<Countries | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const [hover, setHover] = useState<Hover>(null);
  const { update } = useViewUrl();
  useEffect(() => {
    let live = true;
    fetch('/api/topology')
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
      .then((t: Countries) => live && setTopology(t))
      .catch((e: Error) => live && setFailed(e.message));
    return () => {
      live = false;
    };
  }, []);
  const height = Math.round(width * 0.49);
  const layout = useMemo(() => (topology ? layoutMap(topology, series, width, height) : null), [topology, series, width, height]);
  const max = Math.max(0, ...series.values.map((v) => v.value));
  const dark = useDarkScheme();
  const colour = mapColour(max, dark);
  const arcWidth = scaleSqrt()
    .domain([0, series.flows[0]?.value ?? 1])
    .range([0.5, Math.max(2, width / 120)]);
  const what = series.side === 'recipient' ? 'received' : 'delivered';
  // Every mark by id: what its tooltip says and what a click opens.
  const marks = useMemo(() => {
    const byId = new Map<string, { lines: string[]; drill: Drill }>();
    for (const v of series.values)
      byId.set(placeId(v.name), {
        lines: [v.name, `${formatValue(v.value, measure)} ${what} (${formatShare(v.value, series.total)} of all)`],
        drill: series.side === 'recipient' ? { recipient: v.name } : { supplier: v.name },
      });
    for (const f of series.flows)
      byId.set(arcId(f.supplier, f.recipient), {
        lines: [`${f.supplier} → ${f.recipient}`, `${formatValue(f.value, measure)} (${formatShare(f.value, series.total)} of all)`],
        drill: { supplier: f.supplier, recipient: f.recipient },
      });
    return byId;
  }, [series, measure, what]);
  const ids = useMemo(
    () => (layout ? [...layout.places.map((p) => placeId(p.name)), ...layout.arcs.map((a) => arcId(a.supplier, a.recipient))] : []),
    [layout],
  );
  const tab = useTabStop(ids);
  const onHover = (id: string | null, at?: Point) => {
    const r = box.current?.getBoundingClientRect();
    setHover(id && at && r ? { id, x: at.clientX - r.left, y: at.clientY - r.top } : null);
  };
  const onActivate = (id: string) => {
    const drill = marks.get(id)?.drill;
    if (drill) update(drillPatch(drill));
  };
  const tip = hover && marks.get(hover.id)?.lines;
  return (
    <div ref={ref} className="arms-world-map w-full">
      <div ref={box} className="relative" style={{ minHeight: height }}>
        {failed && (
          <p role="alert" data-testid="map-failed">
            The map’s shapes could not be loaded ({failed}); the table below holds every value.
          </p>
        )}
        {!layout && !failed && <p className="text-sm text-[var(--muted)]">Loading the map…</p>}
        {layout && measured && (
          <svg
            width={width}
            height={height}
            viewBox={`0 0 ${width} ${height}`}
            role="group"
            aria-roledescription="map"
            aria-label={`World map of arms ${what}, by country: arrow keys move between countries and flows, Enter lists their deals`}
            data-testid="map-svg"
            xmlns="http://www.w3.org/2000/svg"
          >
            <MapMarks
              layout={layout}
              colour={colour}
              exportColour={dark ? mapColour(max, false) : colour}
              arcWidth={arcWidth}
              colours={colours}
              radius={Math.max(3, width / 220)}
              text={(id) => marks.get(id)?.lines ?? [id]}
              onHover={onHover}
              onActivate={onActivate}
              tab={tab}
            />
          </svg>
        )}
        {tip && hover && <Tooltip x={hover.x} y={hover.y} lines={tip} />}
      </div>
      <MapLegend max={max} measure={measure} colour={colour} />
    </div>
  );
}

const DARK = '(prefers-color-scheme: dark)';

/** Whether the page is in dark mode (the system's scheme, as the style sheet follows it), kept up to date. */
function useDarkScheme(): boolean {
  return useSyncExternalStore(
    (changed) => {
      const query = window.matchMedia(DARK);
      query.addEventListener('change', changed);
      return () => query.removeEventListener('change', changed);
    },
    () => window.matchMedia(DARK).matches,
    () => false,
  );
}

function MapLegend({ max, measure, colour }: { max: number; measure: Measure; colour: (v: number) => string }) {
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2 text-sm" data-testid="map-legend">
      <span className="text-[var(--muted)]">Colour scale (square root):</span>
      {legendStops(max).map((v, i) => (
        <span key={i} className="flex items-center gap-1">
          <span className="inline-block h-3 w-5 border border-[var(--line)]" style={{ background: colour(v) }} />
          {formatValue(v, measure)}
        </span>
      ))}
      <span className="flex items-center gap-1">
        <span className="inline-block h-3 w-5 border border-[var(--line)] opacity-40" style={{ background: NO_DATA }} />
        none
      </span>
    </div>
  );
}
