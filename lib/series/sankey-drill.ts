import type { Drill } from '../query/select-deals';
import type { SankeyLinkDatum } from './sankey-series';

const DRILL_ORDER = ['origin', 'supplier', 'category', 'recipient'] as const;

/**
 * The deals behind a link: its two ends and its supplier (origin → supplier, supplier → category,
 * or category → recipient of one supplier), or, for a link merging the smaller suppliers of a flow
 * (`members`), any of those suppliers. Derived where needed rather than sent with every link:
 * the whole register's ~700 links carried ~40 KB of copies of their own names.
 */
export function linkDrill(link: Pick<SankeyLinkDatum, 'source' | 'target' | 'supplier'> & { members?: string[] }): Drill {
  const end = (id: string) => [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
  const merged = link.members !== undefined && link.members.length > 0;
  const named: Record<string, string> = Object.fromEntries([
    end(link.source),
    end(link.target),
    ...(merged ? [] : [['supplier', link.supplier]]),
  ]);
  const drill: Drill = {};
  for (const side of DRILL_ORDER) if (named[side] !== undefined) drill[side] = named[side];
  if (merged) drill.suppliers = link.members;
  return drill;
}
