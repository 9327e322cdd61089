import { mirrorTable } from '@/lib/export/chart-tables';
import { SIDE_COLOURS, type CompareModel, type MirrorRow } from '@/lib/view/compare-model';
import { downloadLinks } from '@/lib/export/download-links';
import { MEASURE_LABELS, slug } from '@/lib/domain/format';
import type { DashboardView } from '@/lib/view/view-params';
import type { ReactNode } from 'react';
import { ButterflyChart } from './ButterflyChart';
import { DataTable } from './DataTable';
import { DownloadMenu } from './DownloadMenu';

export type MirrorSectionProps = {
  /** Section id and heading. */
  id: string;
  title: ReactNode;
  /** A line under the heading. */
  note?: string;
  /** What the rows are. */
  dimension: 'supplier' | 'category';
  /** The rows drawn (possibly filtered, e.g. suppliers to both only). */
  rows: MirrorRow[];
  /** The comparison. */
  model: CompareModel;
  /** The page's view (filters for the download links). */
  view: DashboardView;
  /** Title drawn into exported images, the filters line and the source line. */
  imageTitle: string;
  filtersLine: string;
  source: string;
  /** Whether the data table starts open. */
  tableOpen?: boolean;
};

/** A mirrored chart of the two recipients with its downloads and its table of values and shares. */
export function MirrorSection({
  id,
  title,
  note,
  dimension,
  rows,
  model: m,
  view,
  imageTitle,
  filtersLine,
  source,
  tableOpen = false,
}: MirrorSectionProps) {
  const label = dimension === 'supplier' ? 'Supplier' : 'Category';
  const table = mirrorTable(rows, m.a, m.b, m.totals, m.measure, label);
  const query = {
    datasets: m.selected,
    from: m.from,
    to: m.to,
    measure: m.measure,
    basis: view.basis,
    view: { ...view, recipients: [m.a, m.b] },
  };
  const plural = dimension === 'supplier' ? 'suppliers' : 'categories';
  return (
    <section aria-labelledby={id} className="flex min-w-0 flex-col gap-2">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {note && <p className="text-sm text-[var(--muted)]">{note}</p>}
      <ButterflyChart
        rows={rows}
        a={m.a}
        b={m.b}
        totals={m.totals}
        measure={m.measure}
        dimension={dimension}
        uncertain={view.uncertain}
        testId={`butterfly-${plural}`}
      />
      <DownloadMenu
        links={downloadLinks(query, [dimension, 'recipient'])}
        chartSelector={`svg[data-testid=butterfly-${plural}]`}
        fileName={slug(`deliveries-by-${dimension}-${m.a}-${m.b}-${m.from}-${m.to}-${m.measure}`)}
        testId={dimension === 'supplier' ? 'butterfly-download' : 'categories-download'}
        frame={{
          title: imageTitle,
          subtitle: `${MEASURE_LABELS[m.measure]}; ${filtersLine}`,
          legend: [
            { label: m.a, colour: SIDE_COLOURS.a },
            { label: m.b, colour: SIDE_COLOURS.b },
          ],
          source,
        }}
      />
      <DataTable
        {...table}
        caption={`${MEASURE_LABELS[m.measure]} by ${dimension}, ${filtersLine}`}
        testId={`${plural}-table`}
        summary={`Shares of each recipient’s total (${table.rows.length} ${table.rows.length === 1 ? label.toLowerCase() : plural})`}
        initiallyOpen={tableOpen}
      />
    </section>
  );
}
