import { STORED_CATEGORIES, type Category } from '../domain/types';
import { selectFacts, type FactSource } from './fact-index';

/**
 * Two datasets' records of one supplier → recipient over a range of delivery years, lined up weapon
 * by weapon, so that sources can be held against each other (the quoted register against SIPRI's
 * data: 4,000 anti-tank missiles against 2,000). Pure: the page and the API pass in the datasets.
 */

/** What one side records of one weapon (one designation and description) in the years asked. */
export type WeaponRecord = {
  designation: string;
  description: string;
  category: Category;
  /** Units delivered in the years asked; null when the side gives no number. */
  units: number | null;
  /** SIPRI TIV delivered in the years asked, millions; null when the side gives none. */
  tiv: number | null;
  /** Delivery years in the range, ascending. */
  years: number[];
  /** Indices of the deals behind it in its dataset's deal table. */
  deals: number[];
  /** Some number or year of it is uncertain in the source, or spread by our rule. */
  uncertain: boolean;
};

export type MatchKind = 'designation' | 'description' | 'category' | 'only a' | 'only b';

/** One line of the comparison: what each side records of (what is taken to be) the same weapon. */
export type ReconcileRow = {
  /** The weapon as a reader would name it: a designation where either side gives one, and its kind. */
  weapon: string;
  category: Category;
  /** How the two sides were matched. */
  match: MatchKind;
  /** Each side's records (several when one side splits what the other counts as one), empty when it has none. */
  a: WeaponRecord[];
  b: WeaponRecord[];
};

export type ReconcileQuery = { supplier: string; recipient: string; from: number; to: number };

/** A side's weapons: its deliveries from `supplier` to `recipient` in the years, by designation and description. */
export function weaponsOf(source: FactSource, q: ReconcileQuery): WeaponRecord[] {
  const { deals, deliveries: facts } = source;
  const byKey = new Map<string, WeaponRecord & { knownUnits: boolean; knownTiv: boolean; yearSet: Set<number>; dealSet: Set<number> }>();
  const picked = selectFacts(facts, deals, { suppliers: [q.supplier], recipients: [q.recipient], from: q.from, to: q.to });
  for (const i of picked) {
    const d = facts.deal[i];
    const designation = deals.text(d, 'designation');
    const description = deals.text(d, 'description');
    const key = `${designation}\u0000${description}`;
    let w = byKey.get(key);
    if (!w) {
      w = {
        designation,
        description,
        category: deals.category(d),
        units: 0,
        tiv: 0,
        years: [],
        deals: [],
        uncertain: false,
        knownUnits: false,
        knownTiv: false,
        yearSet: new Set(),
        dealSet: new Set(),
      };
      byKey.set(key, w);
    }
    if (!Number.isNaN(facts.units[i])) {
      w.units! += facts.units[i];
      w.knownUnits = true;
    }
    if (!Number.isNaN(facts.tiv[i])) {
      w.tiv! += facts.tiv[i];
      w.knownTiv = true;
    }
    w.yearSet.add(facts.year[i]);
    w.dealSet.add(d);
    w.uncertain ||= facts.flags[i] !== 0;
  }
  return [...byKey.values()].map(({ knownUnits, knownTiv, yearSet, dealSet, ...w }) => ({
    ...w,
    // Spread values are thirds and sixths of a deal: a sum over the whole deal comes back whole.
    units: knownUnits ? tidy(w.units!) : null,
    tiv: knownTiv ? tidy(w.tiv!) : null,
    years: [...yearSet].sort((x, y) => x - y),
    deals: [...dealSet].sort((x, y) => x - y),
  }));
}

const tidy = (x: number) => Math.round(x * 1000) / 1000;

/** A designation compared without case, punctuation or a bracketed alias: "R-17 Elbrus (Scud-B)" = "R-17 Elbrus". */
export function designationKey(designation: string): string {
  return designation
    .toLowerCase()
    .replace(/\([^)]*\)/g, '')
    .replace(/[^a-z0-9]/g, '');
}

