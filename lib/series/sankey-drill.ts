import type { Drill } from '../view-params';
import type { SankeyLinkDatum } from './sankey-series';

const DRILL_ORDER = ['origin', 'supplier', 'category', 'recipient'] as const;

/**
 * The deals behind a link: its two ends and its supplier (origin → supplier, supplier → category,
 * or category → recipient of one supplier). Derived where needed rather than sent with every link:
 * the whole register's ~700 links carried ~40 KB of copies of their own names.
 */
export function linkDrill(link: Pick<SankeyLinkDatum, 'source' | 'target' | 'supplier'>): Drill {
  const end = (id: string) => [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
  const named: Record<string, string> = Object.fromEntries([end(link.source), end(link.target), ['supplier', link.supplier]]);
  const drill: Drill = {};
  for (const side of DRILL_ORDER) if (named[side] !== undefined) drill[side] = named[side];
  return drill;
}
