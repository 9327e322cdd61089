/**
 * Where a SIPRI name is drawn on the world map (Natural Earth 1:110m, `world-atlas`): as one or
 * more of the topology's country shapes (a state that no longer exists is the union of its
 * successors'), as a circle at a stated point (a state or actor with no shape of its own), or
 * nowhere, with the reason, so that the page lists it under the map instead of dropping it.
 */

/** Longitude, latitude. */
export type LonLat = [number, number];

export type MapPlace =
  /** Natural Earth country names (`properties.name` in `countries-110m.json`); several: their union. */
  | { kind: 'shape'; shapes: string[] }
  /** A circle at a point, and what the point is. */
  | { kind: 'point'; at: LonLat; where: string }
  /** A circle where another place is (a non-state actor in the country it fought in): a SIPRI name. */
  | { kind: 'within'; place: string }
  /** Not drawn: an organisation, an unknown party, a table's "all". */
  | { kind: 'none'; why: string };

/** SIPRI's spelling → Natural Earth's, where they differ. */
const SHAPE_NAMES: Record<string, string[]> = {
  'Bosnia-Herzegovina': ['Bosnia and Herz.'],
  'Central African Republic': ['Central African Rep.'],
  "Cote d'Ivoire": ["Côte d'Ivoire"],
  'DR Congo': ['Dem. Rep. Congo'],
  'Dominican Republic': ['Dominican Rep.'],
  'Equatorial Guinea': ['Eq. Guinea'],
  Eswatini: ['eSwatini'],
  'North Macedonia': ['Macedonia'],
  'Northern Cyprus': ['N. Cyprus'],
  'Solomon Islands': ['Solomon Is.'],
  // SIPRI counts Somaliland as part of Somalia.
  Somalia: ['Somalia', 'Somaliland'],
  'South Sudan': ['S. Sudan'],
  Turkiye: ['Turkey'],
  UAE: ['United Arab Emirates'],
  'United States': ['United States of America'],
  'Viet Nam': ['Vietnam'],
  'Western Sahara': ['W. Sahara'],
  // States that no longer exist: the union of their successors' shapes.
  'Soviet Union': [
    'Russia',
    'Ukraine',
    'Belarus',
    'Moldova',
    'Lithuania',
    'Latvia',
    'Estonia',
    'Georgia',
    'Armenia',
    'Azerbaijan',
    'Kazakhstan',
    'Uzbekistan',
    'Turkmenistan',
    'Kyrgyzstan',
    'Tajikistan',
  ],
  Yugoslavia: ['Serbia', 'Montenegro', 'Kosovo', 'Bosnia and Herz.', 'Croatia', 'Slovenia', 'Macedonia'],
  'Serbia and Montenegro': ['Serbia', 'Montenegro', 'Kosovo'],
  Czechoslovakia: ['Czechia', 'Slovakia'],
};

/** The historical states drawn as unions (the map's legend and tests name them). */
export const MERGED_STATES = ['Soviet Union', 'Yugoslavia', 'Serbia and Montenegro', 'Czechoslovakia'];

/** States and regions too small for the 1:110m shapes, or gone without successors there: their capital. */
const POINTS: Record<string, [LonLat, string]> = {
  'Antigua and Barbuda': [[-61.85, 17.12], 'St. John’s'],
  Aruba: [[-70.03, 12.52], 'Oranjestad'],
  Bahrain: [[50.58, 26.22], 'Manama'],
  Barbados: [[-59.6, 13.1], 'Bridgetown'],
  Biafra: [[7.5, 6.45], 'Enugu'],
  'Cabo Verde': [[-23.51, 14.93], 'Praia'],
  Comoros: [[43.26, -11.7], 'Moroni'],
  'East Germany (GDR)': [[13.4, 52.52], 'East Berlin'],
  Grenada: [[-61.75, 12.05], 'St. George’s'],
  Katanga: [[27.48, -11.66], 'Élisabethville (Lubumbashi)'],
  Kiribati: [[173.0, 1.33], 'Tarawa'],
  'Libya GNC': [[13.19, 32.89], 'Tripoli'],
  'Libya HoR*': [[23.96, 32.08], 'Tobruk'],
  Maldives: [[73.51, 4.17], 'Malé'],
  Malta: [[14.51, 35.9], 'Valletta'],
  'Marshall Islands': [[171.38, 7.09], 'Majuro'],
  Mauritius: [[57.5, -20.16], 'Port Louis'],
  Micronesia: [[158.16, 6.92], 'Palikir'],
  'North Yemen': [[44.21, 15.35], 'Sana’a'],
  'Yemen Arab Republic (North Yemen)': [[44.21, 15.35], 'Sana’a'],
  'South Yemen': [[45.03, 12.79], 'Aden'],
  Palau: [[134.48, 7.5], 'Ngerulmud'],
  'Saint Kitts and Nevis': [[-62.72, 17.3], 'Basseterre'],
  'Saint Vincent': [[-61.22, 13.16], 'Kingstown'],
  Samoa: [[-171.76, -13.83], 'Apia'],
  Seychelles: [[55.45, -4.62], 'Victoria'],
  Singapore: [[103.82, 1.35], 'Singapore'],
  'South Vietnam': [[106.66, 10.76], 'Saigon'],
  Tonga: [[-175.2, -21.14], 'Nuku’alofa'],
  Tuvalu: [[179.2, -8.52], 'Funafuti'],
};

