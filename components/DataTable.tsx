'use client';

import { useMemo, useState } from 'react';

export type TableProps = {
  /** Column headers. */
  columns: string[];
  /** Rows of display text, aligned with the columns; numbers pre-formatted. */
  rows: string[][];
  /** Sort keys per row (raw numbers where the column is numeric). */
  sortKeys: (string | number)[][];
  /** Caption, read by screen readers and shown above the table. */
  caption: string;
  /** Test id. */
  testId: string;
  /** Rows in the full data when the table shows only the largest (see the downloads for all). */
  total?: number;
};

export type DataTableProps = TableProps & {
  /** The disclosure's label; the table is rendered only while it is open. */
  summary: string;
  /** Open at first. */
  initiallyOpen?: boolean;
};

/** A table of display text, sortable by any column: the body of every data table. */
export function SortableTable({ columns, rows, sortKeys, caption, testId, total }: TableProps) {
  const [sort, setSort] = useState<{ col: number; desc: boolean } | null>(null);
  const order = useMemo(() => {
    const idx = rows.map((_, i) => i);
    if (!sort) return idx;
    return idx.sort((a, b) => {
      const x = sortKeys[a][sort.col];
      const y = sortKeys[b][sort.col];
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return sort.desc ? -c : c;
    });
  }, [rows, sortKeys, sort]);
  return (
    <div className="max-h-96 overflow-auto rounded border border-[var(--line)]">
      <table className="w-full text-sm" data-testid={testId}>
        <caption className="p-2 text-left text-[var(--muted)]">
          {caption}
          {total !== undefined && ` (the largest ${rows.length} of ${total.toLocaleString('en-GB')} rows; the downloads hold all)`}
        </caption>
        <thead className="sticky top-0 bg-[var(--panel)]">
          <tr>
            {columns.map((c, i) => (
              <th
                key={c}
                scope="col"
                className="p-2 text-left"
                aria-sort={sort?.col === i ? (sort.desc ? 'descending' : 'ascending') : 'none'}
              >
                <button
                  type="button"
                  className="font-semibold"
                  onClick={() => setSort({ col: i, desc: sort?.col === i ? !sort.desc : true })}
                >
                  {c} {sort?.col === i ? (sort.desc ? '▼' : '▲') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {order.map((r) => (
            <tr key={r} className="border-t border-[var(--line)]">
              {rows[r].map((cell, i) => (
                <td key={i} className={`p-2 ${typeof sortKeys[r][i] === 'number' ? 'tabular text-right' : ''}`}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
          {rows.length === 0 && (
            <tr>
              <td colSpan={columns.length} className="p-2 text-[var(--muted)]">
                No rows
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}

/** The numbers behind a chart in a disclosure, rendered only while open; the chart's accessible alternative. */
export function DataTable({ summary, initiallyOpen = false, ...table }: DataTableProps) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details open={initiallyOpen} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid={`${table.testId}-toggle`}>
      <summary className="cursor-pointer text-sm">{summary}</summary>
      {open && <SortableTable {...table} />}
    </details>
  );
}
