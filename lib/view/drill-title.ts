import { namesList } from '../domain/format';
import { OTHER } from '../domain/terms';
import type { Drill } from '../query/select-deals';

/** The countries folded into "Other", per side, as far as the page folds them. */
export type FoldedOthers = Partial<Record<'origin' | 'supplier' | 'recipient' | 'category', string[]>>;

/** The drill-down panel's title: "Deals from North Korea, Missiles, to Iran, in 1987". */
export function drillTitle(drill: Drill, others: FoldedOthers = {}): string {
  const name = (side: keyof FoldedOthers, v: string) =>
    v === OTHER ? `other ${side === 'category' ? 'categories' : `${side}s`} (${(others[side] ?? []).length})` : v;
  const parts = [
    drill.origin && `made in ${name('origin', drill.origin)}`,
    drill.supplier && `from ${name('supplier', drill.supplier)}`,
    drill.suppliers &&
      `from any of ${namesList(
        drill.suppliers.map((v) => name('supplier', v)),
        10,
      )}`,
    drill.category && name('category', drill.category),
    drill.recipient && `to ${name('recipient', drill.recipient)}`,
    drill.year && `in ${drill.year}`,
  ];
  return `Deals ${parts.filter(Boolean).join(', ')}`;
}
