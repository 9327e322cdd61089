import 'server-only';
import { availableMeasures, yearSpan, type Dataset, type DatasetInfo } from '../store/dataset';
import { ingestRegister } from '../ingest';
import { CREDIT_LINE } from '../sipri/extract';
import { datasetMemoryBytes } from './data-dirs';

/**
 * Registers held ingested in memory, one per distinct content, the least recently used let go past
 * DATASET_MEMORY_MB (see data-dirs): the rows behind the listing, which itself keeps descriptions only.
 */

/** An ingest and what it says of itself; the listing adds the dataset's id, name, file and origin. */
export type Ingested = Omit<Dataset, 'info'> & { info: Omit<DatasetInfo, 'id' | 'name' | 'file' | 'origin'> };

// Shared by every bundle of the server (pages and route handlers each load this module).
const shared = globalThis as typeof globalThis & { __armsHeld?: Map<string, Ingested> };
const byContent = (shared.__armsHeld ??= new Map());

function citationFor(dataset: Omit<Dataset, 'info'>, generated: string | null): string {
  const sources = dataset.deals.distinct('source').filter(Boolean);
  if (sources.length === 1 && sources[0] === 'SIPRI Arms Transfers Database') {
    // SIPRI's user rules ask for this credit line wherever its data is shown.
    return `${CREDIT_LINE}${generated ? `, data generated ${generated}` : ''}`;
  }
  return sources.slice(0, 3).join('; ') + (sources.length > 3 ? `; and ${sources.length - 3} more` : '');
}

/** The ingest of a content while it is held, marked as the most recently used. */
export function heldIngest(version: string): Ingested | undefined {
  const held = byContent.get(version);
  if (held) {
    byContent.delete(version);
    byContent.set(version, held);
  }
  return held;
}

/** Let go of the least recently used ingests past the memory budget (the newest is always kept). */
function keepWithinBudget(): void {
  const budget = datasetMemoryBytes();
  let total = 0;
  for (const e of byContent.values()) total += e.info.bytes;
  for (const [version, e] of byContent) {
    if ((total <= budget && byContent.size <= 64) || byContent.size === 1) break;
    byContent.delete(version);
    total -= e.info.bytes;
  }
}

/** Ingest bytes once per distinct content while held (uploads prime this, so the next listing is instant). */
export function ingestFile(bytes: Uint8Array, version: string): Ingested {
  const cached = heldIngest(version);
  if (cached) return cached;
  const result = ingestRegister(bytes);
  const { report } = result;
  const info = {
    format: report.format,
    citation: citationFor(result, report.generated),
    generated: report.generated,
    records: report.recordsRead,
    // A TIV table's rows are totals, not deals.
    deals: report.table ? 0 : result.deals.length,
    deliveries: result.deliveries.length,
    years: yearSpan(result.deliveries, result.deals),
    version,
    bytes: bytes.length,
    error: report.error?.message ?? null,
    issues: report.entries.length + report.unknownNames.length,
    measures: availableMeasures(result.deals, report.table !== null),
    table: report.table,
  };
  const entry = { ...result, info };
  // A file that is not a register is refused before its rows are read: nothing to keep.
  if (report.error) return entry;
  byContent.set(version, entry);
  keepWithinBudget();
  return entry;
}

/** Let go of one content's ingest (no file holds it any more). */
export function letGo(version: string): void {
  byContent.delete(version);
}
