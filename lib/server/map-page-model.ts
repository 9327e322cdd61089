import 'server-only';
import { resolveView } from '../view/resolve-view';
import { parseView, type SearchParams } from '../view/view-params';
import { buildMap, mapSide } from '../view/map-model';
import { MAP_ARCS } from '../series/map-series';
import type { DatasetInfo } from '../store/dataset';
import type { Viewer } from '../view/access';
import { shownModel } from './model-cache';
import { topologyShapeNames } from './topology';

/** The map page's model: the dashboard's view (same parameters) drawn by country, and its side. */
export async function mapPageModel(searchParams: SearchParams, viewer: Viewer) {
  const parsed = parseView(searchParams);
  const { view } = parsed;
  const { side, notices: sideNotices } = mapSide(searchParams);
  const notices = [...parsed.notices, ...sideNotices];
  const resolve = (infos: DatasetInfo[]) => resolveView(view, infos);
  const { infos, model } = await shownModel(
    'map',
    { view, side, notices },
    { viewer, named: view.datasets },
    resolve,
    (shown, resolved) => ({
      ...buildMap(view, side, shown, resolved, topologyShapeNames(), MAP_ARCS),
      notices: [...notices, ...resolved.notices],
      measures: resolved.measures,
    }),
  );
  return { view, side, model: { ...model, datasets: infos } };
}
