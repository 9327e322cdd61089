/**
 * How much of a mark rests on uncertain facts, as fractions of its value (0–1): what the charts
 * split their marks by (firm solid, estimated hatched, spread dotted), the tooltips and tables say,
 * and the summaries put in words. `spreadFirm` is the spread part not also an estimate, so that the
 * three drawn parts (firm, estimated, spreadFirm) never overlap.
 */
export type Shares = { estimated: number; spread: number; spreadFirm: number };

export const NO_SHARES: Shares = { estimated: 0, spread: 0, spreadFirm: 0 };

/** Parts summed in the value's unit. */
export type Parts = { value: number; estimated: number; spread: number; spreadFirm: number };

const clamp = (x: number) => Math.min(1, Math.max(0, x));

export function sharesOf(p: Parts): Shares {
  if (!(p.value > 0)) return NO_SHARES;
  return { estimated: clamp(p.estimated / p.value), spread: clamp(p.spread / p.value), spreadFirm: clamp(p.spreadFirm / p.value) };
}

/** The firm share: neither an estimate nor spread. */
export const firmShare = (s: Shares) => clamp(1 - s.estimated - s.spreadFirm);

/** Shares as thousandths, for the trip to the browser (three integers instead of three doubles). */
export const packShares = (s: Shares): [number, number, number] => [
  Math.round(s.estimated * 1000),
  Math.round(s.spread * 1000),
  Math.round(s.spreadFirm * 1000),
];

export const unpackShares = (estimated: number, spread: number, spreadFirm: number): Shares =>
  estimated === 0 && spread === 0 ? NO_SHARES : { estimated: estimated / 1000, spread: spread / 1000, spreadFirm: spreadFirm / 1000 };

/** A share in words for tooltips: whole per cent, "under 1%" for a trace. */
const percent = (x: number) => (x > 0 && x < 0.005 ? 'under 1%' : `${Math.round(x * 100)}%`);

/** The shares as a tooltip's clause (", 89% on the source's estimates, 40% spread over delivery years"); empty when firm. */
export function sharesClause(s: Shares): string {
  const parts = [
    s.estimated > 0 ? `${percent(s.estimated)} on the source's estimates` : '',
    s.spread > 0 ? `${percent(s.spread)} spread over delivery years by our rule` : '',
  ].filter(Boolean);
  return parts.length ? `, ${parts.join(', ')}` : '';
}

/** Value-weighted shares of several marks (a node of its links, a merged link of its parts). */
export function weightedShares(items: { value: number; shares: Shares }[]): Shares {
  const p: Parts = { value: 0, estimated: 0, spread: 0, spreadFirm: 0 };
  for (const { value, shares } of items) {
    p.value += value;
    p.estimated += shares.estimated * value;
    p.spread += shares.spread * value;
    p.spreadFirm += shares.spreadFirm * value;
  }
  return sharesOf(p);
}

/**
 * What of a mark is drawn marked, under the view's uncertainty mode: `include` draws plain marks;
 * `mark` hatches the estimated part and dots the spread part; `exclude` (estimates already left
 * out) dots the spread part.
 */
export function drawnShares(s: Shares, mode: 'mark' | 'include' | 'exclude'): { estimated: number; spread: number } {
  if (mode === 'include') return { estimated: 0, spread: 0 };
  return { estimated: mode === 'mark' ? s.estimated : 0, spread: mode === 'mark' ? s.spreadFirm : s.spread };
}

/** Whose estimates a sentence names: SIPRI's when every register shown is one of SIPRI's exports. */
export function estimatesOf(formats: (string | null)[]): string {
  return formats.length > 0 && formats.every((f) => f?.startsWith('sipri-')) ? 'SIPRI’s' : 'the sources’';
}

/**
 * The shares in words for a chart's text summary ("89% of Iran’s TIV 1980–1988 rests on SIPRI’s
 * estimates; 3% is spread over delivery years by our rule"); empty when the value is firm.
 * `subject` names the value ("Iran’s TIV 1980–1988").
 */
export function sharesSentence(subject: string, s: Shares, whose: string): string {
  const parts = [
    s.estimated > 0 ? `${percent(s.estimated)} of ${subject} rests on ${whose} estimates` : '',
    s.spread > 0 ? `${s.estimated > 0 ? '' : `of ${subject}, `}${percent(s.spread)} is spread over delivery years by our rule` : '',
  ].filter(Boolean);
  if (parts.length === 0) return '';
  const text = parts.join('; ');
  return text[0].toUpperCase() + text.slice(1);
}
