import { barGaps } from '@/lib/export/chart-tables';
import { dashboardDownloads } from '@/lib/export/download-links';
import { countOf, MEASURE_LABELS } from '@/lib/domain/format';
import { ChartToggles } from './ChartToggles';
import { DownloadMenu } from './DownloadMenu';
import { LazyDataTable } from './LazyDataTable';
import type { SectionProps } from './SankeySection';
import { StackedBars } from './StackedBars';
import { packBars } from '@/lib/series/transport';

/** The stacked bars with toggles, data table and downloads. */
export function BarsSection({ model, filtersLine, source }: SectionProps) {
  const { bars, measure, view } = model;
  const gaps = barGaps(bars);
  const title = `Deliveries per year by ${view.stack}${view.average ? ', five-year moving average' : ''}`;
  const colours = model.colours.bars;
  const { links, fileName } = dashboardDownloads(model, 'deliveries', ['year', view.stack]);
  return (
    <section aria-labelledby="bars-title" className="flex min-w-0 flex-col gap-2">
      <h2 id="bars-title" className="text-lg font-semibold">
        {title}
      </h2>
      <ChartToggles
        stack={view.stack}
        percent={view.percent}
        events={view.events}
        eventCount={model.events.length}
        average={view.average}
      />
      {view.average && (
        <p className="text-sm text-[var(--muted)]" data-testid="average-note">
          Each year averages it and the four before (SIPRI’s convention; the first years of the data average fewer). The data table and
          downloads hold the same averages.
        </p>
      )}
      <StackedBars
        packed={packBars(bars)}
        colours={colours}
        measure={measure}
        stack={view.stack}
        percent={view.percent}
        uncertain={view.uncertain}
        events={model.events}
      />
      <DownloadMenu
        links={links}
        chartSelector=".arms-stacked-bars svg[data-testid=bars-svg]"
        fileName={fileName}
        testId="bars-download"
        frame={{
          title,
          subtitle: `${view.percent ? 'Share of each year, %' : MEASURE_LABELS[measure]}; ${filtersLine}`,
          legend: bars.keys.map((k) => ({ label: bars.labels[k], colour: colours[k] })),
          source,
        }}
      />
      <LazyDataTable
        source={links.json}
        shape={{ kind: 'bars', stack: view.stack }}
        measure={measure}
        caption={`${MEASURE_LABELS[measure]} per year by ${view.stack}`}
        testId="bars-table"
        summary={`Data table (${countOf(model.barTableRows, 'row')})`}
      />
      {(gaps.noData.length > 0 || gaps.noNumbers.length > 0) && (
        <p className="mt-1 text-sm text-[var(--muted)]">
          {gaps.noData.length > 0 && `No deliveries recorded: ${gaps.noData.join(', ')}. `}
          {gaps.noNumbers.length > 0 && `Deliveries without numbers for this measure: ${gaps.noNumbers.join(', ')}.`}
        </p>
      )}
    </section>
  );
}
