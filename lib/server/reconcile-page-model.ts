import 'server-only';
import { buildReconcile, parseReconcileParams, type ParamProblem, type ReconcileModel } from '../view/reconcile-view';
import type { DatasetInfo } from '../store/dataset';
import type { Viewer } from '../view/access';
import { datasetsFor, retryIfChanged, withData } from './load-datasets';

/** The sources view for its URL's parameters: the listing (for the pickers), the problems, the model. */
export async function reconcilePageModel(
  get: (name: string) => string | undefined,
  viewer: Viewer,
): Promise<{ infos: DatasetInfo[]; problems: ParamProblem[]; model: ReconcileModel | null }> {
  return retryIfChanged(async () => {
    const infos = await datasetsFor(
      viewer,
      [get('a'), get('b')].filter((id): id is string => !!id),
    );
    const { params, problems } = parseReconcileParams(get, infos);
    const a = infos.find((d) => d.id === params.a);
    const b = infos.find((d) => d.id === params.b);
    if (!a || !b || a.id === b.id) return { infos, problems, model: null };
    const [dataA, dataB] = await withData([a, b]);
    return { infos, problems, model: buildReconcile(params, dataA, dataB) };
  });
}
