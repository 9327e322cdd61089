import { subRectPath } from '@/lib/chart/mark-paths';
import { HatchOverlay } from './HatchPattern';
import { interactiveMark, markedData, type TabStops } from './mark-props';

export type PlacedSegment = {
  id: string;
  key: string;
  year: number;
  x: number;
  y: number;
  width: number;
  height: number;
  colour: string;
  /** Fractions of the segment drawn marked: hatched (the source's estimates, at its top), then dotted (spread values). */
  estimated: number;
  spread: number;
  text: string;
};
export type PlacedGap = { year: number; x: number; width: number; kind: 'no-data' | 'no-numbers' };

/**
 * Where the years sit: year t's band starts at `offset + step * t` px and is `band` steps wide. The
 * segments are drawn in years (x = the year, width = `band`) inside one group that this transform
 * scales, so a change of the year range rewrites one attribute instead of every segment's x and width.
 */
export type YearAxis = { offset: number; step: number; band: number };

export type BarMarksProps = {
  /** Stacked segments in drawing order. */
  segments: PlacedSegment[];
  /** The year axis the segments are placed on. */
  years: YearAxis;
  /** Years without a bar, and why: no deliveries at all, or deliveries without numbers. */
  gaps: PlacedGap[];
  /** Baseline y. */
  baseline: number;
  /** Series key to emphasise (legend hover), or null. */
  focusKey: string | null;
  onHover: (id: string | null, event?: { clientX: number; clientY: number }) => void;
  onActivate: (id: string) => void;
  /** Which mark is the chart's one Tab stop. */
  tab: TabStops;
};

/** Segments too thin to see keep half a pixel. */
const drawnHeight = (s: PlacedSegment) => Math.max(0.5, s.height);

/** Stateless renderer of stacked bars. Missing data and zero look different: "no data" vs "n/a". */
export function BarMarks({ segments, years, gaps, baseline, focusKey, onHover, onActivate, tab }: BarMarksProps) {
  const dimmed = (s: PlacedSegment) => focusKey !== null && focusKey !== s.key;
  return (
    <>
      {/* One element per segment (no wrapper per year): the whole database draws ~700 of them. */}
      <g transform={`translate(${years.offset} 0) scale(${years.step} 1)`} data-testid="bar-years">
        {segments.map((s) => (
          <rect
            key={s.id}
            data-testid="bar-segment"
            data-col={s.year}
            data-row={s.key}
            {...markedData(s)}
            opacity={dimmed(s) ? 0.2 : 1}
            x={s.year}
            y={s.y}
            width={years.band}
            height={drawnHeight(s)}
            fill={s.colour}
            {...interactiveMark(
              s.id,
              s.text,
              (at) => onHover(at ? s.id : null, at ?? undefined),
              () => onActivate(s.id),
              tab,
            )}
          />
        ))}
      </g>
      {/* Each segment's marked parts, split in height: one overlay path per pattern for all segments. */}
      <HatchOverlay
        d={segments
          .filter((s) => s.estimated > 0 && !dimmed(s))
          .map((s) => subRectPath(s.x, s.y, s.width, drawnHeight(s), 0, s.estimated))
          .join('')}
        testId="bars-hatching"
      />
      <HatchOverlay
        d={segments
          .filter((s) => s.spread > 0 && !dimmed(s))
          .map((s) => subRectPath(s.x, s.y, s.width, drawnHeight(s), s.estimated, s.estimated + s.spread))
          .join('')}
        testId="bars-dots"
        pattern="dots"
      />
      {gaps.map((g) => (
        <g key={g.year} data-testid={`bar-gap-${g.kind}`}>
          {g.kind === 'no-numbers' && (
            <rect x={g.x} y={baseline - 40} width={g.width} height={40} fill="none" stroke="var(--muted)" strokeDasharray="3 3" />
          )}
          <text
            x={g.x + g.width / 2}
            y={baseline - (g.kind === 'no-numbers' ? 20 : 6)}
            textAnchor="middle"
            fontSize={10}
            fill="var(--muted)"
          >
            {g.kind === 'no-numbers' ? 'n/a' : 'no data'}
          </text>
          <title>
            {g.kind === 'no-numbers'
              ? `${g.year}: deliveries recorded, without numbers for this measure`
              : `${g.year}: no deliveries recorded`}
          </title>
        </g>
      ))}
    </>
  );
}
