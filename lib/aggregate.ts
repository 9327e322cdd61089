import { canonicalCountry } from './countries';
import type { Deal } from './domain';
import { ESTIMATED, FactsBuilder, SPREAD, type Facts } from './facts';
import type { AggregateQuery, Dimension, Filters } from './query';

/** A register as aggregation sees it. Several may be combined; deals are told apart by source. */
export type FactSource = { deals: Deal[]; deliveries: Facts };

export type AggregateRow = {
  keys: Partial<Record<Dimension, string | number>>;
  /** Sum of the measure; null when no fact in the group has a number (never a silent 0). */
  value: number | null;
  /** Distinct deals behind the row. */
  deals: number;
  /** Facts in the group whose measure is unknown (e.g. qualitative rows for units). */
  missing: number;
  /** Some of the value comes from data the source marks uncertain. */
  estimated: boolean;
  /** Some of the value was spread over delivery years by our rule. */
  spread: boolean;
  /** Units of different categories were added together. */
  mixedCategories: boolean;
};

/**
 * Groups column by column (see aggregateTable): group g's value on dimension by[k] is keys[k][g];
 * its sum is value[g] (NaN where no fact has a number: never a silent 0); flags are ESTIMATED,
 * SPREAD and MIXED (units of several categories added together).
 */
export type GroupTable = {
  by: Dimension[];
  length: number;
  keys: (string | number)[][];
  value: Float64Array;
  deals: Int32Array;
  missing: Int32Array;
  flags: Uint8Array;
};

/** Order-year facts: one per deal, measuring what was ordered (falling back to what was delivered). */
function orderFacts(deals: Deal[]): Facts {
  const out = new FactsBuilder(deals.length);
  deals.forEach((d, i) => {
    if (d.orderYear === null) return;
    const estimated = d.orderYearEstimated || d.orderedEstimated || d.valueEstimated;
    out.push(i, d.orderYear, d.ordered ?? d.delivered, d.tivOrder ?? d.tivDelivered, d.valueUsdM, estimated ? ESTIMATED : 0);
  });
  return out.build();
}

const orderFactCache = new WeakMap<Deal[], Facts>();

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
function dealKey(deal: Deal, dim: Exclude<Dimension, 'year'>): string {
  return dim === 'origin' ? (deal.origin ?? deal.supplier) : deal[dim];
}

/** Facts with each dimension dictionary-encoded once per register, so grouping compares integers. */
type Encoded = { codes: Int32Array; names: (string | number)[] };
const encodings = new WeakMap<Facts, Map<Dimension, Encoded>>();
const monotonic = new WeakMap<Facts, boolean>();

function encode(facts: Facts, deals: Deal[], dim: Dimension): Encoded {
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
      if (byDeal[d] < 0) byDeal[d] = codeOf(dealKey(deals[d], dim));
      codes[i] = byDeal[d];
    }
  }
  byDim.set(dim, (enc = { codes, names }));
  return enc;
}

/** A filter on one dimension, as a mask over its dictionary: one array read per fact, no string work. */
type CodeFilter = { codes: Int32Array; keep: Uint8Array };

