import 'server-only';
import countries from 'world-atlas/countries-110m.json';

/**
 * Natural Earth's 1:110m countries (world-atlas, public domain), as the map page fetches them from
 * /api/topology: the server reads it once, the browser caches it; it is no part of a page's script.
 */
export const TOPOLOGY = countries as unknown as { objects: { countries: { geometries: { properties: { name: string } }[] } } };

let names: Set<string> | null = null;

/** The topology's country names, for placing SIPRI's names on the server (the "not on the map" list). */
export function topologyShapeNames(): ReadonlySet<string> {
  names ??= new Set(TOPOLOGY.objects.countries.geometries.map((g) => g.properties.name));
  return names;
}
