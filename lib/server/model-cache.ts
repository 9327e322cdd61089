import 'server-only';
import type { Dataset, DatasetInfo } from '../store/dataset';
import type { ResolvedView } from '../view/resolve-view';
import type { Viewer } from '../view/access';
import { datasetsFor, retryIfChanged, withData } from './load-datasets';
import { Lru } from './lru';

const models = new Lru<unknown>(32, 32, () => 1);

/**
 * A page's model for the datasets its view shows: the datasets are listed and the view resolved
 * against them; the model is cached by their content hashes and the view (`key`), so a repeated view
 * (many readers of one link) is computed once and a changed file is never served stale. Rows are
 * loaded only to compute (they may have been let go), and all of it runs once more if a dataset
 * changed on disk meanwhile. Returns the listing too, for the page's dataset picker: what is
 * listed for `viewer`, and the uploads the view names by id (their link is their share).
 */
export async function shownModel<T>(
  page: string,
  key: unknown,
  who: { viewer: Viewer; named: string[] },
  resolve: (infos: DatasetInfo[]) => ResolvedView,
  build: (shown: Dataset[], resolved: ResolvedView) => T,
): Promise<{ infos: DatasetInfo[]; model: T }> {
  return retryIfChanged(async () => {
    const infos = await datasetsFor(who.viewer, who.named);
    const resolved = resolve(infos);
    const cacheKey = `${page}|${resolved.datasets.map((d) => d.version).join(',')}|${JSON.stringify(key)}`;
    let model = models.get(cacheKey) as T | undefined;
    if (model === undefined) {
      model = build(await withData(resolved.datasets), resolved);
      models.set(cacheKey, model);
    }
    return { infos, model };
  });
}