/**
 * Non-state actors whose parenthesis names the power they fought rather than where they were
 * (SIPRI writes "MPLA (Portugal)*"): drawn in the country they fought in.
 */
const ACTOR_PLACES: Record<string, string> = {
  'FRELIMO (Portugal)*': 'Mozambique',
  'MPLA (Portugal)*': 'Angola',
  'PAIGC (Portugal)*': 'Guinea-Bissau',
  'Viet Minh (France)*': 'Viet Nam',
  'PIJ (Israel/Palestine)*': 'Palestine',
  'PRC (Israel/Palestine)*': 'Palestine',
  'PLO (Israel)*': 'Palestine',
  'Provisional IRA (UK)*': 'United Kingdom',
  'Lebanon Palestinian rebels*': 'Lebanon',
};

const NOWHERE: Record<string, string> = {
  'All suppliers': 'a TIV table’s every supplier, not a country',
  'All recipients': 'a TIV table’s every recipient, not a country',
  'unknown supplier(s)': 'the source does not know the supplier',
  'unknown recipient(s)': 'the source does not know the recipient',
  'unknown rebel group*': 'the source does not name the group or where it was',
};

/** Where a SIPRI name is drawn, or why it is not. `shapes` is the topology's names, to check a name against. */
export function mapPlace(name: string, shapes: ReadonlySet<string>): MapPlace {
  const aliased = SHAPE_NAMES[name];
  if (aliased) return { kind: 'shape', shapes: aliased };
  if (shapes.has(name)) return { kind: 'shape', shapes: [name] };
  const point = POINTS[name];
  if (point) return { kind: 'point', at: point[0], where: point[1] };
  const actor = ACTOR_PLACES[name];
  if (actor) return { kind: 'within', place: actor };
  const nowhere = NOWHERE[name];
  if (nowhere) return { kind: 'none', why: nowhere };
  if (name.endsWith('**')) return { kind: 'none', why: 'an organisation, not a place' };
  // "ANC (South Africa)*", "Viet Cong (South Vietnam)*": where the parenthesis says.
  const inside = /\(([^()]+)\)\*$/.exec(name);
  if (inside) return { kind: 'within', place: inside[1].split('/')[0].trim() };
  // "Syria rebels*": in the country named.
  const rebels = /^(.+?) rebels\*$/i.exec(name);
  if (rebels) return { kind: 'within', place: rebels[1] };
  return { kind: 'none', why: 'no shape or point known for this name' };
}

/** A `within` place followed to a shape or a point (one step: the place named is a state). */
export function resolvedPlace(name: string, shapes: ReadonlySet<string>): Exclude<MapPlace, { kind: 'within' }> {
  const place = mapPlace(name, shapes);
  if (place.kind !== 'within') return place;
  const target = mapPlace(place.place, shapes);
  return target.kind === 'within' ? { kind: 'none', why: `placed in ${place.place}, itself not a state` } : target;
}

/** Whether a name is among those the map knows cannot be drawn (the "not on the map" list's expected part). */
export function isKnownException(place: MapPlace): boolean {
  return place.kind === 'none' && place.why !== 'no shape or point known for this name';
}
