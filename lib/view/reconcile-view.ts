import { canonicalCountry } from '../domain/countries';
import type { Dataset, DatasetInfo } from '../store/dataset';
import type { Deal } from '../domain/types';
import { selectFacts } from '../query/fact-index';
import { reconcile, sideTotal, sideYears, weaponsOf, type MatchKind, type ReconcileRow } from '../query/reconcile';
import { BUNDLED_EXTRACT } from '../domain/bundled-extract';

/** The sources view opens on the quoted North Korea → Iran register against SIPRI's data. */
export const RECONCILE_DEFAULTS = {
  a: 'nk-iran-sipri-register-1982-1987',
  b: BUNDLED_EXTRACT.id,
  supplier: 'North Korea',
  recipient: 'Iran',
};

export type ReconcileParams = { a: string; b: string; supplier: string; recipient: string; from: number | null; to: number | null };
export type ParamProblem = { param: string; detail: string; allowed?: string[] };

const YEAR = /^\d{4}$/;

/**
 * The view's parameters (`a`, `b`: dataset ids; `supplier`, `recipient`; `from`, `to`), each bad one
 * named and replaced by its default: the page shows the problems as notices, the API answers 400.
 */
export function parseReconcileParams(
  get: (name: string) => string | undefined,
  available: DatasetInfo[],
): { params: ReconcileParams; problems: ParamProblem[] } {
  const problems: ParamProblem[] = [];
  const usable = available.filter((d) => d.error === null);
  const dataset = (name: 'a' | 'b') => {
    const raw = get(name)?.trim();
    const fallback = usable.find((d) => d.id === RECONCILE_DEFAULTS[name])?.id ?? usable[name === 'a' ? 0 : 1]?.id ?? '';
    if (!raw) return fallback;
    if (usable.some((d) => d.id === raw)) return raw;
    problems.push({ param: name, detail: `no dataset "${raw}"; GET /api/datasets lists them`, allowed: usable.map((d) => d.id) });
    return fallback;
  };
  const country = (name: 'supplier' | 'recipient') => {
    const raw = get(name)?.trim();
    return raw ? canonicalCountry(raw) : RECONCILE_DEFAULTS[name];
  };
  const year = (name: 'from' | 'to') => {
    const raw = get(name)?.trim();
    if (!raw) return null;
    if (YEAR.test(raw) && +raw >= 1900 && +raw <= 2100) return +raw;
    problems.push({ param: name, detail: `"${raw}" is not a year from 1900 to 2100` });
    return null;
  };
  const params = {
    a: dataset('a'),
    b: dataset('b'),
    supplier: country('supplier'),
    recipient: country('recipient'),
    from: year('from'),
    to: year('to'),
  };
  if (params.from !== null && params.to !== null && params.from > params.to) {
    problems.push({ param: 'from', detail: `from ${params.from} is after to ${params.to}` });
    [params.from, params.to] = [params.to, params.from];
  }
  if (params.a && params.a === params.b) problems.push({ param: 'b', detail: 'hold a dataset against another one, not against itself' });
  return { params, problems };
}

/** One side of the view: its dataset and what it records of each row's weapon. */
export type ReconcileSide = { id: string; name: string; citation: string };

export type ReconcileModel = {
  params: ReconcileParams;
  from: number;
  to: number;
  a: ReconcileSide;
  b: ReconcileSide;
  rows: (ReconcileRow & { aDeals: Deal[]; bDeals: Deal[] })[];
  /** The years each side records the pair in, at all. */
  yearsA: number[];
  yearsB: number[];
};

/** The years a dataset records deliveries from supplier to recipient, at all. */
function pairYears(d: Dataset, supplier: string, recipient: string): number[] {
  const years = new Set<number>();
  for (const i of selectFacts(d.deliveries, d.deals, { suppliers: [supplier], recipients: [recipient] })) years.add(d.deliveries.year[i]);
  return [...years].sort((x, y) => x - y);
}

/**
 * Line up the two datasets for the pair. Years left open default to those both record the pair in
 * (first to last), else to all either records.
 */
export function buildReconcile(params: ReconcileParams, a: Dataset, b: Dataset): ReconcileModel {
  const yearsA = pairYears(a, params.supplier, params.recipient);
  const yearsB = pairYears(b, params.supplier, params.recipient);
  const both = yearsA.filter((y) => yearsB.includes(y));
  const span = both.length ? both : [...yearsA, ...yearsB].sort((x, y) => x - y);
  const from = params.from ?? span[0] ?? params.to ?? 1950;
  const to = params.to ?? span[span.length - 1] ?? from;
  const q = { supplier: params.supplier, recipient: params.recipient, from, to };
  const rows = reconcile(weaponsOf(a, q), weaponsOf(b, q)).map((r) => ({
    ...r,
    aDeals: [...new Set(r.a.flatMap((w) => w.deals))].map((i) => a.deals.at(i)),
    bDeals: [...new Set(r.b.flatMap((w) => w.deals))].map((i) => b.deals.at(i)),
  }));
  const side = (d: Dataset): ReconcileSide => ({ id: d.info.id, name: d.info.name, citation: d.info.citation });
  return { params, from, to, a: side(a), b: side(b), rows, yearsA, yearsB };
}

/** A row as the API and the CSV give it: each side's units, years and TIV, and how it was matched. */
export type ReconcileApiRow = {
  weapon: string;
  category: string;
  match: MatchKind;
  a_weapons: string;
  b_weapons: string;
  a_units: number | null;
  b_units: number | null;
  difference: number | null;
  a_years: string;
  b_years: string;
  a_tiv: number | null;
  b_tiv: number | null;
  a_deals: number;
  b_deals: number;
};

export const RECONCILE_COLUMNS: (keyof ReconcileApiRow)[] = [
  'weapon',
  'category',
  'match',
  'a_weapons',
  'b_weapons',
  'a_units',
  'b_units',
  'difference',
  'a_years',
  'b_years',
  'a_tiv',
  'b_tiv',
  'a_deals',
  'b_deals',
];

const names = (records: ReconcileRow['a']) => records.map((w) => [w.designation, w.description].filter(Boolean).join(' ')).join('; ');

export function reconcileApiRows(model: ReconcileModel): ReconcileApiRow[] {
  return model.rows.map((r) => {
    const [aUnits, bUnits] = [sideTotal(r.a, 'units'), sideTotal(r.b, 'units')];
    return {
      weapon: r.weapon,
      category: r.category,
      match: r.match,
      a_weapons: names(r.a),
      b_weapons: names(r.b),
      a_units: aUnits,
      b_units: bUnits,
      difference: aUnits !== null && bUnits !== null ? Math.round((bUnits - aUnits) * 1000) / 1000 : null,
      a_years: sideYears(r.a).join('; '),
      b_years: sideYears(r.b).join('; '),
      a_tiv: sideTotal(r.a, 'tiv'),
      b_tiv: sideTotal(r.b, 'tiv'),
      a_deals: r.aDeals.length,
      b_deals: r.bDeals.length,
    };
  });
}
