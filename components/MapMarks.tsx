import type { FocusEvent } from 'react';
import type { MapLayout } from '@/lib/chart/map-layout';
import { NO_DATA } from '@/lib/chart/map-colours';
import { interactiveMark, type Point, type TabStops } from './mark-props';

/** What the map's marks say: a place's or a flow's tooltip lines, by mark id. */
export type MapMarkText = (id: string) => string[];

export type MapMarksProps = {
  layout: MapLayout;
  /** Fill of a value on the page, and in an exported image (always the light palette). */
  colour: (value: number) => string;
  exportColour: (value: number) => string;
  /** Stroke width of an arc's value; suppliers' colours. */
  arcWidth: (value: number) => number;
  colours: Record<string, string>;
  /** Circles' radius (they scale with the map). */
  radius: number;
  text: MapMarkText;
  onHover: (id: string | null, at?: Point) => void;
  onActivate: (id: string) => void;
  /** Which mark is the map's one Tab stop. */
  tab: TabStops;
};

export const placeId = (name: string) => `place:${name}`;
export const arcId = (supplier: string, recipient: string) => `arc:${supplier}\u0000${recipient}`;

/**
 * Stateless renderer of the map: every country (no value: faint), the outlines of historical states
 * on the other side of the flows, the view's places (shapes, unions, circles), and the arcs. Places
 * and arcs are the chart's marks: one Tab stop, arrows move to the nearest mark that way (anchors in
 * `data-x`/`data-y`). An arc takes the pointer only along its middle: its ends lie over countries.
 */
export function MapMarks({ layout, colour, exportColour, arcWidth, colours, radius, text, onHover, onActivate, tab }: MapMarksProps) {
  const mark = (id: string, anchor: [number, number]) => {
    const base = interactiveMark(
      id,
      text(id).join(': '),
      (at) => onHover(at ? id : null, at ?? undefined),
      () => onActivate(id),
      tab,
    );
    return {
      ...base,
      'data-x': anchor[0].toFixed(1),
      'data-y': anchor[1].toFixed(1),
      // The tooltip of a focused place stands at its anchor (a bounding box's centre may lie at sea: France with Guiana).
      onFocus: (e: FocusEvent<SVGElement>) => {
        base.onFocus(e);
        const box = e.currentTarget.ownerSVGElement!.getBoundingClientRect();
        onHover(id, { clientX: box.left + anchor[0], clientY: box.top + anchor[1] });
      },
    };
  };
  return (
    <>
      <path d={layout.sphere} fill="none" stroke="var(--line)" />
      {layout.base.map((s) => (
        <path
          key={s.name}
          d={s.d}
          data-testid="map-shape"
          data-name={s.name}
          fill={s.valueOf === undefined ? NO_DATA : colour(s.valueOf)}
          data-export-fill={s.valueOf === undefined ? undefined : exportColour(s.valueOf)}
          fillOpacity={s.valueOf === undefined ? 0.35 : 1}
          stroke="var(--bg)"
          strokeWidth={0.5}
        />
      ))}
      {layout.outlines.map((o) => (
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
      {layout.places.map((p) => {
        const props = { ...mark(placeId(p.name), p.anchor), 'data-name': p.name };
        return p.d ? (
          <path
            key={p.name}
            {...props}
            d={p.d}
            data-testid={p.merged ? 'map-merged' : 'map-place'}
            fill={p.outlineOnly ? 'none' : colour(p.value)}
            data-export-fill={p.outlineOnly ? undefined : exportColour(p.value)}
            stroke={p.merged ? 'var(--fg)' : 'var(--bg)'}
            strokeWidth={p.merged ? 1.2 : 0.5}
            strokeDasharray={p.merged ? '4 2' : undefined}
          />
        ) : (
          <circle
            key={p.name}
            {...props}
            cx={p.anchor[0]}
            cy={p.anchor[1]}
            r={radius}
            data-testid="map-circle"
            fill={colour(p.value)}
            data-export-fill={exportColour(p.value)}
            stroke="var(--fg)"
            strokeWidth={0.8}
          />
        );
      })}
      {layout.arcs.map((a) => {
        const id = arcId(a.supplier, a.recipient);
        const props = mark(id, a.mid);
        const width = arcWidth(a.value);
        return (
          <g key={id}>
            <path
              {...props}
              d={a.d}
              data-testid="map-arc"
              data-supplier={a.supplier}
              data-recipient={a.recipient}
              fill="none"
              stroke={colours[a.supplier] ?? 'var(--accent)'}
              strokeOpacity={0.8}
              strokeWidth={width}
              strokeLinecap="round"
              pointerEvents="none"
            />
            {/* The pointer's part of the arc: its middle, a little wider than drawn, invisible. */}
            <path
              d={a.hit}
              data-testid="map-arc-hit"
              fill="none"
              stroke="transparent"
              strokeWidth={Math.max(8, width + 4)}
              pointerEvents="stroke"
              className="cursor-pointer"
              onMouseMove={props.onMouseMove}
              onMouseLeave={props.onMouseLeave}
              onClick={props.onClick}
            />
          </g>
        );
      })}
    </>
  );
}
