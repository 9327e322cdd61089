import { eventsInView, type TimelineEvent } from '../ingest/context-tables';
import { shownSources, viewOptions, type Dataset, type DatasetInfo } from '../store/dataset';
import { formatShare, formatValue, MEASURE_LABELS, MEASURE_NOUN } from '../domain/format';
import { findOverlaps, type Overlap } from '../query/overlaps';
import { resolveView, type ResolvedView } from './resolve-view';
import { selectDeals, totalsOnly, type DealRow } from '../query/select-deals';
import { buildBarSeries, type BarSeries } from '../series/bar-series';
import { averageStart, movingAverage } from '../series/moving-average';
import type { FactSource } from '../query/aggregate';
import type { AggregateQuery } from '../domain/terms';
import { paletteOrder } from '../series/palette-order';
import { buildSankeySeries, sankeyCountries, sankeyTableSize, type SankeyLinkDatum, type SankeySeries } from '../series/sankey-series';
import { estimatesOf, sharesSentence, weightedShares } from '../series/shares';
import { drillTitle } from './drill-title';
import { colourMap, pageColours, supplierLabel } from '../domain/colors';
import { OTHER, type Measure } from '../domain/terms';
import { ALL_SUPPLIERS } from '../domain/types';
import { viewFilters, type DashboardView, type ParamNotice } from './view-params';

export type DashboardModel = {
  view: DashboardView;
  datasets: DatasetInfo[];
  selected: string[];
  from: number;
  to: number;
  measure: Measure;
  measures: Measure[];
  notices: ParamNotice[];
  overlaps: Overlap[];
  sankey: SankeySeries;
  /** Rows of the Sankey's data table (its groups, unfolded; the table itself is fetched when opened). */
  sankeyTableRows: number;
  bars: BarSeries;
  /** Colours of the Sankey's suppliers and of the bars' series: one map while the bars stack by supplier. */
  colours: { sankey: Record<string, string>; bars: Record<string, string> };
  /** Rows of the bars' data table. */
  barTableRows: number;
  options: { suppliers: string[]; recipients: string[] };
  summary: string;
  events: TimelineEvent[];
  /** The drill-down: its deals, and the shown datasets that hold totals only (no deals to list). */
  drill: { title: string; deals: DealRow[]; totalsOnly: string[] } | null;
};

/**
 * A sentence for screen readers and the page's summary: the largest flow and its share, and for the
 * same recipients how much of their imports rests on estimates (`whose`, see estimatesOf).
 */
export function summarise(sankey: SankeySeries, measure: Measure, from: number, to: number, whose = 'the sources’'): string {
  if (sankey.links.length === 0) return `No deliveries match this selection in ${from}–${to}.`;
  const byRecipient = new Map<string, { suppliers: Map<string, number>; links: SankeyLinkDatum[] }>();
  for (const l of sankey.links) {
    if (!l.target.startsWith('recipient:')) continue;
    const r = l.target.slice('recipient:'.length);
    const m = byRecipient.get(r) ?? { suppliers: new Map<string, number>(), links: [] };
    m.suppliers.set(l.supplier, (m.suppliers.get(l.supplier) ?? 0) + l.value);
    m.links.push(l);
    byRecipient.set(r, m);
  }
  const sentences = [...byRecipient.entries()]
    .map(([recipient, { suppliers, links }]) => {
      const total = [...suppliers.values()].reduce((a, b) => a + b, 0);
      const [top, value] = [...suppliers.entries()].sort((a, b) => b[1] - a[1])[0];
      const whom = recipient === OTHER ? 'the other recipients’' : `${recipient}’s`;
      return {
        recipient,
        total,
        // A world TIV table names no suppliers: say what it does give, not that "All suppliers" supplied 100%.
        text:
          top === ALL_SUPPLIERS && suppliers.size === 1
            ? `${recipient === OTHER ? 'the other recipients' : recipient} received ${formatValue(total, measure)} (a TIV table: suppliers not given)`
            : `${supplierLabel(top)} supplied ${formatShare(value, total)} of ${whom} imports`,
        shares: sharesSentence(`${whom} ${MEASURE_NOUN[measure]} ${from}–${to}`, weightedShares(links), whose),
      };
    })
    .sort((a, b) => b.total - a.total)
    .slice(0, 3);
  const estimates = sentences.map((s) => s.shares).filter(Boolean);
  return [
    `By ${MEASURE_LABELS[measure]}, ${from}–${to}: ${sentences.map((s) => s.text).join('; ')}. Total ${formatValue(sankey.total, measure)}.`,
    ...estimates.map((s) => `${s}.`),
  ].join(' ');
}

