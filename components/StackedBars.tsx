'use client';

import type { TimelineEvent } from '@/lib/ingest/context-tables';
import { formatShare, formatValue, MEASURE_SHORT } from '@/lib/domain/format';
import type { Measure, UncertainMode } from '@/lib/domain/terms';
import { unpackBars, type PackedBars } from '@/lib/series/transport';
import { drawnShares, sharesClause } from '@/lib/series/shares';
import { eventRows } from '@/lib/chart/event-rows';
import { yearLabel, yearLabelRule } from '@/lib/chart/year-labels';
import { scaleBand, scaleLinear } from 'd3';
import { useMemo, useRef, useState } from 'react';
import { BarMarks, type PlacedGap, type PlacedSegment, type YearAxis } from './BarMarks';
import { HatchPattern, UncertainLegend } from './HatchPattern';
import { LegendKey } from './LegendKey';
import { Tooltip } from './Tooltip';
import { drillPatch, useViewUrl } from './use-view-url';
import { useTabStop } from './use-tab-stop';
import { useWidth } from './use-width';
import { EventList } from './EventList';

export type StackedBarsProps = {
  /** Years × series from the server, packed for the trip (lib/series/transport.ts). */
  packed: PackedBars;
  /** Each series key's colour (the page's one map, see colourMap). */
  colours: Record<string, string>;
  /** The measure drawn, for labels. */
  measure: Measure;
  /** What the segments are stacked by. */
  stack: 'supplier' | 'category';
  /** Each bar as 100% of its year. */
  percent: boolean;
  /** How uncertain values are drawn: their parts marked (mark), plain (include), left out (exclude). */
  uncertain: UncertainMode;
  /** Timeline events to mark on the year axis. */
  events: TimelineEvent[];
  /** A y maximum shared with a neighbouring chart (comparisons use one scale). */
  sharedMax?: number;
  /** Keys added to every drill-down from this chart (e.g. the recipient of a comparison side). */
  drillWith?: Record<string, string>;
  /** Test id of the SVG. */
  testId?: string;
  /** Which of `events` this chart marks (all when absent); numbers stay those of the whole list. */
  markedEvents?: number[];
  /** Whether to list the events under the chart (a page showing several charts may list them once instead). */
  listEvents?: boolean;
};

const M = { top: 16, right: 12, bottom: 28, left: 56 };
/** Space between bars, as a share of a year's step. */
const BAR_PADDING = 0.2;
const HEIGHT = 320;

