'use client';

/**
 * The drill-down's rows, drawn from plain text cells. A client leaf only so that the page's payload
 * carries each deal as a list of strings rather than as 15 elements with their attributes: for a
 * drill into a large supplier (500 rows listed) that was ~1 MB of every click's answer.
 */
export function DrillRows({ columns, rows }: { columns: { label: string; numeric: boolean }[]; rows: { key: string; cells: string[] }[] }) {
  return (
    <tbody role="rowgroup" className="max-sm:block">
      {rows.map((r) => (
        <tr key={r.key} role="row" className="border-t border-[var(--line)] align-top max-sm:block max-sm:py-2" data-testid="drill-deal">
          {r.cells.map((text, i) => (
            <td
              key={columns[i].label}
              role="cell"
              data-label={columns[i].label}
              className={columns[i].numeric ? 'drill-cell num' : 'drill-cell'}
            >
              {text}
            </td>
          ))}
        </tr>
      ))}
    </tbody>
  );
}
