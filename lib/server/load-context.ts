import 'server-only';
import { readFile, stat } from 'node:fs/promises';
import { readSupplierSides, readTimeline, type SupplierSide, type TableRead, type TimelineEvent } from '../ingest/context-tables';
import { SIDES_FILE, TIMELINE_FILE } from './data-dirs';

const cache = new Map<string, { mtimeMs: number; value: unknown }>();

async function cachedRead<T>(path: string, read: (text: string) => TableRead<T>): Promise<TableRead<T>> {
  const s = await stat(path).catch(() => null);
  if (!s) return { rows: [], entries: [{ line: 0, severity: 'skipped', reason: `${path} is missing` }], recordsRead: 0 };
  const hit = cache.get(path);
  if (hit && hit.mtimeMs === s.mtimeMs) return hit.value as TableRead<T>;
  const value = read(await readFile(path, 'utf8'));
  cache.set(path, { mtimeMs: s.mtimeMs, value });
  return value;
}

export function loadSupplierSides(): Promise<TableRead<SupplierSide>> {
  return cachedRead(SIDES_FILE, readSupplierSides);
}

export function loadTimeline(): Promise<TableRead<TimelineEvent>> {
  return cachedRead(TIMELINE_FILE, readTimeline);
}
