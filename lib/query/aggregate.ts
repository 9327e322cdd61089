import type { DealTable } from '../store/deal-table';
import { ESTIMATED, SPREAD, type Facts } from '../store/facts';
import { combosOf, dealOrdered, dealSpans, encode, factsOf, selectFacts, type FactSource } from './fact-index';
import { byValue, MIXED, mergeTables, rowAt, type AggregateRow, type GroupTable } from './group-table';
import type { AggregateQuery, Dimension } from '../domain/terms';

export type { FactSource } from './fact-index';
export type { AggregateRow, GroupTable } from './group-table';

/** Largest group table indexed directly (4 MB of Int32); larger key spaces use a Map. */
const DENSE_LIMIT = 1 << 20;

/**
 * One register's groups. A fact's group key is its combination number (see combosOf), times the
 * number of years when grouping by year too; keys index a table directly while it is small enough.
 * Accumulators are typed arrays indexed by group number, so the loop over facts allocates nothing;
 * the table's columns are filled once at the end, in the order groups were first seen.
 */
function aggregateSource(facts: Facts, deals: DealTable, query: AggregateQuery, denseLimit: number, withSpans = false): Grouped {
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
  // Summed over years, a deal whose delivery years all lie in the range adds up to its exact total:
  // its facts count as spread only where grouped by year, or where the range cuts the deal.
  const from = query.filters.from ?? -Infinity;
  const to = query.filters.to ?? Infinity;
  const span = years && !withSpans ? null : dealSpans(facts, deals.length);
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
  const estimatedPart = new Float64Array(most);
  const spreadPart = new Float64Array(most);
  const spreadFirmPart = new Float64Array(most);
  // Counting deals, the estimated part is the number of deals with an estimated fact in the group.
  const countDeals = values === null;
  const lastEstimatedDeal = countDeals && ordered ? new Int32Array(most) : null;
  const estimatedDealSets: Set<number>[] = [];
  // Asked for (year cells): every spread value with its cell and its deal's span, so that a year
  // range cutting some of a cell's deals and not others still gets the cell's spread part exactly.
  const entries = withSpans ? { group: [] as number[], deal: [] as number[], value: [] as number[], firm: [] as number[] } : null;
  // Asked for (year cells): each group's earliest and latest year among the deals it holds spread values of.
  const spreadFirst = withSpans ? new Int32Array(most).fill(2 ** 31 - 1) : null;
  const spreadLast = withSpans ? new Int32Array(most).fill(-(2 ** 31)) : null;
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
      if (lastEstimatedDeal) lastEstimatedDeal[g] = -1;
      else if (countDeals) estimatedDealSets[g] = new Set();
    }
    if (!ordered) dealSets[g].add(deal);
    else if (deal !== lastDeal[g]) {
      dealCounts[g]++;
      lastDeal[g] = deal;
    }
    if (category[g] !== categories[i]) flags[g] |= MIXED;
    const fact = factFlags[i];
    const isEstimated = (fact & estimatedBit) !== 0;
    if (values) {
      const v = values[i];
      const known = !Number.isNaN(v);
      if (!known) missing[g]++;
      else {
        sum[g] += v;
        hasValue[g] = 1;
        if (isEstimated) estimatedPart[g] += v;
      }
      if ((fact & spreadBit) !== 0) {
        if (years || span!.first[deal] < from || span!.last[deal] > to) {
          flags[g] |= spreadBit;
          if (known) {
            spreadPart[g] += v;
            if (!isEstimated) spreadFirmPart[g] += v;
          }
        }
        if (entries && known) {
          entries.group.push(g);
          entries.deal.push(deal);
          entries.value.push(v);
          entries.firm.push(isEstimated ? 0 : 1);
        }
        if (spreadFirst && spreadLast) {
          if (span!.first[deal] < spreadFirst[g]) spreadFirst[g] = span!.first[deal];
          if (span!.last[deal] > spreadLast[g]) spreadLast[g] = span!.last[deal];
        }
      }
    } else if (isEstimated) {
      if (!lastEstimatedDeal) estimatedDealSets[g].add(deal);
      else if (lastEstimatedDeal[g] !== deal) {
        estimatedPart[g]++;
        lastEstimatedDeal[g] = deal;
      }
    }
    flags[g] |= fact & estimatedBit;
  }
  if (countDeals && !lastEstimatedDeal) for (let g = 0; g < groups; g++) estimatedPart[g] = estimatedDealSets[g].size;
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
  return {
    by,
    length: groups,
    keys,
    value,
    deals: dealsOf,
    missing: missing.subarray(0, groups),
    flags: flags.subarray(0, groups),
    estimated: estimatedPart.subarray(0, groups),
    spread: spreadPart.subarray(0, groups),
    spreadFirm: spreadFirmPart.subarray(0, groups),
    first: first.subarray(0, groups),
    ...(spreadFirst &&
      spreadLast &&
      entries && {
        spreadFirst: spreadFirst.subarray(0, groups),
        spreadLast: spreadLast.subarray(0, groups),
        spreadValues: spreadValuesByGroup(entries, groups, span!),
      }),
  };
}

/**
 * A register's spread values grouped by cell (cell c's are entries start[c] to start[c + 1] − 1),
 * each with its deal's first and last year and whether it is firm (not also an estimate).
 */
export type SpreadValues = { start: Int32Array; first: Int32Array; last: Int32Array; value: Float64Array; firm: Uint8Array };

function spreadValuesByGroup(
  entries: { group: number[]; deal: number[]; value: number[]; firm: number[] },
  groups: number,
  span: { first: Int32Array; last: Int32Array },
): SpreadValues {
  const n = entries.group.length;
  const start = new Int32Array(groups + 1);
  for (let e = 0; e < n; e++) start[entries.group[e] + 1]++;
  for (let g = 0; g < groups; g++) start[g + 1] += start[g];
  const at = start.slice(0, groups);
  const first = new Int32Array(n);
  const last = new Int32Array(n);
  const value = new Float64Array(n);
  const firm = new Uint8Array(n);
  for (let e = 0; e < n; e++) {
    const k = at[entries.group[e]]++;
    first[k] = span.first[entries.deal[e]];
    last[k] = span.last[entries.deal[e]];
    value[k] = entries.value[e];
    firm[k] = entries.firm[e];
  }
  return { start, first, last, value, firm };
}

/** A register's groups, each naming its first fact (groups come in the order first seen, so ascending). */
type Grouped = GroupTable & { first: Int32Array; spreadFirst?: Int32Array; spreadLast?: Int32Array; spreadValues?: SpreadValues };

/**
 * One register's groups with the first fact of each, and the earliest and latest year of the deals
 * each holds spread values of (a year range that cuts one makes a sum over years partly an
 * estimate): what year cells are made of (see year-cells.ts).
 */
export type FirstSeen = GroupTable & { first: Int32Array; spreadFirst: Int32Array; spreadLast: Int32Array; spreadValues: SpreadValues };

export function aggregateFacts(facts: Facts, deals: DealTable, query: AggregateQuery): FirstSeen {
  return aggregateSource(facts, deals, query, DENSE_LIMIT, true) as FirstSeen;
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