function codeFilter(facts: Facts, deals: Deal[], dim: Dimension, wanted: Set<string> | null, fold: boolean): CodeFilter | null {
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
export function selectFacts(facts: Facts, deals: Deal[], filters: Filters): Int32Array {
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
function dealOrdered(facts: Facts): boolean {
  let m = monotonic.get(facts);
  if (m === undefined) {
    m = true;
    for (let i = 1; i < facts.length && m; i++) m = facts.deal[i] >= facts.deal[i - 1];
    monotonic.set(facts, m);
  }
  return m;
}

const MIXED = 4;

/** Largest group table indexed directly (4 MB of Int32); larger key spaces use a Map. */
const DENSE_LIMIT = 1 << 20;

/**
 * Each fact's combination of the grouped dimensions other than the year, numbered densely (0, 1, …)
 * once per register and set of dimensions. These are deal attributes: the Sankey's four of them
 * combine to ~7,000 values on the whole register where their product is ~10^8, so a view's grouping
 * becomes an array index instead of a hash lookup per fact.
 */
type Combos = { codes: Int32Array; count: number };
const combos = new WeakMap<Facts, Map<string, Combos>>();

function combosOf(facts: Facts, deals: Deal[], dims: Exclude<Dimension, 'year'>[]): Combos {
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
 * One register's groups. A fact's group key is its combination number (see combosOf), times the
 * number of years when grouping by year too; keys index a table directly while it is small enough.
 * Accumulators are typed arrays indexed by group number, so the loop over facts allocates nothing;
 * the table's columns are filled once at the end, in the order groups were first seen.
 */
function aggregateSource(facts: Facts, deals: Deal[], query: AggregateQuery, denseLimit: number): GroupTable {
  const { by, measure } = query;
  const encoded = by.map((d) => encode(facts, deals, d));
  const categories = encode(facts, deals, 'category').codes;
  const values = measure === 'deals' ? null : facts[measure];
  const ordered = dealOrdered(facts);
  const combo = combosOf(
    facts,
    deals,
    by.filter((d): d is Exclude<Dimension, 'year'> => d !== 'year'),
  );
  const years = by.includes('year') ? encode(facts, deals, 'year') : null;
  const yearCount = years ? Math.max(1, years.names.length) : 1;
  const keySpace = combo.count * yearCount;
  const dense = keySpace <= denseLimit ? new Int32Array(keySpace).fill(-1) : null;
  const index = dense ? null : new Map<number, number>();
  const selected = selectFacts(facts, deals, query.filters);
  // Locals, not the imported bindings: bundlers turn those into a getter call per read.
  const [estimatedBit, spreadBit] = [ESTIMATED, SPREAD];
  const { deal: dealOf, flags: factFlags } = facts;
  // At most one group per selected fact, and per key: accumulators sized to the smaller.
  const n = selected.length;
  const most = Math.min(n, keySpace);
  const first = new Int32Array(most);
  const sum = new Float64Array(most);
  const hasValue = new Uint8Array(most);
  const missing = new Int32Array(most);
  const dealCounts = new Int32Array(most);
  const lastDeal = new Int32Array(most);
  const flags = new Uint8Array(most);
  const category = new Int32Array(most);
  const dealSets: Set<number>[] = [];
  let groups = 0;
  for (let s = 0; s < n; s++) {
    const i = selected[s];
    const deal = dealOf[i];
    const key = years ? combo.codes[i] * yearCount + years.codes[i] : combo.codes[i];
    let g = dense ? dense[key] : (index!.get(key) ?? -1);
    if (g < 0) {
      g = groups++;
      if (dense) dense[key] = g;
      else index!.set(key, g);
      first[g] = i;
      lastDeal[g] = -1;
      category[g] = categories[i];
      if (!ordered) dealSets[g] = new Set();
    }
    if (!ordered) dealSets[g].add(deal);
    else if (deal !== lastDeal[g]) {
      dealCounts[g]++;
      lastDeal[g] = deal;
    }
    if (category[g] !== categories[i]) flags[g] |= MIXED;
    const fact = factFlags[i];
    if (values) {
      const v = values[i];
      if (Number.isNaN(v)) missing[g]++;
      else {
        sum[g] += v;
        hasValue[g] = 1;
      }
      flags[g] |= fact & spreadBit;
    }
    flags[g] |= fact & estimatedBit;
  }
  const keys = by.map((_, k) => {
    const names = new Array<string | number>(groups);
    for (let g = 0; g < groups; g++) names[g] = encoded[k].names[encoded[k].codes[first[g]]];
    return names;
  });
  const value = new Float64Array(groups);
  const dealsOf = new Int32Array(groups);
  for (let g = 0; g < groups; g++) {
    dealsOf[g] = ordered ? dealCounts[g] : dealSets[g].size;
    value[g] = measure === 'deals' ? dealsOf[g] : hasValue[g] ? sum[g] : NaN;
    if (measure !== 'units') flags[g] &= ~MIXED;
  }
  return { by, length: groups, keys, value, deals: dealsOf, missing: missing.subarray(0, groups), flags: flags.subarray(0, groups) };
}

/** A table's group g as a row. */
function rowAt(table: GroupTable, g: number): AggregateRow {
  const keys: AggregateRow['keys'] = {};
  for (let k = 0; k < table.by.length; k++) keys[table.by[k]] = table.keys[k][g];
  const value = table.value[g];
  return {
    keys,
    value: Number.isNaN(value) ? null : value,
    deals: table.deals[g],
    missing: table.missing[g],
    estimated: (table.flags[g] & ESTIMATED) !== 0,
    spread: (table.flags[g] & SPREAD) !== 0,
    mixedCategories: (table.flags[g] & MIXED) !== 0,
  };
}

/** Tables of several registers merged by their keys; a deal belongs to one register, so counts add up. */
function mergeTables(parts: GroupTable[], by: Dimension[]): GroupTable {
  if (parts.length === 1) return parts[0];
  const index = new Map<string, number>();
  const keys: (string | number)[][] = by.map(() => []);
  const value: number[] = [];
  const deals: number[] = [];
  const missing: number[] = [];
  const flags: number[] = [];
  for (const t of parts) {
    for (let g = 0; g < t.length; g++) {
      const key = t.keys.map((k) => k[g]).join('\u0001');
      let m = index.get(key);
      if (m === undefined) {
        index.set(key, (m = value.length));
        for (let k = 0; k < by.length; k++) keys[k].push(t.keys[k][g]);
        value.push(t.value[g]);
        deals.push(t.deals[g]);
        missing.push(t.missing[g]);
        flags.push(t.flags[g]);
        continue;
      }
      deals[m] += t.deals[g];
      missing[m] += t.missing[g];
      if (!Number.isNaN(t.value[g])) value[m] = (Number.isNaN(value[m]) ? 0 : value[m]) + t.value[g];
      flags[m] |= t.flags[g];
    }
  }
  return {
    by,
    length: value.length,
    keys,
    value: Float64Array.from(value),
    deals: Int32Array.from(deals),
    missing: Int32Array.from(missing),
    flags: Uint8Array.from(flags),
  };
}

/**
 * The groups of one or more registers, column by column, in the order first seen: what `aggregate`
 * makes its rows of, for callers that walk ~7,000 groups (the Sankey) without an object for each.
 */
export function aggregateTable(sources: FactSource[], query: AggregateQuery, denseLimit = DENSE_LIMIT): GroupTable {
  const parts = sources.map((source) => aggregateSource(factsOf(source, query.basis), source.deals, query, denseLimit));
  return mergeTables(parts, query.by);
}

/**
 * A table's groups, largest value first (groups without a value last; ties keep their order). The
 * values are sorted as numbers by the engine and the groups found again by value: a sort calling back
 * into a comparison was ~2 ms of every view of the whole register.
 */
export function byValue(table: GroupTable): number[] {
  const n = table.length;
  const keys = new Float64Array(n);
  const groupsOf = new Map<number, number[]>();
  for (let g = 0; g < n; g++) {
    const v = Number.isNaN(table.value[g]) ? -1 : table.value[g];
    keys[g] = -v;
    const same = groupsOf.get(v);
    if (same) same.push(g);
    else groupsOf.set(v, [g]);
  }
  keys.sort();
  const order = new Array<number>(n);
  let i = 0;
  for (let k = 0; k < n; ) {
    const same = groupsOf.get(-keys[k])!;
    for (const g of same) order[i++] = g;
    k += same.length;
  }
  return order;
}

/**
 * Group the facts of one or more registers and sum the measure. Pure; O(facts). `denseLimit` is the
 * largest key space grouped through a table (tests set it to 0 to check the Map path against it).
 */
export function aggregate(sources: FactSource[], query: AggregateQuery, denseLimit = DENSE_LIMIT): AggregateRow[] {
  const table = aggregateTable(sources, query, denseLimit);
  return byValue(table).map((g) => rowAt(table, g));
}

/** SIPRI rounds half up; float sums like 277.49999999 are first cleaned to 6 decimals. */
export function roundHalfUp(x: number): number {
  return Math.floor(Math.round(x * 1e6) / 1e6 + 0.5);
}
