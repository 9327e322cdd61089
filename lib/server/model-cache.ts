import 'server-only';
import type { Dataset } from '../dataset';
import { Lru } from './lru';

const models = new Lru<unknown>(32, 32, () => 1);

/**
 * Page models by the data versions and the view: a repeated view (many readers of one link) is
 * computed once. The key names every dataset's content hash, so a changed file is never served stale.
 */
export function memoModel<T>(page: string, datasets: Dataset[], view: unknown, compute: () => T): T {
  const key = `${page}|${datasets.map((d) => d.info.version).join(',')}|${JSON.stringify(view)}`;
  const hit = models.get(key) as T | undefined;
  if (hit !== undefined) return hit;
  const value = compute();
  models.set(key, value);
  return value;
}