/** Everything the dashboard draws, computed on the server from the URL's view and the loaded data. */
export function buildDashboard(
  view: DashboardView,
  all: Dataset[],
  timeline: TimelineEvent[],
  notices: ParamNotice[],
  resolved: ResolvedView = resolveView(
    view,
    all.map((d) => d.info),
  ),
): DashboardModel {
  return withDrill(buildCharts(view, all, timeline, notices, resolved), view, all);
}

/**
 * What a view draws but its drill-down: the same for every drill-down and page of one view, so a
 * page can keep it apart and only list deals when a mark is clicked (the whole register's charts
 * take ~14 ms to compute, a drill-down's deals a few).
 */
export function buildCharts(
  view: DashboardView,
  all: Dataset[],
  timeline: TimelineEvent[],
  notices: ParamNotice[],
  resolved: ResolvedView,
): DashboardModel {
  const ids = new Set(resolved.datasets.map((d) => d.id));
  const sources = shownSources(all, ids);
  const { from, to, measure } = resolved;
  const filters = viewFilters(view, from, to);
  const query = { measure, basis: view.basis, filters };
  const { series: sankey, groups } = buildSankeySeries(sources, query, view.top);
  const { series: bars, tableRows: barTableRows } = view.average
    ? averagedBars(sources, query, view, from, to, resolved.datasets)
    : buildBarSeries(sources, query, view.stack, from, to, view.top);
  const supplierOrder = paletteOrder(sources, query, 'supplier');
  const linkSuppliers = new Set(sankey.links.map((l) => l.supplier));
  const supplierColours = pageColours([[...linkSuppliers], view.stack === 'supplier' ? bars.keys : []], supplierOrder);
  const options = viewOptions(sources);
  const suppliers = new Set(options.suppliers);
  const recipients = new Set(options.recipients);
  // A name the data shown never mentions (a typo, or a country only in another dataset) would just
  // read "no deliveries match": say which name it is.
  const unknown: ParamNotice[] = [
    ...view.recipients
      .filter((r) => !recipients.has(r))
      .map((r) => ({ param: 'recipient', message: `"${r}" receives nothing in the data shown` })),
    ...view.suppliers
      .filter((r) => !suppliers.has(r))
      .map((r) => ({ param: 'supplier', message: `"${r}" supplies nothing in the data shown` })),
  ];
  return {
    view,
    datasets: all.map((d) => d.info),
    selected: [...ids],
    from,
    to,
    measure,
    measures: resolved.measures,
    notices: [...notices, ...resolved.notices, ...unknown],
    overlaps: findOverlaps(sources),
    sankey,
    sankeyTableRows: sankeyTableSize(groups, sankey.hasOrigin),
    bars,
    colours: {
      sankey: supplierColours,
      bars: view.stack === 'supplier' ? supplierColours : colourMap(bars.keys, paletteOrder(sources, query, 'category')),
    },
    barTableRows,
    options,
    summary: summarise(sankey, measure, from, to, estimatesOf(resolved.datasets.map((d) => d.format))),
    events: view.events ? eventsInView(timeline, from, to, sankeyCountries(groups)) : [],
    drill: null,
  };
}

/** The bars as a five-year moving average: built from four years earlier, then averaged (see movingAverage). */
function averagedBars(
  sources: FactSource[],
  query: Omit<AggregateQuery, 'by'>,
  view: DashboardView,
  from: number,
  to: number,
  shown: DatasetInfo[],
): { series: BarSeries; tableRows: number } {
  const start = averageStart(from);
  const wide = buildBarSeries(sources, { ...query, filters: { ...query.filters, from: start } }, view.stack, start, to, view.top);
  const firstYear = Math.min(...shown.map((d) => d.years?.[0] ?? Infinity));
  return { series: movingAverage(wide.series, from, to, Number.isFinite(firstYear) ? firstYear : start), tableRows: wide.tableRows };
}

/** The charts of a view (buildCharts, of the same view but for its drill-down) with the view's drill-down. */
export function withDrill(charts: DashboardModel, view: DashboardView, all: Dataset[]): DashboardModel {
  if (!view.drill) return { ...charts, view, drill: null };
  const sources = shownSources(all, new Set(charts.selected));
  const { sankey, bars } = charts;
  // "Other" means the countries the Sankey folded; the bars fold the same way by the same totals.
  const others = { ...sankey.others };
  if (!others.supplier && view.stack === 'supplier' && bars.others.length) others.supplier = bars.others;
  const withCategories = view.stack === 'category' && bars.others.length ? { ...others, category: bars.others } : others;
  const filters = viewFilters(view, charts.from, charts.to);
  const deals = selectDeals(sources, view.basis, filters, view.drill, withCategories);
  return { ...charts, view, drill: { title: drillTitle(view.drill, withCategories), deals, totalsOnly: totalsOnly(sources) } };
}
