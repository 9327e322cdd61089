import { canonicalCountry } from '../domain/countries';
import type { DealTable } from '../store/deal-table';
import { ESTIMATED, FactsBuilder, type Facts } from '../store/facts';
import type { AggregateQuery, Dimension, Filters } from '../domain/terms';

/**
 * What aggregation reads a register's facts through, computed once per register and kept with it
 * (weakly, so it goes with the register): the order-year facts, each dimension's dictionary
 * encoding, each set of grouped dimensions' combinations, and the selection of facts by filters.
 */

/** A register as aggregation sees it. Several may be combined; deals are told apart by source. */
export type FactSource = { deals: DealTable; deliveries: Facts };

/** Order-year facts: one per deal, measuring what was ordered (falling back to what was delivered). */
function orderFacts(deals: DealTable): Facts {
  const out = new FactsBuilder(deals.length);
  for (let i = 0; i < deals.length; i++) {
    const orderYear = deals.orderYear(i);
    if (orderYear === null) continue;
    // The number counted is the one ordered, or the one delivered where none was ordered (SIPRI's
    // delivery-level export): its own estimate mark goes with it, beside the order year's.
    const ordered = deals.number(i, 'ordered');
    const estimated =
      deals.estimated(i, 'orderYearEstimated') ||
      (ordered !== null ? deals.estimated(i, 'orderedEstimated') : deals.estimated(i, 'deliveredEstimated')) ||
      deals.estimated(i, 'valueEstimated');
    out.push(
      i,
      orderYear,
      ordered ?? deals.number(i, 'delivered'),
      deals.number(i, 'tivOrder') ?? deals.number(i, 'tivDelivered'),
      deals.number(i, 'valueUsdM'),
      estimated ? ESTIMATED : 0,
    );
  }
  return out.build();
}

const orderFactCache = new WeakMap<DealTable, Facts>();

export function factsOf(source: FactSource, basis: AggregateQuery['basis']): Facts {
  if (basis === 'delivery') return source.deliveries;
  let facts = orderFactCache.get(source.deals);
  if (!facts) orderFactCache.set(source.deals, (facts = orderFacts(source.deals)));
  return facts;
}

function lowerSet(values: string[] | undefined, canonical: (s: string) => string = (s) => s): Set<string> | null {
  return values && values.length > 0 ? new Set(values.map((v) => canonical(v).toLowerCase())) : null;
}

/** A deal's value on a dimension other than the year. A deal without a recorded origin was produced by its supplier. */
function dealKey(deals: DealTable, d: number, dim: Exclude<Dimension, 'year'>): string {
  if (dim === 'category') return deals.category(d);
  return dim === 'origin' ? (deals.origin(d) ?? deals.text(d, 'supplier')) : deals.text(d, dim);
}

/** Facts with each dimension dictionary-encoded once per register, so grouping compares integers. */
export type Encoded = { codes: Int32Array; names: (string | number)[] };
const encodings = new WeakMap<Facts, Map<Dimension, Encoded>>();
const monotonic = new WeakMap<Facts, boolean>();

export function encode(facts: Facts, deals: DealTable, dim: Dimension): Encoded {
  let byDim = encodings.get(facts);
  if (!byDim) encodings.set(facts, (byDim = new Map()));
  let enc = byDim.get(dim);
  if (enc) return enc;
  const index = new Map<string | number, number>();
  const names: (string | number)[] = [];
  const codes = new Int32Array(facts.length);
  const codeOf = (v: string | number): number => {
    let c = index.get(v);
    if (c === undefined) {
      c = names.length;
      index.set(v, c);
      names.push(v);
    }
    return c;
  };
  if (dim === 'year') {
    for (let i = 0; i < facts.length; i++) codes[i] = codeOf(facts.year[i]);
  } else {
    // Every fact of a deal has the deal's value: look each deal up once.
    const byDeal = new Int32Array(deals.length).fill(-1);
    for (let i = 0; i < facts.length; i++) {
      const d = facts.deal[i];
      if (byDeal[d] < 0) byDeal[d] = codeOf(dealKey(deals, d, dim));
      codes[i] = byDeal[d];
    }
  }
  byDim.set(dim, (enc = { codes, names }));
  return enc;
}

/** A filter on one dimension, as a mask over its dictionary: one array read per fact, no string work. */
type CodeFilter = { codes: Int32Array; keep: Uint8Array };

function codeFilter(facts: Facts, deals: DealTable, dim: Dimension, wanted: Set<string> | null, fold: boolean): CodeFilter | null {
  if (!wanted) return null;
  const { codes, names } = encode(facts, deals, dim);
  const keep = new Uint8Array(names.length);
  for (let c = 0; c < names.length; c++) {
    const name = String(names[c]);
    keep[c] = wanted.has(fold ? name.toLowerCase() : name) ? 1 : 0;
  }
  return { codes, keep };
}

