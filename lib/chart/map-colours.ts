import { interpolateBlues, interpolateRgb, scaleSequentialSqrt } from 'd3';
import { formatValue } from '../domain/format';
import type { Measure } from '../domain/terms';
import type { MapSeries } from '../series/map-series';

/** The fill of a country with no delivery in the view (a page colour: the export inlines the light one). */
export const NO_DATA = 'var(--line)';

/**
 * The choropleth's colour of a value, on a square-root scale from 0 to the view's largest value.
 * On a dark page the scale runs from a dim blue up to a light one: more is brighter there, as more
 * is darker on a light page (Blues' near-white low end read as "most" against the dark background).
 */
export function mapColour(max: number, dark: boolean): (value: number) => string {
  return scaleSequentialSqrt(dark ? interpolateRgb('#17324f', '#9ecae1') : interpolateBlues).domain([0, max || 1]);
}

/** The legend's stops: 0, a sixteenth, a quarter, nine sixteenths and all of the largest value (even steps of colour). */
export function legendStops(max: number): number[] {
  return [0, 0.25, 0.5, 0.75, 1].map((t) => t * t * max);
}

/**
 * The exported image's legend: the colour scale's stops (light palette, as exports always are), the
 * fill of "none", and the colour of each supplier whose flows are drawn as arcs.
 */
export function mapFrameLegend(series: MapSeries, colours: Record<string, string>, measure: Measure): { label: string; colour: string }[] {
  const max = Math.max(0, ...series.values.map((v) => v.value));
  const colour = mapColour(max, false);
  const suppliers = [...new Set(series.flows.map((f) => f.supplier))];
  return [
    ...legendStops(max).map((v) => ({ label: formatValue(v, measure), colour: colour(v) })),
    { label: 'none', colour: NO_DATA },
    ...suppliers.map((s) => ({ label: `arcs from ${s}`, colour: colours[s] ?? 'var(--accent)' })),
  ];
}
