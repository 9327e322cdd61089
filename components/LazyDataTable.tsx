'use client';

import { barRowsFromApi, flowsFromApi } from '@/lib/export/api-table-rows';
import { barTable, sankeyTable, type TableData } from '@/lib/export/chart-tables';
import type { Measure } from '@/lib/domain/terms';
import { useEffect, useMemo, useState } from 'react';
import { SortableTable } from './DataTable';

export type TableShape = { kind: 'flows'; withOrigin: boolean } | { kind: 'bars'; stack: 'supplier' | 'category' };

export type LazyDataTableProps = {
  /** The aggregate API's JSON URL for this chart: the same rows as the JSON download. */
  source: string;
  shape: TableShape;
  measure: Measure;
  caption: string;
  testId: string;
  /** The disclosure's label. */
  summary: string;
};

/** The API's answer for one source URL: its JSON, or why there is none. */
type Loaded = { source: string } & ({ json: unknown } | { error: string });

function tableOf(json: unknown, shape: TableShape, measure: Measure): { table: TableData } | { error: string } {
  if (shape.kind === 'flows') {
    const read = flowsFromApi(json);
    return read.ok ? { table: sankeyTable(read.rows, measure, shape.withOrigin) } : { error: read.error };
  }
  const read = barRowsFromApi(json, shape.stack);
  return read.ok ? { table: barTable(read.rows, measure, shape.stack) } : { error: read.error };
}

async function load(source: string, signal: AbortSignal): Promise<Loaded> {
  try {
    const res = await fetch(source, { signal });
    const json: unknown = await res.json().catch(() => null);
    if (res.ok) return { source, json };
    const body = json as { error?: string; detail?: string } | null;
    const message = [body?.error, body?.detail].filter(Boolean).join(': ');
    return { source, error: `the server answered ${res.status}${message ? ` (${message})` : ''}` };
  } catch (e) {
    if (signal.aborted) throw e;
    return { source, error: `the request failed (${e instanceof Error ? e.message : String(e)})` };
  }
}

/**
 * A chart's data table whose rows are fetched from the aggregate API when it is first opened (and
 * again when the view changes while it is open). The whole register's tables are ~300 KB of text;
 * carried in every page and every filter change, they cost more than the charts.
 */
export function LazyDataTable({ source, shape, measure, caption, testId, summary }: LazyDataTableProps) {
  const [open, setOpen] = useState(false);
  // Pointing at or focusing the disclosure starts the request, so the table is usually there on opening.
  // Only for the view pointed at: a later filter change does not fetch tables nobody opened.
  const [wantedFor, setWantedFor] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const active = open || wantedFor === source;
  const current = loaded?.source === source ? loaded : null;
  useEffect(() => {
    // Opening after pointing keeps the request under way; reopening keeps the answer; a retry
    // (loaded set to null) or a new view asks again.
    if (!active || current) return;
    const abort = new AbortController();
    load(source, abort.signal).then(setLoaded, () => {});
    return () => abort.abort();
  }, [active, current, source]);
  // The source URL names the measure and the grouping, so the answer fits this shape.
  const result = useMemo(() => (current && 'json' in current ? tableOf(current.json, shape, measure) : current), [current, shape, measure]);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)} data-testid={`${testId}-toggle`}>
      <summary className="cursor-pointer text-sm" onPointerEnter={() => setWantedFor(source)} onFocus={() => setWantedFor(source)}>
        {summary}
      </summary>
      {open && !result && (
        <p role="status" className="p-2 text-sm text-[var(--muted)]">
          Loading the table…
        </p>
      )}
      {open && result && 'error' in result && (
        <p role="alert" className="p-2 text-sm">
          The table could not be loaded: {result.error}.{' '}
          <button type="button" className="underline" onClick={() => setLoaded(null)}>
            Try again
          </button>
        </p>
      )}
      {open && result && 'table' in result && <SortableTable {...result.table} caption={caption} testId={testId} />}
    </details>
  );
}
