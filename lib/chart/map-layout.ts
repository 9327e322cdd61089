import { geoCentroid, geoEqualEarth, geoPath, type GeoPermissibleObjects } from 'd3';
import { feature, merge } from 'topojson-client';
import type { GeometryCollection, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import type { Feature, Geometry } from 'geojson';
import { MERGED_STATES, mapPlace, resolvedPlace, type LonLat } from '../domain/map-places';
import type { MapSeries } from '../series/map-series';

/** The topology the map draws: world-atlas's countries, each named. */
export type Countries = Topology<{ countries: GeometryCollection<{ name: string }> }>;

/** The map's marks projected to a size (see `layoutMap`). */
export type MapLayout = ReturnType<typeof layoutMap>;

type Placed = { name: string; value: number; d: string | null; anchor: LonLat; merged: boolean; outlineOnly: boolean };

/**
 * The map's marks projected to this size (Equal Earth): every country shape with its own value, the
 * data's places (a shape, a union of shapes for a state gone, or a circle's anchor), outlines of
 * the historical states on the other side of the flows, and the flows as curves.
 */
export function layoutMap(topology: Countries, series: MapSeries, width: number, height: number) {
  const projection = geoEqualEarth().fitSize([width, height], { type: 'Sphere' });
  const path = geoPath(projection);
  // Every country of the topology is a polygon or multipolygon (merge takes only those).
  const geometries = topology.objects.countries.geometries as unknown as (Polygon<{ name: string }> | MultiPolygon<{ name: string }>)[];
  const union = (names: string[]) =>
    merge(
      topology,
      geometries.filter((g) => names.includes(g.properties!.name)),
    );
  const byName = new Map<string, Feature<Geometry, { name: string }>>();
  for (const f of (feature(topology, topology.objects.countries) as unknown as { features: Feature<Geometry, { name: string }>[] })
    .features)
    byName.set(f.properties.name, f);
  const shapeNames = new Set(byName.keys());
  const values = new Map(series.values.map((v) => [v.name, v.value]));
  // A shape's own value: the data's name for it (a historical state's successors keep their own).
  const shapeValue = new Map<string, number>();
  for (const [name, value] of values) {
    const p = mapPlace(name, shapeNames);
    if (p.kind === 'shape' && p.shapes.length === 1) shapeValue.set(p.shapes[0], (shapeValue.get(p.shapes[0]) ?? 0) + value);
  }
  const base = [...byName.values()].map((f) => ({ name: f.properties.name, d: path(f) ?? '', valueOf: shapeValue.get(f.properties.name) }));
  const anchors = new Map<string, LonLat>();
  const places: Placed[] = [];
  const projected = (lonLat: LonLat): LonLat => (projection(lonLat) ?? [0, 0]) as LonLat;
  const anchorOf = (name: string): LonLat | null => {
    const known = anchors.get(name);
    if (known) return known;
    const p = resolvedPlace(name, shapeNames);
    let at: LonLat | null = null;
    if (p.kind === 'point') at = projected(p.at);
    else if (p.kind === 'shape') {
      const shape: GeoPermissibleObjects = p.shapes.length === 1 ? byName.get(p.shapes[0])! : union(p.shapes);
      at = projected(geoCentroid(shape) as LonLat);
    }
    if (at) anchors.set(name, at);
    return at;
  };
  for (const [name, value] of values) {
    const place = mapPlace(name, shapeNames);
    const anchor = anchorOf(name);
    if (!anchor) continue;
    if (place.kind === 'shape' && place.shapes.length === 1) {
      places.push({ name, value, d: path(byName.get(place.shapes[0])!) ?? null, anchor, merged: false, outlineOnly: false });
    } else if (place.kind === 'shape') {
      // A historical state over its successors: filled where they have no value of their own, else
      // outlined. A state of today over several shapes (Somalia with Somaliland) is drawn as one.
      const historical = MERGED_STATES.includes(name);
      const outlineOnly = historical && place.shapes.some((s) => shapeValue.has(s));
      const merged = union(place.shapes);
      places.push({ name, value, d: path(merged) ?? null, anchor, merged: historical, outlineOnly });
    } else places.push({ name, value, d: null, anchor, merged: false, outlineOnly: false });
  }
  // The historical states on the other side of the flows (the Soviet Union as a supplier): outlined.
  const placed = new Set(places.map((p) => p.name));
  const outlines = series.otherSide.flatMap((name) => {
    const p = mapPlace(name, shapeNames);
    if (placed.has(name) || p.kind !== 'shape' || p.shapes.length < 2) return [];
    return [{ name, d: path(union(p.shapes)) ?? '' }];
  });
  const arcs = series.flows.flatMap((f) => {
    const a = anchorOf(f.supplier);
    const b = anchorOf(f.recipient);
    if (!a || !b) return [];
    return [{ ...f, ...arcCurve(a, b) }];
  });
  return { sphere: path({ type: 'Sphere' }) ?? '', base, places, outlines, arcs };
}

/** Of an arc, the stretch that takes the pointer: its ends lie over countries, which keep theirs. */
const HIT_FROM = 0.2;
const HIT_TO = 0.8;

/**
 * A flow's curve in the projected plane: a quadratic bowing to the left of the flow, so that the two
 * flows between a pair (each way) stay apart; its middle stretch (`hit`, the part that takes the
 * pointer, see HIT_FROM) and its midpoint (where the keyboard's arrows find it). Drawn in the plane,
 * not along great circles: a flow never wraps across the map's edge.
 */
export function arcCurve(a: LonLat, b: LonLat): { d: string; hit: string; mid: LonLat } {
  const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
  const c: LonLat = [(a[0] + b[0]) / 2 - dy * 0.2, (a[1] + b[1]) / 2 + dx * 0.2];
  // The stretch t0…t1 of a quadratic Bézier is one too: its ends on the curve, its control point the
  // curve's polar form at (t0, t1).
  const at = (t: number): LonLat => [
    (1 - t) ** 2 * a[0] + 2 * (1 - t) * t * c[0] + t * t * b[0],
    (1 - t) ** 2 * a[1] + 2 * (1 - t) * t * c[1] + t * t * b[1],
  ];
  const polar = (t0: number, t1: number): LonLat => {
    const [w0, w1, w2] = [(1 - t0) * (1 - t1), (1 - t0) * t1 + t0 * (1 - t1), t0 * t1];
    return [w0 * a[0] + w1 * c[0] + w2 * b[0], w0 * a[1] + w1 * c[1] + w2 * b[1]];
  };
  const [h0, h1, hc] = [at(HIT_FROM), at(HIT_TO), polar(HIT_FROM, HIT_TO)];
  const r = (v: number) => Math.round(v * 10) / 10;
  const pt = (p: LonLat) => `${r(p[0])},${r(p[1])}`;
  return {
    d: `M${pt(a)}Q${pt(c)} ${pt(b)}`,
    hit: `M${pt(h0)}Q${pt(hc)} ${pt(h1)}`,
    mid: at(0.5),
  };
}
