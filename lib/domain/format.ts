import type { Measure } from './terms';

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 });

/** "4,000", "12.5", "0.3"; TIV rounded half up like SIPRI's tables. Unknown values read "n/a". */
export function formatValue(value: number | null, measure: Measure): string {
  if (value === null) return 'n/a';
  if (measure === 'deals') return integer.format(value);
  if (measure === 'tiv') return value > 0 && value < 0.5 ? '0' : integer.format(Math.floor(value + 0.5));
  return Math.abs(value) >= 100 || Number.isInteger(value) ? integer.format(Math.round(value)) : oneDecimal.format(value);
}

/** A count with thousands separators: "9,048". */
export function formatCount(n: number): string {
  return integer.format(n);
}

/** "1 group", "2,000 groups": a count and its noun, in the singular for one. */
export function countOf(n: number, singular: string, plural = `${singular}s`): string {
  return `${formatCount(n)} ${n === 1 ? singular : plural}`;
}

/** A size in megabytes: "3.8 MB" (one decimal), "500 MB" from 10 MB up. */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  return `${mb.toFixed(mb < 10 ? 1 : 0)} MB`;
}

export function formatShare(part: number, total: number): string {
  if (total <= 0) return '–';
  const pct = (100 * part) / total;
  return pct > 0 && pct < 0.5 ? '<1%' : `${Math.round(pct)}%`;
}

export const MEASURE_LABELS: Record<Measure, string> = {
  tiv: 'SIPRI TIV (millions)',
  units: 'Units delivered',
  deals: 'Number of deals',
  value: 'Reported value (USD million)',
};

/** What a summary calls the value measured ("Iran’s TIV 1980–1988"). */
export const MEASURE_NOUN: Record<Measure, string> = { tiv: 'TIV', units: 'units delivered', deals: 'deals', value: 'reported value' };

export const MEASURE_SHORT: Record<Measure, string> = {
  tiv: 'TIV m',
  units: 'units',
  deals: 'deals',
  value: 'USD m',
};

/** "1982–1984, 1986": runs of consecutive years collapsed, so gaps stay visible. */
export function formatYears(years: number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < years.length;) {
    let j = i;
    while (j + 1 < years.length && years[j + 1] === years[j] + 1) j++;
    runs.push(j > i ? `${years[i]}–${years[j]}` : String(years[i]));
    i = j + 1;
  }
  return runs.join(', ');
}

/** File-name and URL-safe words: "Türkiye, Iran" → "turkiye-iran" (accents dropped, not the letters). */
export function slug(text: string, max = 120): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, max);
}

/** "Italy, Spain and Sweden"; past `shown` names, "Italy, Spain and 5 more". */
export function namesList(names: string[], shown = 5): string {
  if (names.length > shown) return `${names.slice(0, shown).join(', ')} and ${formatCount(names.length - shown)} more`;
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names.join('');
}

/** "3 smaller suppliers (Italy, Spain and Sweden)": a merged Sankey link's suppliers. */
export function smallerSuppliers(names: string[], shown = 5): string {
  return `${formatCount(names.length)} smaller supplier${names.length === 1 ? '' : 's'} (${namesList(names, shown)})`;
}
