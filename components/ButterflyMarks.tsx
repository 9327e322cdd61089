import { rectPath } from '@/lib/mark-paths';
import { HatchOverlay } from './HatchPattern';
import { interactiveMark } from './mark-props';
export type PlacedBar = {
  id: string;
  side: 'a' | 'b';
  key: string;
  x: number;
  y: number;
  width: number;
  height: number;
  hatched: boolean;
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
  /** The bar that is the chart's Tab stop, and what to call when a bar gets focus. */
  tabStop: string | null;
  onTabStop: (id: string) => void;
};

/** Stateless renderer of the mirrored bars: labels in the middle, the first side to the left. */
export function ButterflyMarks({ bars, labels, centre, colours, onHover, onActivate, tabStop, onTabStop }: ButterflyMarksProps) {
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
          data-side={b.side}
          data-col={b.side}
          data-row={b.key}
          data-key={b.key}
          data-hatched={b.hatched ? 'true' : undefined}
          x={b.x}
          y={b.y}
          width={Math.max(1, b.width)}
          height={b.height}
          fill={colours[b.side]}
          {...interactiveMark(
            b.text,
            (at) => onHover(at ? b.id : null, at ?? undefined),
            () => onActivate(b.id),
            { isStop: b.id === tabStop, focused: () => onTabStop(b.id) },
          )}
        />
      ))}
      <HatchOverlay
        d={bars
          .filter((b) => b.hatched)
          .map((b) => rectPath(b.x, b.y, Math.max(1, b.width), b.height))
          .join('')}
        testId="butterfly-hatching"
      />
    </>
  );
}
