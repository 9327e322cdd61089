import { CATEGORIES, type Category } from './types';

/**
 * SIPRI's weapon descriptions → armament category, by ordered rules (first match wins).
 * The order carries SIPRI's conventions: turrets for guns and mortars are Artillery, other turrets
 * Other; SSM launchers and TELs are Artillery while the missiles are Missiles; SAM systems are Air
 * defence systems while SAMs are Missiles; naval guns and ASW launchers are Naval weapons; "tanker"
 * is a ship (or an aircraft) and never matches "tank". Covers the 2024, 2025 and 2026 wordings.
 */
const RULES: [RegExp, Category][] = [
  [/(aa|anti-aircraft) gun turret/, 'Air defence systems'],
  [/(spg|self-propelled gun|mortar|howitzer) turret/, 'Artillery'],
  [/turret/, 'Other'],
  [/\bengines?\b|turbofan|turbojet|turboprop|gas turbine|reactor/, 'Engines'],
  [/satellite/, 'Satellites'],
  [/air refuel/, 'Other'],
  [
    /(?<!anti-)radar|sonar|search system|\beo\b|fire[ -]control|sigint system|signals intelligence system|recce system|coastal defence system/,
    'Sensors',
  ],
  [/naval (gun|sam|mrl|multiple rocket)|\basw (mrl|mortar|rocket)|anti-submarine (mortar|rocket)/, 'Naval weapons'],
  [/sam system|\bad system|air[ -]defen[cs]e system|aa gun|anti-aircraft gun|abm system|abm\/sam system/, 'Air defence systems'],
  [/launcher|\btel\b/, 'Artillery'],
  [
    /missile(?! boat)|\bsam\b|sraam|bvraam|\basm\b|\bssm\b|\bslbm\b|torpedo(?! boat)|guided (bomb|glide|shell|rocket)|loitering munition|attack drone|naval mine/,
    'Missiles',
  ],
  [/aircraft(?! carrier)|helicopter|\bheli\b|uav|airship|drone|\baew\b/, 'Aircraft'],
  [
    /\btanks?\b|\bapc\b|\bapv\b|\bifv\b|\bafsv\b|\baev\b|\barv\b|\balv\b|armou?red|\bav\b|fighting vehicle|fire-support vehicle|\bugv\b|chassis|bridgelayer/,
    'Armoured vehicles',
  ],
  [/\bgun\b|mortar|\bmrl\b|multiple rocket launcher|howitzer/, 'Artillery'],
  [
    /ship|boat|craft|submarine|frigate|corvette|destroyer|cruiser|mine(sweeper|hunter|layer)|\bfac\b|\bopv\b|\baals\b|\btug\b|\btanker\b|icebreaker|\bmcm\b|\bssb\b|carrier/,
    'Ships',
  ],
];

/** A weapon description as first seen, with its category. */
export type KnownDescription = { text: string; category: Category };

// Registers repeat descriptions ("fighter aircraft" thousands of times): each is classified once, and
// every deal shares the first copy of its text instead of keeping its own. Bounded, so that uploads
// of made-up descriptions cannot grow it without end.
const known = new Map<string, KnownDescription>();
const MAX_KNOWN = 50_000;

/** The shared copy of a weapon description, and its category ('Other' when no rule knows it). */
export function knownDescription(description: string): KnownDescription {
  let entry = known.get(description);
  if (entry === undefined) {
    const lower = description.toLowerCase();
    entry = { text: description, category: RULES.find(([rule]) => rule.test(lower))?.[1] ?? 'Other' };
    if (known.size >= MAX_KNOWN) known.clear();
    known.set(description, entry);
  }
  return entry;
}

const BY_LOWER_NAME = new Map<string, Category>(CATEGORIES.map((c) => [c.toLowerCase(), c]));
// The 2026 exports hyphenate one category.
BY_LOWER_NAME.set('air-defence systems', 'Air defence systems');
BY_LOWER_NAME.set('air defense systems', 'Air defence systems');

/** A category written in a file ("Air-defence systems", "ships"), or null when it is not one of SIPRI's eleven. */
export function parseCategory(raw: string): Category | null {
  return BY_LOWER_NAME.get(raw.trim().toLowerCase()) ?? null;
}
