import { hatchId } from '@/lib/colors';

/**
 * The diagonal hatching that marks uncertain or spread values, in every chart and its legend: a
 * transparent overlay (`arms-hatch`), and for each chart colour a filled version, so that a hatched
 * mark is one element, not a mark and an overlay.
 */
export function HatchPattern({ colours = [] }: { colours?: string[] }) {
  return (
    <defs>
      <pattern id="arms-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="6" height="6" fill="transparent" />
        <line x1="0" y1="0" x2="0" y2="6" stroke="var(--bg)" strokeWidth="2.5" strokeOpacity="0.75" />
      </pattern>
      {[...new Set(colours)].map((c) => (
        <pattern key={c} id={hatchId(c)} width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill={c} />
          <line x1="0" y1="0" x2="0" y2="6" stroke="var(--bg)" strokeWidth="2.5" strokeOpacity="0.75" />
        </pattern>
      ))}
    </defs>
  );
}

/** A legend swatch showing the hatching. */
export function HatchSwatch() {
  return (
    <svg width="22" height="12" aria-hidden="true" className="inline-block align-middle">
      <HatchPattern />
      <rect width="22" height="12" fill="var(--muted)" />
      <rect width="22" height="12" fill="url(#arms-hatch)" />
    </svg>
  );
}
