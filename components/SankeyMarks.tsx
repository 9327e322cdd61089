import { HAIRLINE, MAX_HATCHED_HAIRLINES } from '@/lib/chart/mark-paths';
import { HatchOverlay } from './HatchPattern';
import { interactiveMark, type TabStops } from './mark-props';
import type { SankeyLinkDatum, SankeyNodeDatum } from '@/lib/series/sankey-series';
import type { Drill } from '@/lib/query/select-deals';

export type PlacedNode = SankeyNodeDatum & {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  value: number;
  valueText: string;
  text: string;
};
export type PlacedLink = SankeyLinkDatum & {
  key: string;
  /** The suppliers of a link merging a flow's smaller suppliers; empty for others. */
  members: string[];
  drill: Drill;
  path: string;
  width: number;
  colour: string;
  text: string;
};

export type SankeyMarksProps = {
  /** Laid-out nodes. */
  nodes: PlacedNode[];
  /** Laid-out links with their SVG paths. */
  links: PlacedLink[];
  /** Keys of highlighted links; null when nothing is highlighted. */
  lit: Set<string> | null;
  /** Called on hover/focus (null when leaving) and on activation. */
  onHover: (target: { kind: 'node' | 'link'; id: string } | null, event?: { clientX: number; clientY: number }) => void;
  onActivate: (kind: 'node' | 'link', id: string) => void;
  /** Which mark is the chart's one Tab stop. */
  tab: TabStops;
};

/** The hatched links' bands as one path, leaving out dimmed links; hairlines only while there are few. */
function hatchedBands(links: PlacedLink[], dim: (l: PlacedLink) => boolean): string {
  const hairlines = links.reduce((n, l) => n + (l.width < HAIRLINE ? 1 : 0), 0);
  const minWidth = hairlines > MAX_HATCHED_HAIRLINES ? HAIRLINE : 0;
  return links
    .filter((l) => (l.estimated || l.spread) && l.width >= minWidth && !dim(l))
    .map((l) => l.path)
    .join('');
}

/** Stateless renderer: placed Sankey marks → SVG. Hatching marks uncertain or spread values. */
export function SankeyMarks({ nodes, links, lit, onHover, onActivate, tab }: SankeyMarksProps) {
  const dim = (l: PlacedLink) => lit !== null && !lit.has(l.key);
  const firstSide = nodes.some((n) => n.side === 'origin') ? 'origin' : 'supplier';
  return (
    <>
      <g>
        {links.map((l) => {
          // One filled band per link (no wrapper group): the whole database draws ~700 of them.
          return (
            <path
              key={l.key}
              data-testid="sankey-link"
              data-source={l.source}
              data-target={l.target}
              data-supplier={l.supplier}
              data-members={l.members.length > 0 ? l.members.join(',') : undefined}
              data-hatched={l.estimated || l.spread ? 'true' : undefined}
              data-hairline={l.width < HAIRLINE ? 'true' : undefined}
              d={l.path}
              fill={l.colour}
              fillOpacity={dim(l) ? 0.08 : lit ? 0.85 : 0.5}
              {...interactiveMark(
                l.key,
                l.text,
                (at) => (at ? onHover({ kind: 'link', id: l.key }, at) : onHover(null)),
                () => onActivate('link', l.key),
                tab,
              )}
            />
          );
        })}
      </g>
      {/* Dimmed links are left out of the hatching, so that a highlight stays clear. */}
      <HatchOverlay d={hatchedBands(links, dim)} testId="sankey-hatching" />
      {nodes.map((n) => {
        // First column: label to the left of the node; others to the right (the layout leaves margins).
        // By column, not by position: on a phone the first column's label room pushed its nodes past
        // a quarter of the width, and their labels were drawn over the links.
        const right = n.side === firstSide;
        return (
          <g key={n.id} data-testid="sankey-node" data-id={n.id}>
            <rect
              x={n.x0}
              y={n.y0}
              width={n.x1 - n.x0}
              height={Math.max(1, n.y1 - n.y0)}
              fill={n.side === 'category' ? 'var(--muted)' : 'var(--fg)'}
              {...interactiveMark(
                n.id,
                n.text,
                (at) => (at ? onHover({ kind: 'node', id: n.id }, at) : onHover(null)),
                () => onActivate('node', n.id),
                tab,
              )}
            />
            <text
              x={right ? n.x0 - 6 : n.x1 + 6}
              y={(n.y0 + n.y1) / 2}
              dy="0.35em"
              textAnchor={right ? 'end' : 'start'}
              fontSize={12}
              pointerEvents="none"
              // A halo of the background under the letters: the middle column's labels sit on the links.
              stroke="var(--bg)"
              strokeWidth={3}
              strokeLinejoin="round"
              paintOrder="stroke"
            >
              {n.label} <tspan fill="var(--muted)">{n.valueText}</tspan>
            </text>
          </g>
        );
      })}
    </>
  );
}