/** SIPRI's wording changes between releases ("SSM" in 2024, "surface-to-surface missile" in 2025): one spelling for each. */
const DESCRIPTION_SYNONYMS: [RegExp, string][] = [
  [/^(ssm|srbm|surface-to-surface missile|short-range ballistic missile|ballistic missile)$/, 'surface-to-surface missile'],
  [/^(sam|surface-to-air missile)$/, 'surface-to-air missile'],
  [/^(portable sam|portable surface-to-air missile|manpads)$/, 'portable surface-to-air missile'],
  [/^(sraam|short-range air-to-air missile)$/, 'short-range air-to-air missile'],
  [/^(bvraam|beyond-visual-range air-to-air missile)$/, 'beyond-visual-range air-to-air missile'],
  [/^(asm|air-to-surface missile)$/, 'air-to-surface missile'],
  [/^(apc|apv|armoured personnel carrier|armoured personnel vehicle)$/, 'armoured personnel carrier'],
  [/^(ifv|infantry fighting vehicle)$/, 'infantry fighting vehicle'],
  [/^(fga aircraft|fighter\/ground-attack aircraft|fighter\/ground attack aircraft)$/, 'fighter/ground-attack aircraft'],
  [/^(mrl|multiple rocket launcher)$/, 'multiple rocket launcher'],
  [/^self-propelled (mrl|multiple rocket launcher)$/, 'self-propelled multiple rocket launcher'],
  [/^towed (mrl|multiple rocket launcher)$/, 'towed multiple rocket launcher'],
  [/^(spg|self-propelled gun)$/, 'self-propelled gun'],
  [/^(uav|drone|reconnaissance uav|reconnaissance drone)$/, 'reconnaissance drone'],
];

export function descriptionKey(description: string): string {
  const plain = description.toLowerCase().replace(/\s+/g, ' ').trim();
  return DESCRIPTION_SYNONYMS.find(([rule]) => rule.test(plain))?.[1] ?? plain;
}

/**
 * Line up two sides' weapons in three passes, each on what the earlier ones left: by designation
 * where both name one; by description (SIPRI's wordings of each release made one) within a
 * category, all of a side's weapons of that description together; then what is left of a category
 * on both sides as one row. The rest is on one side only.
 */
export function reconcile(a: WeaponRecord[], b: WeaponRecord[]): ReconcileRow[] {
  const left = { a: new Set(a.keys()), b: new Set(b.keys()) };
  const rows: ReconcileRow[] = [];
  const take = (side: 'a' | 'b', list: WeaponRecord[], indices: number[]) => {
    for (const i of indices) left[side].delete(i);
    return indices.map((i) => list[i]);
  };
  const pass = (match: MatchKind, keyOf: (w: WeaponRecord) => string | null) => {
    const groups = new Map<string, { a: number[]; b: number[] }>();
    for (const [side, list] of [
      ['a', a],
      ['b', b],
    ] as const) {
      for (const i of left[side]) {
        const key = keyOf(list[i]);
        if (key === null) continue;
        const g = groups.get(key) ?? { a: [], b: [] };
        g[side].push(i);
        groups.set(key, g);
      }
    }
    for (const g of groups.values()) {
      if (g.a.length === 0 || g.b.length === 0) continue;
      rows.push(row(match, take('a', a, g.a), take('b', b, g.b)));
    }
  };
  pass('designation', (w) => (designationKey(w.designation) ? `${designationKey(w.designation)}` : null));
  pass('description', (w) => `${w.category}\u0000${descriptionKey(w.description)}`);
  pass('category', (w) => w.category);
  for (const i of [...left.a]) rows.push(row('only a', take('a', a, [i]), []));
  for (const i of [...left.b]) rows.push(row('only b', [], take('b', b, [i])));
  return rows.sort((x, y) => CATEGORY_ORDER(x.category) - CATEGORY_ORDER(y.category) || x.weapon.localeCompare(y.weapon));
}

/** SIPRI's order of the categories. */
const CATEGORY_ORDER = (c: Category) => STORED_CATEGORIES.indexOf(c);

function row(match: MatchKind, a: WeaponRecord[], b: WeaponRecord[]): ReconcileRow {
  const all = [...a, ...b];
  // One spelling per designation: "R-17 Elbrus (Scud-B)" and "R-17 Elbrus" are one weapon.
  const designations: string[] = [];
  const seen = new Set<string>();
  for (const { designation } of all) {
    const key = designationKey(designation);
    if (key && !seen.has(key)) designations.push(designation);
    seen.add(key);
  }
  const descriptions = [...new Set(all.map((w) => w.description).filter(Boolean))];
  const named = designations.length ? designations.slice(0, 3).join(' / ') : '';
  const kind = match === 'category' ? `${all[0].category.toLowerCase()}: ${descriptions.join(', ')}` : (descriptions[0] ?? '');
  return { weapon: named ? `${named} (${kind})` : kind, category: all[0].category, match, a, b };
}

/** Units (or TIV) a side records for a row: the sum of its weapons, null when none gives a number. */
export function sideTotal(records: WeaponRecord[], field: 'units' | 'tiv'): number | null {
  const known = records.map((r) => r[field]).filter((x): x is number => x !== null);
  return known.length ? tidy(known.reduce((s, x) => s + x, 0)) : null;
}

/** The delivery years a side records for a row. */
export function sideYears(records: WeaponRecord[]): number[] {
  return [...new Set(records.flatMap((r) => r.years))].sort((x, y) => x - y);
}
