/**
 * One legend entry that lights its series while pointed at or focused (`point(key)`, then
 * `point(null)`), for the bars and the Sankey alike; the chart around it holds the highlight.
 */
export function LegendKey({
  id,
  label,
  colour,
  point,
  testId,
}: {
  id: string;
  label: string;
  colour: string;
  point: (key: string | null) => void;
  testId: string;
}) {
  return (
    <li>
      <button
        type="button"
        className="flex items-center gap-1"
        onMouseEnter={() => point(id)}
        onMouseLeave={() => point(null)}
        onFocus={() => point(id)}
        onBlur={() => point(null)}
        data-testid={testId}
      >
        <span className="inline-block h-3 w-3 rounded-sm" style={{ background: colour }} />
        {label}
      </button>
    </li>
  );
}
