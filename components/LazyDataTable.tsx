'use client';

import { barRowsFromApi, flowsFromApi } from '@/lib/api-table-rows';
import { barTable, sankeyTable, type TableData } from '@/lib/chart-tables';
import type { Measure } from '@/lib/query';
import { useEffect, useState } from 'react';
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

type Loaded = { source: string } & ({ table: TableData } | { error: string });

function tableOf(json: unknown, shape: TableShape, measure: Measure): { table: TableData } | { error: string } {
  if (shape.kind === 'flows') {
    const read = flowsFromApi(json);
    return read.ok ? { table: sankeyTable(read.rows, measure, shape.withOrigin) } : { error: read.error };
  }
  const read = barRowsFromApi(json, shape.stack);
  return read.ok ? { table: barTable(read.rows, measure, shape.stack) } : { error: read.error };
}

async function load(source: string, signal: AbortSignal, shape: TableShape, measure: Measure): Promise<Loaded> {
  try {
    const res = await fetch(source, { signal });
    const json: unknown = await res.json().catch(() => null);
    if (!res.ok) {
      const body = json as { error?: string; detail?: string } | null;
      const message = [body?.error, body?.detail].filter(Boolean).join(': ');
      return { source, error: `the server answered ${res.status}${message ? ` (${message})` : ''}` };
    }
    return { source, ...tableOf(json, shape, measure) };
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
  const wanted = wantedFor === source;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [attempt, setAttempt] = useState(0);
  const shapeKey = JSON.stringify(shape);
  const active = open || wanted;
  const have = loaded?.source === source;
  useEffect(() => {
    // Opening after pointing keeps the request already under way; reopening keeps the rows loaded.
    if (!active || have) return;
    const abort = new AbortController();
    load(source, abort.signal, JSON.parse(shapeKey) as TableShape, measure).then(setLoaded, () => {});
    return () => abort.abort();
  }, [active, have, source, shapeKey, measure, attempt]);
  const current = have ? loaded : null;
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)} data-testid={`${testId}-toggle`}>
      <summary className="cursor-pointer text-sm" onPointerEnter={() => setWantedFor(source)} onFocus={() => setWantedFor(source)}>
        {summary}
      </summary>
      {open && !current && (
        <p role="status" className="p-2 text-sm text-[var(--muted)]">
          Loading the table…
        </p>
      )}
      {open && current && 'error' in current && (
        <p role="alert" className="p-2 text-sm">
          The table could not be loaded: {current.error}.{' '}
          <button type="button" className="underline" onClick={() => {
              setLoaded(null);
              setAttempt((a) => a + 1);
            }}>
            Try again
          </button>
        </p>
      )}
      {open && current && 'table' in current && <SortableTable {...current.table} caption={caption} testId={testId} />}
    </details>
  );
}
