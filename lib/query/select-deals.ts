import { factsOf, selectFacts, type FactSource } from './fact-index';
import { canonicalCountry } from '../domain/countries';
import { TABLE_TOTALS, type Deal } from '../domain/types';
import { OTHER, type Filters, type YearBasis } from '../domain/terms';

/**
 * What the drill-down panel lists: the deals behind one mark. `~other` stands for the grouped rest;
 * `suppliers` for any of several suppliers (a Sankey link merging the smaller suppliers of a flow).
 */
export type Drill = { supplier?: string; suppliers?: string[]; recipient?: string; category?: string; origin?: string; year?: number };

export type DealRow = Deal & { dataset: string; datasetName: string };
export type NamedSource = FactSource & { id: string; name: string };
export type OtherMembers = Partial<Record<'origin' | 'supplier' | 'recipient' | 'category', string[]>>;

/** The names of the shown datasets that hold totals only (TIV tables): a drill-down says they list no deals. */
export function totalsOnly(sources: { info: { name: string; table: unknown } }[]): string[] {
  return sources.filter((s) => s.info.table !== null).map((s) => s.info.name);
}

/**
 * The deals behind a mark: every deal with at least one fact (delivery, or order with the order
 * basis) that passes the view's filters and the drill keys. OTHER in a drill key means "any of the
 * countries folded into Other"; `suppliers` means any of those suppliers (OTHER among them: any folded one).
 */
export function selectDeals(
  sources: NamedSource[],
  basis: YearBasis,
  filters: Filters,
  drill: Drill,
  others: OtherMembers = {},
): DealRow[] {
  const test = (side: 'origin' | 'supplier' | 'recipient', value: string): boolean => {
    const want = drill[side];
    if (want === undefined) return true;
    if (want === OTHER) return (others[side] ?? []).includes(value);
    return canonicalCountry(want).toLowerCase() === value.toLowerCase();
  };
  const anyOf = drill.suppliers && new Set(drill.suppliers.map((s) => (s === OTHER ? OTHER : canonicalCountry(s).toLowerCase())));
  const out: DealRow[] = [];
  for (const source of sources) {
    const picked = new Set<number>();
    const facts = factsOf(source, basis);
    for (const i of selectFacts(facts, source.deals, filters)) {
      const index = facts.deal[i];
      if (picked.has(index)) continue;
      if (drill.year !== undefined && facts.year[i] !== drill.year) continue;
      const { deals } = source;
      const category = deals.category(index);
      // A TIV table's rows are totals, not deals: never listed as deals (the panel says why).
      if (category === TABLE_TOTALS) continue;
      if (
        drill.category !== undefined &&
        (drill.category === OTHER ? !(others.category ?? []).includes(category) : category !== drill.category)
      )
        continue;
      const supplier = deals.text(index, 'supplier');
      if (anyOf && !anyOf.has(supplier.toLowerCase()) && !(anyOf.has(OTHER) && (others.supplier ?? []).includes(supplier))) continue;
      if (
        !test('supplier', supplier) ||
        !test('recipient', deals.text(index, 'recipient')) ||
        !test('origin', deals.origin(index) ?? supplier)
      )
        continue;
      picked.add(index);
    }
    for (const i of [...picked].sort((a, b) => a - b)) out.push({ ...source.deals.at(i), dataset: source.id, datasetName: source.name });
  }
  return out;
}
