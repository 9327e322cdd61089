import { OTHER } from '../domain/terms';

/** Keep the n largest names by total; the rest fold into OTHER. Returns a lookup and the folded members. */
export function topN(totals: Map<string, number>, n: number): { keep: (name: string) => string; others: string[] } {
  const ranked = [...totals.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  // Folding a single name into "Other (1)" hides it for nothing: keep it instead.
  const cut = ranked.length === n + 1 ? n + 1 : n;
  const kept = new Set(ranked.slice(0, cut).map(([name]) => name));
  const others = ranked.slice(cut).map(([name]) => name);
  return { keep: (name) => (kept.has(name) ? name : OTHER), others };
}

export function otherLabel(count: number, noun = 'countries'): string {
  return `Other (${count} ${count === 1 ? noun.replace(/ies$/, 'y').replace(/s$/, '') : noun})`;
}

export function addTo(map: Map<string, number>, key: string, value: number): void {
  map.set(key, (map.get(key) ?? 0) + value);
}
