import type { Drill } from '../query/select-deals';

/** What highlighting needs of a drawn link: its key and the drill-down it stands for. */
export type KeyedLink = { key: string; drill: Drill };

/** A link's suppliers: its one supplier, or the members of a link merging a flow's smaller suppliers. */
function suppliersOf(drill: Drill): string[] {
  return drill.suppliers ?? (drill.supplier === undefined ? [] : [drill.supplier]);
}

/** Whether a link's drill agrees with every key of `d` that it has (a link lacks keys of other stages). */
function matches(link: Drill, d: Drill): boolean {
  return Object.entries(d).every(([k, v]) => {
    if (v === undefined) return true;
    const hasSupplier = link.supplier !== undefined || link.suppliers !== undefined;
    if (k === 'suppliers') return !hasSupplier || suppliersOf(link).some((s) => (v as string[]).includes(s));
    if (k === 'supplier' && link.suppliers !== undefined) return link.suppliers.includes(v as string);
    return link[k as keyof Drill] === v || !(k in link);
  });
}

/**
 * The links to light up for a hovered or pinned node or link's drill: the links that carry it, and
 * the links that continue the same supplier's flow through the same category without leaving the
 * drill (a recipient lights the links into it and its suppliers' flows into those categories, not
 * their flows on to other recipients). A merged link carries a supplier's flow when the supplier is
 * among its members; it continues the flows of those of its members that are wanted.
 */
export function highlightedLinks(links: KeyedLink[], drill: Drill): Set<string> {
  const keys = Object.keys(drill);
  const primary = links.filter(
    (l) => keys.some((k) => k in l.drill || (k === 'supplier' && l.drill.suppliers !== undefined)) && matches(l.drill, drill),
  );
  // Only the suppliers asked for continue: a merged link lit for Italy must not light France's flows.
  const wanted = drill.suppliers ?? (drill.supplier !== undefined ? [drill.supplier] : null);
  const pairs = new Set(
    primary.flatMap((l) =>
      suppliersOf(l.drill)
        .filter((s) => wanted === null || wanted.includes(s))
        .map((s) => `${s}|${l.drill.category ?? ''}`),
    ),
  );
  const paired = (l: KeyedLink) =>
    l.drill.category !== undefined && suppliersOf(l.drill).some((s) => pairs.has(`${s}|${l.drill.category}`)) && matches(l.drill, drill);
  const primaryKeys = new Set(primary.map((l) => l.key));
  return new Set(links.filter((l) => primaryKeys.has(l.key) || paired(l)).map((l) => l.key));
}
