import { subRectPathAcross } from '@/lib/chart/mark-paths';
import { HatchOverlay } from './HatchPattern';
import { interactiveMark, markedData, type TabStops } from './mark-props';
export type PlacedBar = {
  id: string;
  side: 'a' | 'b';
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Fractions of the bar drawn marked, from its outer end: hatched (the source's estimates), then dotted (spread values). */
  estimated: number;
  spread: number;
  text: string;
};

export type ButterflyMarksProps = {
  /** Bars of both sides. */
  bars: PlacedBar[];
  /** Row labels with their y and whether the row supplied both sides. */
  labels: { key: string; y: number; both: boolean }[];
  /** x of the centre line between the two sides. */
  centre: number;
  /** Bar colour of each side. */
  colours: { a: string; b: string };
  onHover: (id: string | null, event?: { clientX: number; clientY: number }) => void;
  onActivate: (id: string) => void;
  /** Which mark is the chart's one Tab stop. */
  tab: TabStops;
};

/** Bars too short to see keep a pixel. */
const drawnWidth = (b: PlacedBar) => Math.max(1, b.width);

/** Stateless renderer of the mirrored bars: labels in the middle, the first side to the left. */
export function ButterflyMarks({ bars, labels, centre, colours, onHover, onActivate, tab }: ButterflyMarksProps) {
  return (
    <>
      {labels.map((l) => (
        <text
          key={l.key}
          x={centre}
          y={l.y}
          dy="0.35em"
          textAnchor="middle"
          fontSize={11}
          fontWeight={l.both ? 700 : 400}
          data-testid="butterfly-label"
          data-both={l.both}
        >
          {l.both ? `● ${l.key}` : l.key}
        </text>
      ))}
      {bars.map((b) => (
        <rect
          key={b.id}
          data-testid="butterfly-bar"
          data-col={b.side}
          data-row={b.key}
          {...markedData(b)}
          x={b.x}
          y={b.y}
          width={drawnWidth(b)}
          height={b.height}
          fill={colours[b.side]}
          {...interactiveMark(
            b.id,
            b.text,
            (at) => onHover(at ? b.id : null, at ?? undefined),
            () => onActivate(b.id),
            tab,
          )}
        />
      ))}
      {/* Each bar's marked parts, split in length from its outer end: one overlay path per pattern. */}
      <HatchOverlay
        d={bars
          .filter((b) => b.estimated > 0)
          .map((b) => subRectPathAcross(b.x, b.y, drawnWidth(b), b.height, 0, b.estimated, b.side === 'b'))
          .join('')}
        testId="butterfly-hatching"
      />
      <HatchOverlay
        d={bars
          .filter((b) => b.spread > 0)
          .map((b) => subRectPathAcross(b.x, b.y, drawnWidth(b), b.height, b.estimated, b.estimated + b.spread, b.side === 'b'))
          .join('')}
        testId="butterfly-dots"
        pattern="dots"
      />
    </>
  );
}