/** Stacked bars per year with legend highlight, tooltips, annotations and click-to-drill. */
export function StackedBars({
  packed,
  colours,
  measure,
  stack,
  percent,
  uncertain,
  events,
  markedEvents,
  sharedMax,
  drillWith = {},
  testId = 'bars-svg',
  listEvents = true,
}: StackedBarsProps) {
  const series = useMemo(() => unpackBars(packed), [packed]);
  const { ref, width, measured } = useWidth<HTMLDivElement>(960);
  const box = useRef<HTMLDivElement>(null);
  const { update } = useViewUrl();
  const [hover, setHover] = useState<{ id: string; x: number; y: number } | null>(null);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const x = scaleBand<number>()
    .domain(series.years.map((y) => y.year))
    .range([M.left, width - M.right])
    .padding(BAR_PADDING);
  const y = scaleLinear()
    .domain([0, percent ? 100 : sharedMax || series.max || 1])
    .nice()
    .range([HEIGHT - M.bottom, M.top]);
  const unit = percent ? '%' : MEASURE_SHORT[measure];
  const { segments, gaps } = useMemo(() => {
    const segments: PlacedSegment[] = [];
    const gaps: PlacedGap[] = [];
    for (const bar of series.years) {
      const bx = x(bar.year) ?? 0;
      if (bar.total === null || bar.total === 0) {
        if (bar.total === null) gaps.push({ year: bar.year, x: bx, width: x.bandwidth(), kind: bar.hasFacts ? 'no-numbers' : 'no-data' });
        continue;
      }
      let acc = 0;
      for (const key of series.keys) {
        const cell = bar.cells[key];
        if (!cell || !cell.value) continue;
        const v = percent ? (100 * cell.value) / bar.total : cell.value;
        const label = series.labels[key];
        const text = `${label}, ${bar.year}: ${formatValue(cell.value, measure)} ${MEASURE_SHORT[measure]} (${formatShare(cell.value, bar.total)} of ${bar.year})${sharesClause(cell.shares)}`;
        const drawn = drawnShares(cell.shares, uncertain);
        segments.push({
          id: `${bar.year}:${key}`,
          key,
          year: bar.year,
          x: bx,
          y: y(acc + v),
          width: x.bandwidth(),
          height: y(acc) - y(acc + v),
          colour: colours[key],
          ...drawn,
          text,
        });
        acc += v;
      }
    }
    return { segments, gaps };
  }, [series, x, y, percent, measure, colours, uncertain]);

  const first = series.years[0]?.year ?? 0;
  const years: YearAxis = { offset: (x(first) ?? 0) - x.step() * first, step: x.step(), band: 1 - BAR_PADDING };
  const tab = useTabStop(useMemo(() => segments.map((s) => s.id), [segments]));
  const onHover = (id: string | null, e?: { clientX: number; clientY: number }) => {
    const r = box.current?.getBoundingClientRect();
    setHover(id && e && r ? { id, x: e.clientX - r.left, y: e.clientY - r.top } : null);
  };
  const onActivate = (id: string) => {
    const s = segments.find((seg) => seg.id === id);
    if (s) update(drillPatch({ ...drillWith, year: s.year, [stack]: s.key }));
  };
  const tip = hover && segments.find((s) => s.id === hover.id)?.text;
  const ticks = y.ticks(5);
  // Every year's band is x.step() wide (bar and padding): label only as many years as fit.
  const labelRule = yearLabelRule(x.step());
  const eventX = (at: number) => {
    const year = Math.floor(at);
    const bx = x(year);
    return bx === undefined ? null : bx + (at - year) * x.bandwidth();
  };
  const eventXs = events.map((e, i) => (markedEvents && !markedEvents.includes(i) ? null : eventX(e.at)));
  const eventRowOf = eventRows(eventXs);
  return (
    <div ref={ref} className="arms-stacked-bars w-full min-w-0 overflow-hidden">
      <div ref={box} className="relative" style={{ height: HEIGHT }}>
        {measured && (
          <svg
            width={width}
            height={HEIGHT}
            role="group"
            aria-roledescription="chart"
            aria-label={`Stacked bars by ${stack} and year`}
            data-testid={testId}
          >
            <HatchPattern />
            {ticks.map((t) => (
              <g key={t}>
                <line x1={M.left} x2={width - M.right} y1={y(t)} y2={y(t)} stroke="var(--line)" />
                <text x={M.left - 6} y={y(t)} dy="0.35em" textAnchor="end" fontSize={11}>
                  {formatValue(t, measure === 'tiv' && !percent ? 'tiv' : 'units')}
                </text>
              </g>
            ))}
            <text x={8} y={M.top - 7} fontSize={11} fill="var(--muted)">
              {unit}
            </text>
            {series.years.map((b) => {
              const label = yearLabel(b.year, labelRule);
              return label === null ? null : (
                <text
                  key={b.year}
                  x={(x(b.year) ?? 0) + x.bandwidth() / 2}
                  y={HEIGHT - 8}
                  textAnchor="middle"
                  fontSize={11}
                  data-year-label
                >
                  {label}
                </text>
              );
            })}
            <BarMarks
              segments={segments}
              years={years}
              gaps={gaps}
              baseline={y(0)}
              focusKey={focusKey}
              onHover={onHover}
              onActivate={onActivate}
              tab={tab}
            />
            {events.map((e, i) => {
              const ex = eventXs[i];
              return ex === null ? null : (
                <g key={`${e.date}-${i}`} data-testid="event-marker">
                  {/* The line crosses the bars: it must not take their clicks (its number keeps the tooltip). */}
                  <line
                    x1={ex}
                    x2={ex}
                    y1={M.top}
                    y2={HEIGHT - M.bottom}
                    stroke="var(--accent)"
                    strokeDasharray="4 3"
                    pointerEvents="none"
                  />
                  <text x={ex + 3} y={M.top + 10 + (eventRowOf[i] ?? 0) * 12} fontSize={10} fill="var(--accent)" data-event-number>
                    {i + 1}
                  </text>
                  <title>{`${e.date}: ${e.event}`}</title>
                </g>
              );
            })}
          </svg>
        )}
        {hover && tip && <Tooltip x={hover.x} y={hover.y} lines={tip.split(': ')} />}
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label={`Legend: ${stack}`}>
        {series.keys.map((k) => (
          <LegendKey key={k} id={k} label={series.labels[k]} colour={colours[k]} point={setFocusKey} testId="legend-item" />
        ))}
      </ul>
      <UncertainLegend marks={segments} />
      {listEvents && <EventList events={events} />}
    </div>
  );
}
