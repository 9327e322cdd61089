import type { BarRow } from '../series/bar-series';
import type { SankeyFlow } from '../series/sankey-series';

/**
 * The dashboard's data tables read their rows from the aggregate API's JSON, the same answer the
 * JSON download holds, when the user opens them: the page itself no longer carries ~300 KB of table
 * text for the whole register (see lib/export/README.md). These turn that JSON back into typed rows,
 * checking it, since it crossed the network.
 */
export type RowsRead<T> = { ok: true; rows: T[] } | { ok: false; error: string };

type Record_ = Record<string, unknown>;

function rowsOf(json: unknown): Record_[] | string {
  if (typeof json !== 'object' || json === null || !Array.isArray((json as { rows?: unknown }).rows))
    return 'the answer has no "rows" list';
  const rows = (json as { rows: unknown[] }).rows;
  const bad = rows.findIndex((r) => typeof r !== 'object' || r === null);
  return bad >= 0 ? `row ${bad + 1} is not an object` : (rows as Record_[]);
}

const isShare = (x: unknown): x is number | null => x === null || (typeof x === 'number' && x >= 0 && x <= 1);

/** The fields every aggregate row has: its value and how much of it rests on estimates and spread values. */
function measured(r: Record_, i: number): { value: number | null; estimatedShare: number | null; spreadShare: number | null } | string {
  const { value, estimated_share: estimatedShare, spread_share: spreadShare } = r;
  if (value !== null && typeof value !== 'number') return `row ${i + 1}: "value" is not a number`;
  if (!isShare(estimatedShare) || !isShare(spreadShare))
    return `row ${i + 1}: "estimated_share" or "spread_share" is not a fraction from 0 to 1`;
  return { value, estimatedShare, spreadShare };
}

function text(r: Record_, key: string, i: number): string | { error: string } {
  const v = r[key];
  return typeof v === 'string' ? v : { error: `row ${i + 1}: "${key}" is missing` };
}

function readRows<T>(json: unknown, read: (r: Record_, i: number) => T | string): RowsRead<T> {
  const rows = rowsOf(json);
  if (typeof rows === 'string') return { ok: false, error: rows };
  const out: T[] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = read(rows[i], i);
    if (typeof row === 'string') return { ok: false, error: row };
    out.push(row);
  }
  return { ok: true, rows: out };
}

/** Rows of `by=[origin,]supplier,category,recipient`. Without an origin column, the origin is the supplier. */
export function flowsFromApi(json: unknown): RowsRead<SankeyFlow> {
  return readRows(json, (r, i) => {
    const m = measured(r, i);
    if (typeof m === 'string') return m;
    const names = ['supplier', 'category', 'recipient'].map((k) => text(r, k, i));
    const problem = names.find((n) => typeof n !== 'string');
    if (problem) return (problem as { error: string }).error;
    const [supplier, category, recipient] = names as string[];
    const origin = r.origin === undefined ? supplier : text(r, 'origin', i);
    if (typeof origin !== 'string') return origin.error;
    return { origin, supplier, category, recipient, ...m };
  });
}

/** Rows of `by=year,<stack>`. */
export function barRowsFromApi(json: unknown, stack: 'supplier' | 'category'): RowsRead<BarRow> {
  return readRows(json, (r, i) => {
    const m = measured(r, i);
    if (typeof m === 'string') return m;
    if (typeof r.year !== 'number' || !Number.isInteger(r.year)) return `row ${i + 1}: "year" is not a year`;
    const key = text(r, stack, i);
    if (typeof key !== 'string') return key.error;
    return { year: r.year, key, ...m };
  });
}
