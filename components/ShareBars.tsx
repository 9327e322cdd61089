import type { RankingRow } from '@/lib/query/rankings';

export type ShareBarsProps = { rows: RankingRow[]; title: string; source: string };

const ROW = 22;
const LABEL = 130;
const WIDTH = 420;

const pct = (share: number) => (share > 0 && share < 0.005 ? '<1%' : `${Math.round(share * 100)}%`);

/**
 * Each ranked country's share of the world total as a horizontal bar, drawn on the server (no
 * script): the table beside it is its accessible alternative. The SVG scales to its box.
 */
export function ShareBars({ rows, title, source }: ShareBarsProps) {
  const max = Math.max(0.01, ...rows.map((r) => r.share));
  const height = rows.length * ROW + 34;
  const bar = WIDTH - LABEL - 48;
  return (
    <svg
      viewBox={`0 0 ${WIDTH} ${height}`}
      className="h-auto w-full max-w-xl"
      role="img"
      aria-labelledby="share-bars-title"
      data-testid="share-bars"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id="share-bars-title">{title}</title>
      {rows.map((r, i) => (
        <g key={r.country} transform={`translate(0 ${i * ROW})`} data-testid="share-bar">
          <text x={LABEL - 6} y={ROW * 0.7} textAnchor="end" fontSize="12" fill="currentColor">
            {r.country.length > 20 ? `${r.country.slice(0, 19)}…` : r.country}
          </text>
          <rect x={LABEL} y={3} width={Math.max(1, (r.share / max) * bar)} height={ROW - 6} fill="var(--accent)">
            <title>{`${r.country}: ${pct(r.share)} of the world total`}</title>
          </rect>
          <text x={LABEL + (r.share / max) * bar + 4} y={ROW * 0.7} fontSize="12" fill="currentColor">
            {pct(r.share)}
          </text>
        </g>
      ))}
      <text x={0} y={height - 8} fontSize="10" fill="currentColor" opacity="0.75">
        {source}
      </text>
    </svg>
  );
}
