import { OTHER } from './view-params';

/** Tableau 10 then 10 more distinct hues; "Other" is always the neutral grey. */
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
  '#86bcb6',
  '#d37295',
  '#8cd17d',
  '#b6992d',
  '#499894',
  '#a0cbe8',
  '#ffbe7d',
  '#f1ce63',
  '#79706e',
  '#d4a6c8',
  '#fabfd2',
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

/** Stable colours for series keys in the given order (largest first). */
export function colourMap(keys: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  let i = 0;
  for (const k of keys) out[k] = k === OTHER ? OTHER_COLOR : PALETTE[i++ % PALETTE.length];
  return out;
}
