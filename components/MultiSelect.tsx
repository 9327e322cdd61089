'use client';

import { useId, useMemo, useState } from 'react';

export type MultiSelectProps = {
  /** Label shown on the button and read by screen readers. */
  label: string;
  /** All choices, already sorted. */
  options: string[];
  /** Currently selected values. */
  selected: string[];
  /** Called with the new selection. */
  onChange: (values: string[]) => void;
  /** Stable id prefix for tests. */
  testId: string;
};

/** A searchable multi-select: a disclosure with a filter box and checkboxes (works with the keyboard). */
export function MultiSelect({ label, options, selected, onChange, testId }: MultiSelectProps) {
  const [query, setQuery] = useState('');
  // The list (hundreds of checkboxes for the whole database) is rendered only while open.
  const [open, setOpen] = useState(false);
  const id = useId();
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    return q ? options.filter((o) => o.toLowerCase().includes(q)) : options;
  }, [options, query]);
  const chosen = new Set(selected);
  const toggle = (value: string) => onChange(chosen.has(value) ? selected.filter((v) => v !== value) : [...selected, value]);
  return (
    <details className="relative" data-testid={testId} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer rounded border border-[var(--line)] px-2 py-1 text-sm">
        {label}: {selected.length === 0 ? 'all' : selected.length <= 2 ? selected.join(', ') : `${selected.length} selected`}
      </summary>
      {open && (
        <div className="z-20 mt-1 w-72 max-w-full rounded border sm:absolute border-[var(--line)] bg-[var(--bg)] p-2 shadow-lg">
          <label htmlFor={id} className="sr-only">
            Search {label.toLowerCase()}
          </label>
          <input
            id={id}
            type="search"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
            placeholder={`Search ${options.length} ${label.toLowerCase()}…`}
            className="mb-2 w-full rounded border border-[var(--line)] bg-[var(--bg)] px-2 py-1 text-sm"
          />
          {selected.length > 0 && (
            <button type="button" className="mb-1 text-sm text-[var(--accent)] underline" onClick={() => onChange([])}>
              Clear ({selected.length})
            </button>
          )}
          <ul className="max-h-64 overflow-y-auto text-sm">
            {shown.slice(0, 300).map((o) => (
              <li key={o}>
                <label className="flex cursor-pointer items-center gap-2 py-0.5">
                  <input type="checkbox" checked={chosen.has(o)} onChange={() => toggle(o)} />
                  {o}
                </label>
              </li>
            ))}
            {shown.length === 0 && <li className="text-[var(--muted)]">No match</li>}
            {shown.length > 300 && <li className="text-[var(--muted)]">{shown.length - 300} more: refine the search</li>}
          </ul>
        </div>
      )}
    </details>
  );
}
