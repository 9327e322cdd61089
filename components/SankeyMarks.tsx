import { HAIRLINE, MAX_HATCHED_HAIRLINES, subRectPath, subRibbonPath, type RibbonEnds } from '@/lib/chart/mark-paths';
import { drawnShares, type Shares } from '@/lib/series/shares';
import type { UncertainMode } from '@/lib/domain/terms';
import { HatchOverlay } from './HatchPattern';
import { interactiveMark, markedData, type TabStops } from './mark-props';
import type { SankeyLinkDatum, SankeyNodeDatum } from '@/lib/series/sankey-series';
import type { Drill } from '@/lib/query/select-deals';

export type PlacedNode = SankeyNodeDatum & {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  value: number;
  /** How much of the node's value rests on estimates and spread values (its links', weighted). */
  shares: Shares;
  valueText: string;
  text: string;
};
export type PlacedLink = SankeyLinkDatum & {
  key: string;
  /** The suppliers of a link merging a flow's smaller suppliers; empty for others. */
  members: string[];
  drill: Drill;
  path: string;
  band: RibbonEnds;
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
  /** How uncertain values are drawn (see drawnShares). */
  mode: UncertainMode;
};

/**
 * The marked parts of the links (a band across each link's width: firm at the top, then the spread
 * part dotted, the estimated part hatched at the bottom) and of the nodes (split in height, in the
 * same order), as one path per pattern; dimmed links left out, hairlines only while there are few.
 */
function markedParts(links: PlacedLink[], nodes: PlacedNode[], dim: (l: PlacedLink) => boolean, mode: UncertainMode) {
  const hairlines = links.reduce((n, l) => n + (l.width < HAIRLINE ? 1 : 0), 0);
  const minWidth = hairlines > MAX_HATCHED_HAIRLINES ? HAIRLINE : 0;
  let hatch = '';
  let dots = '';
  for (const l of links) {
    if (l.width < minWidth || dim(l)) continue;
    const d = drawnShares(l.shares, mode);
    if (d.estimated > 0) hatch += subRibbonPath(l.band, 1 - d.estimated, 1);
    if (d.spread > 0) dots += subRibbonPath(l.band, 1 - d.estimated - d.spread, 1 - d.estimated);
  }
  // The nodes' parts go over the nodes, which are drawn over the links: paths of their own.
  let nodeHatch = '';
  let nodeDots = '';
  for (const n of nodes) {
    const d = drawnShares(n.shares, mode);
    const [w, h] = [n.x1 - n.x0, Math.max(1, n.y1 - n.y0)];
    if (d.estimated > 0) nodeHatch += subRectPath(n.x0, n.y0, w, h, 1 - d.estimated, 1);
    if (d.spread > 0) nodeDots += subRectPath(n.x0, n.y0, w, h, 1 - d.estimated - d.spread, 1 - d.estimated);
  }
  return { hatch, dots, nodeHatch, nodeDots };
}

/** Stateless renderer: placed Sankey marks → SVG. Hatching marks uncertain or spread values. */
export function SankeyMarks({ nodes, links, lit, onHover, onActivate, tab, mode }: SankeyMarksProps) {
  const dim = (l: PlacedLink) => lit !== null && !lit.has(l.key);
  const marked = markedParts(links, nodes, dim, mode);
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
              {...markedData(drawnShares(l.shares, mode))}
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
      <HatchOverlay d={marked.hatch} testId="sankey-hatching" />
      <HatchOverlay d={marked.dots} testId="sankey-dots" pattern="dots" />
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
              {...markedData(drawnShares(n.shares, mode))}
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
      <HatchOverlay d={marked.nodeHatch} testId="sankey-node-hatching" />
      <HatchOverlay d={marked.nodeDots} testId="sankey-node-dots" pattern="dots" />
    </>
  );
}
