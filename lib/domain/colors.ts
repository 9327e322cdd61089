import { OTHER } from './terms';

/**
 * Ten hues (Tableau 10, less its grey, which is Other's, with a mustard of Tableau 20 instead), then
 * their twins in the same order: PALETTE[i + 10] is told from PALETTE[i] by shade only (mostly
 * Tableau 20's lighter halves). "Other" is always the neutral grey.
 */
const PALETTE = [
  '#4e79a7',
  '#f28e2b',
  '#e15759',
  '#76b7b2',
  '#59a14f',
  '#edc948',
  '#b07aa1',
  '#ff9da7',
  '#9c755f',
  '#b6992d',
  '#a0cbe8',
  '#ffbe7d',
  '#d37295',
  '#499894',
  '#8cd17d',
  '#f1ce63',
  '#d4a6c8',
  '#fabfd2',
  '#d7b5a6',
  '#8c6d1f',
];

export const OTHER_COLOR = 'var(--other)';
/** A Sankey link merging the smaller suppliers of one flow: a neutral apart from Other's grey. */
export const SMALLER_COLOR = 'var(--smaller)';
export const SMALLER_LEGEND = 'Smaller suppliers of a flow, merged (point at one for their names)';
/** The same in an exported image's legend, whose entries hold 26 characters. */
export const SMALLER_LEGEND_SHORT = 'Smaller suppliers, merged';

/** A supplier key as the Sankey's legend and summary name it: the folded rest is "Other suppliers". */
export function supplierLabel(key: string): string {
  return key === OTHER ? 'Other suppliers' : key;
}

/** How many distinct colours series get. */
export const PALETTE_SIZE = PALETTE.length;
/**
 * How many keys keep a colour of their own: the ten hues. Other keys fill the hues left free before
 * taking a twin: a view of ten series shows ten distinct hues.
 */
export const FIXED_COLOURS = 10;

/**
 * Colours for the series keys of a page's charts (`charts`: the keys each chart shows). A key among
 * the first FIXED_COLOURS of `preferred` (see lib/series/palette-order.ts: the suppliers of the data
 * shown over all its years, largest first, or the categories in their fixed order) always gets the
 * colour of its place there, whatever else is shown; the other keys, in the preferred order, take the
 * first ten colours left free, then the lighter twins, choosing one whose twin is in no chart with
 * them where they can. One map for the page: one country has one colour in the Sankey and the bars,
 * or on both sides of a comparison, and the largest keep theirs when the years change. Keys get
 * distinct colours while there are no more than PALETTE_SIZE; "Other" is always the neutral grey.
 */
export function pageColours(charts: readonly (readonly string[])[], preferred: readonly string[] = []): Record<string, string> {
  const keys = [...new Set(charts.flat())];
  const out: Record<string, string> = {};
  const holder = new Map<number, string>();
  const fixed = new Map(preferred.slice(0, FIXED_COLOURS).map((k, i) => [k, i]));
  const take = (k: string, slot: number) => {
    out[k] = PALETTE[slot];
    holder.set(slot, k);
  };
  for (const k of keys) {
    const slot = fixed.get(k);
    if (k !== OTHER && slot !== undefined) take(k, slot);
  }
  const together = (a: string, b: string) => charts.some((c) => c.includes(a) && c.includes(b));
  const free = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i).filter((s) => !holder.has(s));
  // The rest in the preferred order, then as given: a key's colour depends on which keys are shown,
  // not on the order they are listed in.
  const rank = new Map(preferred.map((k, i) => [k, i]));
  const rest = keys
    .map((k, i) => ({ k, at: rank.get(k) ?? preferred.length + i }))
    .sort((a, b) => a.at - b.at)
    .map(({ k }) => k);
  let cycle = 0;
  for (const k of rest) {
    if (Object.hasOwn(out, k)) continue;
    if (k === OTHER) {
      out[k] = OTHER_COLOR;
      continue;
    }
    const twins = free(FIXED_COLOURS, PALETTE.length);
    const slot =
      free(0, FIXED_COLOURS)[0] ??
      twins.find((s) => !holder.has(s - FIXED_COLOURS) || !together(k, holder.get(s - FIXED_COLOURS)!)) ??
      twins[0] ??
      cycle++ % PALETTE.length;
    take(k, slot);
  }
  return out;
}

/** Colours for the keys of one chart (see pageColours). */
export function colourMap(keys: readonly string[], preferred: readonly string[] = []): Record<string, string> {
  return pageColours([keys], preferred);
}
