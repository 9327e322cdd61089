'use client';

import { SIDE_COLOURS, type MirrorRow } from '@/lib/view/compare-model';
import { formatShare, formatValue, MEASURE_SHORT } from '@/lib/domain/format';
import type { Measure, UncertainMode } from '@/lib/domain/terms';
import { drawnShares, sharesClause } from '@/lib/series/shares';
import { scaleLinear } from 'd3';
import { useMemo, useRef, useState } from 'react';
import { ButterflyMarks, type PlacedBar } from './ButterflyMarks';
import { HatchPattern, UncertainLegend } from './HatchPattern';
import { Tooltip } from './Tooltip';
import { drillPatch, useViewUrl } from './use-view-url';
import { useTabStop } from './use-tab-stop';
import { useWidth } from './use-width';

export type ButterflyChartProps = {
  /** One row per supplier (or category), sorted by total. */
  rows: MirrorRow[];
  /** The two recipients: left and right. */
  a: string;
  b: string;
  /** Totals of each side, for shares. */
  totals: { a: number; b: number };
  /** The measure drawn. */
  measure: Measure;
  /** What the rows are: drill key. */
  dimension: 'supplier' | 'category';
  /** How uncertain values are drawn (see drawnShares). */
  uncertain: UncertainMode;
  /** Test id of the SVG. */
  testId: string;
};

const ROW = 22;
const LABEL = 150;

/** Mirrored bars on one common scale: the first recipient to the left, the second to the right. */
export function ButterflyChart({ rows, a, b, totals, measure, dimension, uncertain, testId }: ButterflyChartProps) {
  const { ref, width, measured } = useWidth<HTMLDivElement>(960);
  const box = useRef<HTMLDivElement>(null);
  const { update } = useViewUrl();
  const [hover, setHover] = useState<{ id: string; x: number; y: number } | null>(null);
  const height = rows.length * ROW + 28;
  const label = width < 500 ? 110 : LABEL;
  const centre = width / 2;
  const { bars, labels } = useMemo(() => {
    const max = Math.max(1, ...rows.flatMap((r) => [r.a ?? 0, r.b ?? 0]));
    const half = scaleLinear()
      .domain([0, max])
      .range([0, centre - label / 2 - 4]);
    const bars: PlacedBar[] = [];
    const labels = rows.map((r, i) => ({ key: r.key, y: 24 + i * ROW + ROW / 2 - 2, both: r.both }));
    rows.forEach((r, i) => {
      const y = 24 + i * ROW;
      for (const side of ['a', 'b'] as const) {
        const v = r[side];
        if (v === null || v <= 0) continue;
        const w = half(v);
        const who = side === 'a' ? a : b;
        const total = side === 'a' ? totals.a : totals.b;
        const shares = side === 'a' ? r.aShares : r.bShares;
        const text = `${r.key} → ${who}: ${formatValue(v, measure)} ${MEASURE_SHORT[measure]} (${formatShare(v, total)} of ${who}’s total)${sharesClause(shares)}${r.both ? ', supplied both' : ''}`;
        bars.push({
          id: `${side}:${r.key}`,
          side,
          key: r.key,
          x: side === 'a' ? centre - label / 2 - w : centre + label / 2,
          y,
          width: w,
          height: ROW - 6,
          ...drawnShares(shares, uncertain),
          text,
        });
      }
    });
    return { bars, labels };
  }, [rows, a, b, totals, measure, centre, label, uncertain]);
  const tab = useTabStop(useMemo(() => bars.map((b) => b.id), [bars]));
  const onHover = (id: string | null, e?: { clientX: number; clientY: number }) => {
    const r = box.current?.getBoundingClientRect();
    setHover(id && e && r ? { id, x: e.clientX - r.left, y: e.clientY - r.top } : null);
  };
  const onActivate = (id: string) => {
    const bar = bars.find((x) => x.id === id);
    if (bar) update(drillPatch({ [dimension]: bar.key, recipient: bar.side === 'a' ? a : b }));
  };
  const tip = hover && bars.find((x) => x.id === hover.id)?.text;
  if (rows.length === 0) {
    return (
      <div
        className="arms-butterfly flex h-24 items-center justify-center rounded border border-dashed border-[var(--line)] text-[var(--muted)]"
        data-testid={`${testId}-empty`}
      >
        Neither {a} nor {b} has deliveries matching this selection.
      </div>
    );
  }
  return (
    <div ref={ref} className="arms-butterfly w-full min-w-0 overflow-hidden">
      <div ref={box} className="relative" style={{ height }}>
        {measured && (
          <svg
            width={width}
            height={height}
            role="group"
            aria-roledescription="chart"
            aria-label={`${dimension === 'supplier' ? 'Suppliers' : 'Categories'} of ${a} (left) and ${b} (right)`}
            data-testid={testId}
          >
            <HatchPattern />
            <text x={centre - label / 2 - 4} y={12} textAnchor="end" fontSize={12} fontWeight={700}>
              ← {a}
            </text>
            <text x={centre + label / 2 + 4} y={12} fontSize={12} fontWeight={700}>
              {b} →
            </text>
            <ButterflyMarks
              bars={bars}
              labels={labels}
              centre={centre}
              colours={SIDE_COLOURS}
              onHover={onHover}
              onActivate={onActivate}
              tab={tab}
            />
          </svg>
        )}
        {hover && tip && <Tooltip x={hover.x} y={hover.y} lines={tip.split(': ')} />}
      </div>
      <UncertainLegend marks={bars} />
    </div>
  );
}
