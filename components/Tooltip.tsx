export type TooltipProps = {
  /** Position relative to the chart container. */
  x: number;
  y: number;
  /** Lines of text; the first is the title. */
  lines: string[];
};

/** A tooltip box; text only (names from user files are never markup). */
export function Tooltip({ x, y, lines }: TooltipProps) {
  return (
    <div
      role="tooltip"
      data-testid="tooltip"
      className="pointer-events-none absolute z-30 max-w-xs rounded border border-[var(--line)] bg-[var(--bg)] px-2 py-1 text-sm shadow-lg"
      style={{ left: x, top: y, transform: 'translate(-50%, calc(-100% - 10px))' }}
    >
      <div className="font-semibold">{lines[0]}</div>
      {lines.slice(1).map((l, i) => (
        <div key={i} className="tabular">
          {l}
        </div>
      ))}
    </div>
  );
}
