import 'server-only';
import type { DatasetInfo } from '../dataset';
import { Lru } from './lru';

const models = new Lru<unknown>(32, 32, () => 1);

/**
 * Page models by the data versions and the view: a repeated view (many readers of one link) is
 * computed once. The key names every dataset's content hash, so a changed file is never served stale;
 * it needs only the datasets' descriptions, so a hit loads no rows (they may have been let go).
 */
export async function memoModel<T>(page: string, datasets: DatasetInfo[], view: unknown, compute: () => Promise<T>): Promise<T> {
  const key = `${page}|${datasets.map((d) => d.version).join(',')}|${JSON.stringify(view)}`;
  const hit = models.get(key) as T | undefined;
  if (hit !== undefined) return hit;
  const value = await compute();
  models.set(key, value);
  return value;
}