/**
 * Indices of the facts that pass the filters, ascending. Names compare case-insensitively after
 * alias mapping (DPRK → North Korea). Each named filter is checked through its dimension's codes, so
 * filtering the whole register costs a few array reads per fact.
 */
export function selectFacts(facts: Facts, deals: DealTable, filters: Filters): Int32Array {
  const masks = [
    codeFilter(facts, deals, 'recipient', lowerSet(filters.recipients, canonicalCountry), true),
    codeFilter(facts, deals, 'supplier', lowerSet(filters.suppliers, canonicalCountry), true),
    codeFilter(facts, deals, 'origin', lowerSet(filters.origins, canonicalCountry), true),
    codeFilter(
      facts,
      deals,
      'category',
      filters.categories && filters.categories.length > 0 ? new Set<string>(filters.categories) : null,
      false,
    ),
    codeFilter(facts, deals, 'designation', lowerSet(filters.designations), true),
  ].filter((m): m is CodeFilter => m !== null);
  const from = filters.from ?? -Infinity;
  const to = filters.to ?? Infinity;
  const dropUncertain = filters.uncertain === 'exclude';
  const { year, flags } = facts;
  const estimated = ESTIMATED; // a local: bundlers turn an imported binding into a getter call per read
  const out = new Int32Array(facts.length);
  let n = 0;
  next: for (let i = 0; i < facts.length; i++) {
    for (let m = 0; m < masks.length; m++) if (masks[m].keep[masks[m].codes[i]] === 0) continue next;
    if (year[i] < from || year[i] > to || (dropUncertain && (flags[i] & estimated) !== 0)) continue;
    out[n++] = i;
  }
  return out.subarray(0, n);
}

/** Whether a register's facts come deal by deal, so that distinct deals can be counted without a set. */
export function dealOrdered(facts: Facts): boolean {
  let m = monotonic.get(facts);
  if (m === undefined) {
    m = true;
    for (let i = 1; i < facts.length && m; i++) m = facts.deal[i] >= facts.deal[i - 1];
    monotonic.set(facts, m);
  }
  return m;
}

/**
 * Each fact's combination of the grouped dimensions other than the year, numbered densely (0, 1, …)
 * once per register and set of dimensions. These are deal attributes: the Sankey's four of them
 * combine to ~7,000 values on the whole register where their product is ~10^8, so a view's grouping
 * becomes an array index instead of a hash lookup per fact.
 */
export type Combos = { codes: Int32Array; count: number };
const combos = new WeakMap<Facts, Map<string, Combos>>();

export function combosOf(facts: Facts, deals: DealTable, dims: Exclude<Dimension, 'year'>[]): Combos {
  let byDims = combos.get(facts);
  if (!byDims) combos.set(facts, (byDims = new Map()));
  const cacheKey = dims.join(',');
  let found = byDims.get(cacheKey);
  if (found) return found;
  const encoded = dims.map((d) => encode(facts, deals, d));
  const sizes = encoded.map((e) => Math.max(1, e.names.length));
  const numeric = sizes.reduce((a, b) => a * b, 1) < 2 ** 52;
  const index = new Map<number | string, number>();
  const codes = new Int32Array(facts.length);
  for (let i = 0; i < facts.length; i++) {
    let key: number | string = 0;
    if (numeric) for (let k = 0; k < encoded.length; k++) key = (key as number) * sizes[k] + encoded[k].codes[i];
    else key = encoded.map((e) => e.codes[i]).join(',');
    let c = index.get(key);
    if (c === undefined) index.set(key, (c = index.size));
    codes[i] = c;
  }
  byDims.set(cacheKey, (found = { codes, count: Math.max(1, index.size) }));
  return found;
}

/**
 * Each deal's first and last year among its facts (its delivery years, or its order year), once per
 * register: whether a year range cuts a deal's deliveries (see aggregate.ts).
 */
export type DealSpans = { first: Int32Array; last: Int32Array };
const spans = new WeakMap<Facts, DealSpans>();

export function dealSpans(facts: Facts, dealCount: number): DealSpans {
  let found = spans.get(facts);
  if (found) return found;
  const first = new Int32Array(dealCount).fill(2 ** 31 - 1);
  const last = new Int32Array(dealCount).fill(-(2 ** 31));
  for (let i = 0; i < facts.length; i++) {
    const d = facts.deal[i];
    if (facts.year[i] < first[d]) first[d] = facts.year[i];
    if (facts.year[i] > last[d]) last[d] = facts.year[i];
  }
  spans.set(facts, (found = { first, last }));
  return found;
}
