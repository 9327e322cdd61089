import { SIPRI_STATES } from './country-names';

/** Other spellings users and older sources write, mapped onto SIPRI's canonical names (keys lower-case). */
const ALIASES: Record<string, string> = {
  dprk: 'North Korea',
  'korea north': 'North Korea',
  'korea, north': 'North Korea',
  'north korea (dprk)': 'North Korea',
  'juche korea': 'North Korea',
  "democratic people's republic of korea": 'North Korea',
  ussr: 'Soviet Union',
  'u.s.s.r.': 'Soviet Union',
  rok: 'South Korea',
  'korea south': 'South Korea',
  'korea, south': 'South Korea',
  'republic of korea': 'South Korea',
  frg: 'Germany',
  'west germany': 'Germany',
  'germany (west)': 'Germany',
  'germany (frg)': 'Germany',
  'federal republic of germany': 'Germany',
  gdr: 'East Germany (GDR)',
  'east germany': 'East Germany (GDR)',
  'german democratic republic': 'East Germany (GDR)',
  turkey: 'Turkiye',
  türkiye: 'Turkiye',
  usa: 'United States',
  us: 'United States',
  'u.s.': 'United States',
  'united states of america': 'United States',
  uk: 'United Kingdom',
  'great britain': 'United Kingdom',
  britain: 'United Kingdom',
  prc: 'China',
  "people's republic of china": 'China',
  'united arab emirates': 'UAE',
  'russian federation': 'Russia',
  vietnam: 'Viet Nam',
  'czech republic': 'Czechia',
  'ivory coast': "Cote d'Ivoire",
  "côte d'ivoire": "Cote d'Ivoire",
  swaziland: 'eSwatini',
  eswatini: 'eSwatini',
  burma: 'Myanmar',
  'cape verde': 'Cabo Verde',
  macedonia: 'North Macedonia',
  'east timor': 'Timor-Leste',
  'democratic republic of the congo': 'DR Congo',
  zaire: 'DR Congo',
  'republic of the congo': 'Congo',
  'bosnia and herzegovina': 'Bosnia-Herzegovina',
  'yemen arab republic': 'North Yemen',
  'south yemen (pdry)': 'South Yemen',
  'unknown supplier': 'unknown supplier(s)',
  'unknown suppliers': 'unknown supplier(s)',
  'unknown recipient': 'unknown recipient(s)',
  'unknown recipients': 'unknown recipient(s)',
};

const CANONICAL = new Map<string, string>(SIPRI_STATES.map((name) => [name.toLowerCase(), name]));

export type NormalisedName = { name: string; known: boolean };

/**
 * Map a country name onto SIPRI's canonical spelling. Names ending in '*' (non-state actors) and
 * '**' (organisations) are accepted as written; anything else unknown is kept as written, flagged.
 */
export function normaliseCountry(raw: string): NormalisedName {
  let found = memo.get(raw);
  if (found === undefined) {
    found = normaliseUncached(raw);
    // Registers repeat a few hundred names; the bound keeps hostile files from growing the memo.
    if (memo.size < 10_000) memo.set(raw, found);
  }
  return found;
}

const memo = new Map<string, NormalisedName>();

function normaliseUncached(raw: string): NormalisedName {
  const name = raw.trim().replace(/\s+/g, ' ');
  const lower = name.toLowerCase();
  const canonical = CANONICAL.get(lower) ?? ALIASES[lower];
  if (canonical) return { name: canonical, known: true };
  if (name.endsWith('*')) return { name, known: true };
  return { name, known: false };
}

/** Canonical name for a filter value typed by a user ("dprk" → "North Korea"); unknown names pass through trimmed. */
export function canonicalCountry(raw: string): string {
  return normaliseCountry(raw).name;
}
