/**
 * Cell parsers. SIPRI marks uncertainty three ways: a '?' in the marker column after a value, a '?'
 * after the value itself, and (older releases) brackets round it: "(200)". All mean "estimated".
 * A cell that is not a number is reported by the caller, never turned into 0 or NaN.
 */
import { doubled } from '../store/typed-arrays';

export type ParsedNumber = { value: number | null; estimated: boolean; problem: string | null };

const EMPTY: ParsedNumber = { value: null, estimated: false, problem: null };

function stripMarkers(raw: string): { text: string; estimated: boolean } {
  let text = raw.trim();
  let estimated = false;
  if (text.endsWith('?')) {
    text = text.slice(0, -1).trim();
    estimated = true;
  }
  if (text.startsWith('(') && text.endsWith(')')) {
    text = text.slice(1, -1).trim();
    estimated = true;
  }
  if (text.startsWith('~') || text.toLowerCase().startsWith('c.')) {
    text = text.replace(/^(~|c\.)\s*/i, '');
    estimated = true;
  }
  return { text, estimated };
}

/** A non-negative quantity: units, TIV, USD million. Thousands separators ("4,000", "4 000") are accepted. */
export function parseQuantity(raw: string): ParsedNumber {
  if (raw === '') return EMPTY;
  // Fast path: the plain decimals that make up nearly every cell of a real export.
  const plain = plainDecimal(raw);
  if (!Number.isNaN(plain)) return { value: plain, estimated: false, problem: null };
  if (raw.trim() === '') return EMPTY;
  const { text, estimated } = stripMarkers(raw);
  if (text === '') return { value: null, estimated: true, problem: null };
  const cleaned = /^\d{1,3}([, ]\d{3})+(\.\d+)?$/.test(text) ? text.replace(/[, ]/g, '') : text;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(cleaned)) {
    return { value: null, estimated, problem: `"${raw.trim()}" is not a number` };
  }
  const value = Number(cleaned);
  if (!Number.isFinite(value)) return { value: null, estimated, problem: `"${raw.trim()}" is out of range` };
  if (value < 0) return { value: null, estimated, problem: `"${raw.trim()}" is negative` };
  return { value: value === 0 ? 0 : value, estimated, problem: null };
}

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

export type ParsedYear = { value: number | null; estimated: boolean; problem: string | null };

/** One shared, frozen result per plain year: registers repeat a few dozen years 30,000 times. */
const PLAIN_YEARS: ParsedYear[] = [];
export function plainYearResult(year: number): ParsedYear {
  return (PLAIN_YEARS[year - MIN_YEAR] ??= Object.freeze({ value: year, estimated: false, problem: null }));
}

/** A single year such as an order year: "1982", "1982?", "(1982)". */
export function parseYear(raw: string): ParsedYear {
  if (raw === '') return EMPTY;
  const plain = plainYear(raw);
  if (!Number.isNaN(plain)) return plainYearResult(plain);
  if (raw.trim() === '') return EMPTY;
  const { text, estimated } = stripMarkers(raw);
  if (!/^\d{4}$/.test(text)) return { value: null, estimated, problem: `"${raw.trim()}" is not a year` };
  const value = Number(text);
  if (value < MIN_YEAR || value > MAX_YEAR) {
    return { value: null, estimated, problem: `year ${value} is outside ${MIN_YEAR}–${MAX_YEAR}` };
  }
  return { value, estimated, problem: null };
}

export type ParsedYears = { years: number[]; estimated: boolean; problems: string[] };

const NO_PROBLEMS: string[] = [];

/** The 4-digit year at `at` in `raw`, in range, or NaN. */
export function yearAt(raw: string, at: number): number {
  const c0 = raw.charCodeAt(at) - 48;
  const c1 = raw.charCodeAt(at + 1) - 48;
  const c2 = raw.charCodeAt(at + 2) - 48;
  const c3 = raw.charCodeAt(at + 3) - 48;
  // charCodeAt past the end is NaN, and NaN fails every comparison below.
  if (!(c0 >= 0 && c0 <= 9 && c1 >= 0 && c1 <= 9 && c2 >= 0 && c2 <= 9 && c3 >= 0 && c3 <= 9)) return NaN;
  const y = c0 * 1000 + c1 * 100 + c2 * 10 + c3;
  return y >= MIN_YEAR && y <= MAX_YEAR ? y : NaN;
}

/** A plain 4-digit year in range, or NaN: the allocation-free path for the common cell. */
export function plainYear(raw: string): number {
  return raw.length === 4 ? yearAt(raw, 0) : NaN;
}

