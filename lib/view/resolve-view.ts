import type { DatasetInfo } from '../store/dataset';
import { BUNDLED_EXTRACT } from '../domain/bundled-extract';
import type { Measure } from '../domain/terms';
import type { DashboardView, ParamNotice } from './view-params';

/** The register the dashboard (and the API) opens on: SIPRI's deliveries to Iran and Iraq, the war's years. */
export const DEFAULT_DATASET = BUNDLED_EXTRACT.id;
export const DEFAULT_YEARS: [number, number] = [1980, 1988];

export type ResolvedView = {
  datasets: DatasetInfo[];
  from: number;
  to: number;
  measure: Measure;
  measures: Measure[];
  notices: ParamNotice[];
};

/**
 * Fill in what the URL left open, from the data: which datasets (SIPRI's Iran and Iraq extract by
 * default, else the first), the years (1980–1988 when the data covers them, else its span) and the measure
 * (TIV when the data has it, else units, else deals). Unknown dataset ids are ignored with a notice.
 */
export function resolveView(
  view: DashboardView,
  available: DatasetInfo[],
  defaults: { dataset?: string; years?: [number, number] } = {},
): ResolvedView {
  const notices: ParamNotice[] = [];
  const usable = available.filter((d) => d.error === null);
  let datasets = view.datasets.flatMap((id) => {
    const found = usable.find((d) => d.id === id);
    if (!found) notices.push({ param: 'ds', message: `no dataset "${id}"; ignored` });
    return found ? [found] : [];
  });
  if (datasets.length === 0) {
    const fallback = usable.find((d) => d.id === (defaults.dataset ?? DEFAULT_DATASET)) ?? usable[0];
    datasets = fallback ? [fallback] : [];
  }
  const spans = datasets.map((d) => d.years).filter((y): y is [number, number] => y !== null);
  const span: [number, number] = spans.length
    ? [Math.min(...spans.map((s) => s[0])), Math.max(...spans.map((s) => s[1]))]
    : (defaults.years ?? DEFAULT_YEARS);
  const wanted = defaults.years ?? DEFAULT_YEARS;
  const covers = span[0] <= wanted[1] && span[1] >= wanted[0];
  const from = view.from ?? (covers ? wanted[0] : span[0]);
  const to = view.to ?? (covers ? wanted[1] : span[1]);
  const measures = (['tiv', 'units', 'deals', 'value'] as Measure[]).filter((m) => datasets.some((d) => d.measures.includes(m)));
  let measure: Measure = measures[0] ?? 'deals';
  if (view.measure) {
    if (measures.includes(view.measure)) measure = view.measure;
    else notices.push({ param: 'measure', message: `the selected data has no "${view.measure}" figures; showing ${measure}` });
  }
  return { datasets, from, to, measure, measures, notices };
}
