'use client';

import { interpolateBlues, interpolateRgb, scaleSequentialSqrt, scaleSqrt } from 'd3';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { formatShare, formatValue } from '@/lib/domain/format';
import { layoutMap, type Countries } from '@/lib/chart/map-layout';
import type { Measure } from '@/lib/domain/terms';
import type { MapSeries } from '@/lib/series/map-series';
import { Tooltip } from './Tooltip';
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

type Hover = { x: number; y: number; lines: string[] } | null;

const NO_DATA = 'var(--line)';

/**
 * The world choropleth: countries by the view's measure (equal-area Equal Earth), historical states
 * as unions of their successors' shapes, states and actors without a shape as circles, the largest
 * flows as arcs. The topology is fetched (/api/topology), not bundled. Every mark is one Tab stop
 * away and opens its deals; the table under the map is the accessible alternative.
 */
export function WorldMap({ series, colours, measure }: WorldMapProps) {
  const { ref, width, measured } = useWidth<HTMLDivElement>(960);
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
  const drawn = useMemo(() => (topology ? layoutMap(topology, series, width, height) : null), [topology, series, width, height]);
  const max = Math.max(0, ...series.values.map((v) => v.value));
  // On a dark page the scale runs from a dim blue up to a light one: more is brighter there, as more is
  // darker on a light page (Blues' near-white low end read as "most" against the dark background).
  const dark = useDarkScheme();
  const colour = scaleSequentialSqrt(dark ? interpolateRgb('#17324f', '#9ecae1') : interpolateBlues).domain([0, max || 1]);
  const arcWidth = scaleSqrt()
    .domain([0, series.flows[0]?.value ?? 1])
    .range([0.5, Math.max(2, width / 120)]);
  const what = series.side === 'recipient' ? 'received' : 'delivered';
  const tip = (name: string, value: number | undefined) => [
    name,
    value === undefined
      ? 'no deliveries in this view'
      : `${formatValue(value, measure)} ${what} (${formatShare(value, series.total)} of all)`,
  ];
  const open = (drill: { supplier?: string; recipient?: string }) => update(drillPatch(drill));
  const keyOpen = (drill: { supplier?: string; recipient?: string }) => (e: React.KeyboardEvent) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      open(drill);
    }
  };
  const at = (e: React.MouseEvent) => {
    const box = ((e.currentTarget as SVGGraphicsElement).ownerSVGElement ?? (e.currentTarget as Element)).getBoundingClientRect();
    return { x: e.clientX - box.left, y: e.clientY - box.top };
  };
  return (
    <div ref={ref} className="arms-world-map relative w-full" style={{ minHeight: height }}>
      {failed && (
        <p role="alert" data-testid="map-failed">
          The map’s shapes could not be loaded ({failed}); the table below holds every value.
        </p>
      )}
      {!drawn && !failed && <p className="text-sm text-[var(--muted)]">Loading the map…</p>}
      {drawn && measured && (
        <svg
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="group"
          aria-label={`World map of arms ${what}, by country`}
          data-testid="map-svg"
          xmlns="http://www.w3.org/2000/svg"
          onMouseLeave={() => setHover(null)}
        >
          <path d={drawn.sphere} fill="none" stroke="var(--line)" />
          {drawn.base.map((s) => (
            <path
              key={s.name}
              d={s.d}
              data-testid="map-shape"
              data-name={s.name}
              fill={s.valueOf === undefined ? NO_DATA : colour(s.valueOf)}
              fillOpacity={s.valueOf === undefined ? 0.35 : 1}
              stroke="var(--bg)"
              strokeWidth={0.5}
            />
          ))}
          {drawn.outlines.map((o) => (
            <path
              key={o.name}
              d={o.d}
              data-testid="map-merged"
              data-name={o.name}
              fill="none"
              stroke="var(--fg)"
              strokeWidth={1.2}
              strokeDasharray="4 2"
              pointerEvents="none"
            >
              <title>{o.name}</title>
            </path>
          ))}
          {drawn.places.map((p) => {
            const drill = series.side === 'recipient' ? { recipient: p.name } : { supplier: p.name };
            const common = {
              tabIndex: 0,
              role: 'button',
              'aria-label': tip(p.name, p.value).join(': '),
              'data-name': p.name,
              onClick: () => open(drill),
              onKeyDown: keyOpen(drill),
              onMouseMove: (e: React.MouseEvent) => setHover({ ...at(e), lines: tip(p.name, p.value) }),
              onFocus: () => setHover({ x: p.anchor[0], y: p.anchor[1], lines: tip(p.name, p.value) }),
              onBlur: () => setHover(null),
              className: 'cursor-pointer outline-offset-2 focus:outline focus:outline-2 focus:outline-[var(--accent)]',
            };
            return p.d ? (
              <path
                key={p.name}
                {...common}
                d={p.d}
                data-testid={p.merged ? 'map-merged' : 'map-place'}
                fill={p.outlineOnly ? 'none' : colour(p.value)}
                stroke={p.merged ? 'var(--fg)' : 'var(--bg)'}
                strokeWidth={p.merged ? 1.2 : 0.5}
                strokeDasharray={p.merged ? '4 2' : undefined}
              />
            ) : (
              <circle
                key={p.name}
                {...common}
                cx={p.anchor[0]}
                cy={p.anchor[1]}
                r={Math.max(3, width / 220)}
                data-testid="map-circle"
                fill={colour(p.value)}
                stroke="var(--fg)"
                strokeWidth={0.8}
              />
            );
          })}
          {drawn.arcs.map((a) => (
            <path
              key={`${a.supplier}→${a.recipient}`}
              d={a.d}
              data-testid="map-arc"
              fill="none"
              stroke={colours[a.supplier] ?? 'var(--accent)'}
              strokeOpacity={0.8}
              strokeWidth={arcWidth(a.value)}
              strokeLinecap="round"
              tabIndex={0}
              role="button"
              aria-label={`${a.supplier} → ${a.recipient}: ${formatValue(a.value, measure)}`}
              className="cursor-pointer focus:outline focus:outline-2 focus:outline-[var(--accent)]"
              onClick={() => open({ supplier: a.supplier, recipient: a.recipient })}
              onKeyDown={keyOpen({ supplier: a.supplier, recipient: a.recipient })}
              onMouseMove={(e) =>
                setHover({
                  ...at(e),
                  lines: [
                    `${a.supplier} → ${a.recipient}`,
                    `${formatValue(a.value, measure)} (${formatShare(a.value, series.total)} of all)`,
                  ],
                })
              }
            />
          ))}
        </svg>
      )}
      {hover && <Tooltip x={hover.x} y={hover.y} lines={hover.lines} />}
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
  const stops = [0, 0.25, 0.5, 0.75, 1].map((t) => t * t * max);
  return (
    <div className="mt-2 flex flex-wrap items-center gap-2 text-sm" data-testid="map-legend">
      <span className="text-[var(--muted)]">Colour scale (square root):</span>
      {stops.map((v, i) => (
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