/**
 * A plain non-negative decimal ("12", "0.35"), or NaN for anything else (the general parser's job).
 * Read by character codes: a regular expression per cell was a fifth of the ingest's own time.
 */
export function plainDecimal(raw: string): number {
  return decimalAt(raw, 0, raw.length);
}

/**
 * `plainDecimal` of text[from, to), read in place. A fraction is computed as digits / 10^k: both are
 * exact doubles (at most 15 digits), so the one division rounds exactly as Number("…") does.
 */
export function decimalAt(text: string, from: number, to: number): number {
  const n = to - from;
  if (n <= 0 || n > 15) return NaN;
  let digits = 0;
  let i = from;
  for (; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) break;
    digits = digits * 10 + d;
  }
  if (i === to) return digits;
  if (i === from || text.charCodeAt(i) !== 46 /* . */ || i === to - 1) return NaN;
  let scale = 1;
  for (let k = i + 1; k < to; k++) {
    const d = text.charCodeAt(k) - 48;
    if (d < 0 || d > 9) return NaN;
    digits = digits * 10 + d;
    scale *= 10;
  }
  return digits / scale;
}

/**
 * text[from, to) as "1982; 1983; 1985" → years, read in place without the general parser's
 * allocations; null when anything else is in the cell.
 */
export function plainYearListAt(text: string, from: number, to: number): number[] | null {
  let count = 0;
  let prev = -1;
  for (let i = from; i < to;) {
    if (to - i < 4) return null;
    const y = yearAt(text, i);
    if (Number.isNaN(y) || y <= prev) return null;
    if (count === scratch.length) scratch = doubled(scratch);
    scratch[count++] = y;
    prev = y;
    i += 4;
    if (i === to) return copyYears(count);
    if (text.charCodeAt(i) !== 59 /* ; */) return null;
    i++;
    if (text.charCodeAt(i) === 32 /* space */) i++;
  }
  return null;
}

// Years are read into this reused buffer, then copied out at their exact count: a list grown by
// push() holds room for 17 doubles (152 bytes where 3 years need 24), which the garbage collector
// then copies for every deal.
let scratch: Int32Array = new Int32Array(64);

function copyYears(count: number): number[] {
  const years: number[] = new Array(count);
  for (let k = 0; k < count; k++) years[k] = scratch[k];
  return years;
}

/**
 * A list of delivery years: "1982; 1985; 1986" (SIPRI), "1982-1987" (ranges, inclusive), "(1982)"
 * or "1982?" (uncertain), also comma-separated. Returned ascending and without repeats.
 */
export function parseYearList(raw: string): ParsedYears {
  return parseYearListAt(raw, 0, raw.length);
}

/** `parseYearList` of text[from, to): a plain list is read in place, anything else by the general parser. */
export function parseYearListAt(text: string, from: number, to: number): ParsedYears {
  if (from >= to) return { years: [], estimated: false, problems: NO_PROBLEMS };
  const plain = plainYearListAt(text, from, to);
  if (plain) return { years: plain, estimated: false, problems: NO_PROBLEMS };
  return generalYearList(text.slice(from, to));
}

function generalYearList(raw: string): ParsedYears {
  const out: ParsedYears = { years: [], estimated: false, problems: [] };
  if (raw.trim() === '') return out;
  for (const part of raw.split(/[;,]/)) {
    if (part.trim() === '') continue;
    const { text, estimated } = stripMarkers(part);
    if (estimated) out.estimated = true;
    const range = /^(\d{4})\s*[-–]\s*(\d{4})$/.exec(text);
    if (range) {
      const [from, to] = [Number(range[1]), Number(range[2])];
      if (from > to) out.problems.push(`year range "${text}" runs backwards`);
      else if (from < MIN_YEAR || to > MAX_YEAR) out.problems.push(`year range "${text}" is outside ${MIN_YEAR}–${MAX_YEAR}`);
      else for (let y = from; y <= to; y++) out.years.push(y);
      continue;
    }
    const year = parseYear(text);
    if (year.problem) out.problems.push(year.problem);
    else if (year.value !== null) out.years.push(year.value);
  }
  if (out.years.length > 1) {
    out.years.sort((a, b) => a - b);
    out.years = out.years.filter((y, i) => i === 0 || y !== out.years[i - 1]);
  }
  return out;
}

/** Yes/No estimate flags of the delivery-level export; empty means no. */
export function parseYesNo(raw: string): boolean {
  const v = raw.trim().toLowerCase();
  return v === 'yes' || v === 'y' || v === 'true' || v === '1' || v === '?';
}
