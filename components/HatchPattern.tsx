/**
 * The diagonal hatching that marks uncertain or spread values, in every chart and its legend: a
 * transparent pattern of stripes in the page's background colour, laid over marks drawn in their
 * own colour. A chart draws it once, as one path over all its hatched marks (`HatchOverlay`): ~700
 * marks each filled with a pattern took Chromium ~100 ms to repaint after every filter change.
 */
export function HatchPattern() {
  return (
    <defs>
      <pattern id="arms-hatch" width={TILE} height={TILE} patternUnits="userSpaceOnUse">
        {/* Stripes at 45° inside an upright tile (with the corner pieces that join them across
            tiles), not an upright stripe in a rotated tile: a rotated pattern repaints several times slower. */}
        {/* Thin stripes, so that a mark nearly all estimated still shows its series colour. */}
        <path d="M-2,2L2,-2M0,8L8,0M6,10L10,6" stroke="var(--bg)" strokeWidth="1.5" strokeOpacity="0.8" />
      </pattern>
      {/* Values divided over delivery years by our rule, told apart from the source's estimates: dots. */}
      <pattern id="arms-dots" width={DOT_TILE} height={DOT_TILE} patternUnits="userSpaceOnUse">
        <circle cx="2" cy="2" r="1.1" fill="var(--bg)" fillOpacity="0.85" />
      </pattern>
    </defs>
  );
}

const TILE = 8;
const DOT_TILE = 4;

/**
 * The hatching over the given marks' outlines (path data, see lib/mark-paths); nothing when none.
 * Its outline is not antialiased (the marks beneath draw the smooth edges; the stripes inside keep
 * theirs): on the whole register, each filter change repainted it ~8 ms faster, with no visible change.
 */
export function HatchOverlay({ d, testId, pattern = 'hatch' }: { d: string; testId: string; pattern?: 'hatch' | 'dots' }) {
  if (d === '') return null;
  return (
    <path d={d} fill={`url(#arms-${pattern})`} shapeRendering="crispEdges" pointerEvents="none" aria-hidden="true" data-testid={testId} />
  );
}

/** A legend swatch showing the hatching (the source's estimates) or the dots (spread values). */
export function HatchSwatch({ pattern = 'hatch' }: { pattern?: 'hatch' | 'dots' }) {
  return (
    <svg width="22" height="12" aria-hidden="true" className="inline-block align-middle">
      <HatchPattern />
      <rect width="22" height="12" fill="var(--muted)" />
      <rect width="22" height="12" fill={`url(#arms-${pattern})`} />
    </svg>
  );
}

/** The chart legend's entries for the marked parts of marks: those the chart draws, none when it draws none. */
export function UncertainLegend({ marks }: { marks: { estimated: number; spread: number }[] }) {
  const hatched = marks.some((m) => m.estimated > 0);
  const dotted = marks.some((m) => m.spread > 0);
  if (!hatched && !dotted) return null;
  return (
    <p className="mt-1 flex flex-wrap gap-x-4 text-xs" data-testid="uncertain-legend">
      {hatched && (
        <span>
          <HatchSwatch /> part resting on the source&apos;s estimates
        </span>
      )}
      {dotted && (
        <span>
          <HatchSwatch pattern="dots" /> part divided over delivery years by our rule
        </span>
      )}
    </p>
  );
}
