import { canonicalCountry } from './countries';
import type { Deal, Delivery } from './domain';
import type { AggregateQuery, Dimension, Filters } from './query';

/** A register as aggregation sees it. Several may be combined; deals are told apart by source. */
export type FactSource = { deals: Deal[]; deliveries: Delivery[] };

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

type Fact = Delivery;

/** Order-year facts: one per deal, measuring what was ordered (falling back to what was delivered). */
function orderFacts(deals: Deal[]): Fact[] {
  const out: Fact[] = [];
  deals.forEach((d, i) => {
    if (d.orderYear === null) return;
    out.push({
      deal: i,
      year: d.orderYear,
      supplier: d.supplier,
      recipient: d.recipient,
      origin: d.origin,
      category: d.category,
      designation: d.designation,
      orderYear: d.orderYear,
      units: d.ordered ?? d.delivered,
      tiv: d.tivOrder ?? d.tivDelivered,
      value: d.valueUsdM,
      estimated: d.orderYearEstimated || d.orderedEstimated || d.valueEstimated,
      spread: false,
    });
  });
  return out;
}

const orderFactCache = new WeakMap<Deal[], Fact[]>();

export function factsOf(source: FactSource, basis: AggregateQuery['basis']): Fact[] {
  if (basis === 'delivery') return source.deliveries;
  let facts = orderFactCache.get(source.deals);
  if (!facts) orderFactCache.set(source.deals, (facts = orderFacts(source.deals)));
  return facts;
}

function lowerSet(values: string[] | undefined, canonical: (s: string) => string = (s) => s): Set<string> | null {
  return values && values.length > 0 ? new Set(values.map((v) => canonical(v).toLowerCase())) : null;
}

/** A predicate for the filters; names compare case-insensitively after alias mapping (DPRK → North Korea). */
export function matcher(filters: Filters): (f: Fact) => boolean {
  const suppliers = lowerSet(filters.suppliers, canonicalCountry);
  const recipients = lowerSet(filters.recipients, canonicalCountry);
  const origins = lowerSet(filters.origins, canonicalCountry);
  const designations = lowerSet(filters.designations);
  const categories = filters.categories && filters.categories.length > 0 ? new Set<string>(filters.categories) : null;
  const from = filters.from ?? -Infinity;
  const to = filters.to ?? Infinity;
  const dropUncertain = filters.uncertain === 'exclude';
  return (f) =>
    f.year >= from &&
    f.year <= to &&
    !(dropUncertain && f.estimated) &&
    (!categories || categories.has(f.category)) &&
    (!suppliers || suppliers.has(f.supplier.toLowerCase())) &&
    (!recipients || recipients.has(f.recipient.toLowerCase())) &&
    (!origins || origins.has((f.origin ?? f.supplier).toLowerCase())) &&
    (!designations || designations.has(f.designation.toLowerCase()));
}

function keyOf(f: Fact, dim: Dimension): string | number {
  // A deal without a recorded origin was produced by its supplier.
  return dim === 'origin' ? (f.origin ?? f.supplier) : f[dim];
}

type Group = AggregateRow & { dealIds: Set<number>; categories: Set<string> };

/** Group the facts of one or more registers and sum the measure. Pure; O(facts). */
export function aggregate(sources: FactSource[], query: AggregateQuery): AggregateRow[] {
  const groups = new Map<string, Group>();
  const matches = matcher(query.filters);
  const { by, measure } = query;
  sources.forEach((source, s) => {
    for (const f of factsOf(source, query.basis)) {
      if (!matches(f)) continue;
      const values = by.map((d) => keyOf(f, d));
      const key = values.join('\u0001');
      let g = groups.get(key);
      if (!g) {
        const keys: AggregateRow['keys'] = {};
        by.forEach((d, i) => (keys[d] = values[i]));
        g = {
          keys,
          value: null,
          deals: 0,
          missing: 0,
          estimated: false,
          spread: false,
          mixedCategories: false,
          dealIds: new Set(),
          categories: new Set(),
        };
        groups.set(key, g);
      }
      g.dealIds.add(s * 10_000_000 + f.deal);
      g.categories.add(f.category);
      const v = measure === 'deals' ? null : f[measure];
      if (measure !== 'deals') {
        if (v === null) g.missing++;
        else g.value = (g.value ?? 0) + v;
      }
      if (f.estimated) g.estimated = true;
      if (f.spread && measure !== 'deals') g.spread = true;
    }
  });
  const rows: AggregateRow[] = [];
  for (const { dealIds, categories, ...row } of groups.values()) {
    row.deals = dealIds.size;
    if (measure === 'deals') row.value = dealIds.size;
    row.mixedCategories = measure === 'units' && categories.size > 1;
    rows.push(row);
  }
  return rows.sort((a, b) => (b.value ?? -1) - (a.value ?? -1));
}

/** SIPRI rounds half up; float sums like 277.49999999 are first cleaned to 6 decimals. */
export function roundHalfUp(x: number): number {
  return Math.floor(Math.round(x * 1e6) / 1e6 + 0.5);
}
