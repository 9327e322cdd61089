import 'server-only';
import { createHash } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { availableMeasures, datasetIdFromFile, yearSpan, type Dataset, type DatasetOrigin } from '../dataset';
import { FORMAT_LABELS } from '../domain';
import { ingestRegister } from '../ingest';
import { BUNDLED_DIR, BUNDLED_REGISTERS, CONTEXT_FILES, extraDataDir } from './data-dirs';

/** Human names of the bundled registers. */
const BUNDLED_NAMES: Record<string, string> = {
  'nk-iran-sipri-register-1982-1987.csv': 'North Korea → Iran, trade register 1982–1987',
  'timmerman-nk-iran-1980-1983.csv': 'North Korea → Iran, Timmerman’s account 1980–1983',
  'missiles-1985-1988.csv': 'Scud-B and other missiles, 1985–1988',
  'sni-1985-assessment.csv': 'North Korean arms in Iran, 1985 intelligence assessment',
};

type Cached = { mtimeMs: number; size: number; dataset: Dataset };
const byPath = new Map<string, Cached>();
const byContent = new Map<string, Omit<Dataset, 'info'> & { info: Omit<Dataset['info'], 'id' | 'name' | 'file' | 'origin'> }>();

function citationFor(dataset: Omit<Dataset, 'info'>, generated: string | null): string {
  const sources = [...new Set(dataset.deals.map((d) => d.source).filter(Boolean))];
  if (sources.length === 1 && sources[0] === 'SIPRI Arms Transfers Database') {
    return `SIPRI Arms Transfers Database${generated ? `, data generated ${generated}` : ''}`;
  }
  return sources.slice(0, 3).join('; ') + (sources.length > 3 ? `; and ${sources.length - 3} more` : '');
}

function ingestFile(bytes: Buffer, version: string) {
  const cached = byContent.get(version);
  if (cached) return cached;
  const result = ingestRegister(bytes);
  const { report } = result;
  const info = {
    format: report.format,
    citation: citationFor(result, report.generated),
    generated: report.generated,
    records: report.recordsRead,
    deals: result.deals.length,
    deliveries: result.deliveries.length,
    years: yearSpan(result.deliveries, result.deals),
    version,
    error: report.error?.message ?? null,
    issues: report.entries.length + report.unknownNames.length,
    measures: availableMeasures(result.deals),
  };
  const entry = { ...result, info };
  byContent.set(version, entry);
  return entry;
}

async function loadFile(dir: string, file: string, origin: DatasetOrigin): Promise<Dataset | null> {
  const path = join(dir, file);
  const s = await stat(path).catch(() => null);
  if (!s || !s.isFile()) return null;
  const cached = byPath.get(path);
  if (cached && cached.mtimeMs === s.mtimeMs && cached.size === s.size) return cached.dataset;
  const bytes = await readFile(path);
  const version = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  const ingested = ingestFile(bytes, version);
  const name =
    BUNDLED_NAMES[file] ?? `${file.replace(/\.csv$/i, '')}${ingested.info.format ? ` (${FORMAT_LABELS[ingested.info.format]})` : ''}`;
  const dataset: Dataset = { ...ingested, info: { ...ingested.info, id: datasetIdFromFile(file), name, file, origin } };
  byPath.set(path, { mtimeMs: s.mtimeMs, size: s.size, dataset });
  return dataset;
}

async function csvFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => n.toLowerCase().endsWith('.csv') && !CONTEXT_FILES.has(n)).sort();
}

/**
 * Every register in data/ (bundled and dropped) and in DATA_DIR. Files are re-read only when their
 * size or modification time changes, and ingested once per distinct content.
 */
export async function loadDatasets(): Promise<Dataset[]> {
  const dirs = [BUNDLED_DIR, extraDataDir()].filter((d): d is string => d !== null && d !== undefined);
  const out: Dataset[] = [];
  const seen = new Set<string>();
  for (const dir of [...new Set(dirs)]) {
    for (const file of await csvFiles(dir)) {
      const origin: DatasetOrigin = dir === BUNDLED_DIR && BUNDLED_REGISTERS.has(file) ? 'bundled' : 'dropped';
      const dataset = await loadFile(dir, file, origin);
      if (!dataset || seen.has(dataset.info.id)) continue;
      seen.add(dataset.info.id);
      out.push(dataset);
    }
  }
  return out.sort(
    (a, b) => Number(b.info.origin === 'bundled') - Number(a.info.origin === 'bundled') || a.info.name.localeCompare(b.info.name),
  );
}
