import 'server-only';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { availableMeasures, datasetIdFromFile, yearSpan, type Dataset, type DatasetOrigin } from '../dataset';
import { FORMAT_LABELS } from '../domain';
import { ingestRegister } from '../ingest';
import { BUNDLED_DIR, BUNDLED_REGISTERS, CONTEXT_FILES, dataDir, scanIntervalMs } from './data-dirs';
import { forgetUploadsStatus, listUploads, sha256Of, uploadIdOf } from './uploads';

/** Human names of the bundled registers. */
const BUNDLED_NAMES: Record<string, string> = {
  'nk-iran-sipri-register-1982-1987.csv': 'North Korea → Iran, trade register 1982–1987',
  'timmerman-nk-iran-1980-1983.csv': 'North Korea → Iran, Timmerman’s account 1980–1983',
  'missiles-1985-1988.csv': 'Scud-B and other missiles, 1985–1988',
  'sni-1985-assessment.csv': 'North Korean arms in Iran, 1985 intelligence assessment',
};

type Cached = { mtimeMs: number; size: number; dataset: Dataset; sha256: string };
type Ingested = Omit<Dataset, 'info'> & { info: Omit<Dataset['info'], 'id' | 'name' | 'file' | 'origin'> };

// Shared by every bundle of the server (pages and route handlers each load this module): one ingest
// per content, one cache entry per file.
const caches = globalThis as typeof globalThis & {
  __armsFiles?: { byPath: Map<string, Cached>; byContent: Map<string, Ingested>; corrupt: CorruptUpload[] };
};
const files = (caches.__armsFiles ??= { byPath: new Map(), byContent: new Map(), corrupt: [] });
const { byPath, byContent } = files;

function citationFor(dataset: Omit<Dataset, 'info'>, generated: string | null): string {
  const sources = [...new Set(dataset.deals.map((d) => d.source).filter(Boolean))];
  if (sources.length === 1 && sources[0] === 'SIPRI Arms Transfers Database') {
    return `SIPRI Arms Transfers Database${generated ? `, data generated ${generated}` : ''}`;
  }
  return sources.slice(0, 3).join('; ') + (sources.length > 3 ? `; and ${sources.length - 3} more` : '');
}

/** Ingest bytes once per distinct content (uploads prime this, so the next listing is instant). */
export function ingestFile(bytes: Uint8Array, version: string): Ingested {
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
    bytes: bytes.length,
    error: report.error?.message ?? null,
    issues: report.entries.length + report.unknownNames.length,
    measures: availableMeasures(result.deals),
  };
  const entry = { ...result, info };
  // A file that is not a register is refused before its rows are read: nothing to keep.
  if (report.error) return entry;
  // Bounded: every distinct upload passes through here.
  if (byContent.size >= 64) byContent.delete(byContent.keys().next().value!);
  byContent.set(version, entry);
  return entry;
}

type Identity = { id: string; name: string; file: string; origin: DatasetOrigin };

/** Read and ingest one file, or reuse the last result while its size and modification time hold. */
async function loadPath(
  path: string,
  identity: (ingested: { format: Dataset['info']['format'] }) => Identity,
  visited: Set<string>,
): Promise<Cached | null> {
  visited.add(path);
  const s = await stat(path).catch(() => null);
  if (!s || !s.isFile()) return null;
  const cached = byPath.get(path);
  if (cached && cached.mtimeMs === s.mtimeMs && cached.size === s.size) return cached;
  const bytes = await readFile(path);
  const sha256 = sha256Of(bytes);
  const ingested = ingestFile(bytes, sha256.slice(0, 16));
  const dataset: Dataset = { ...ingested, info: { ...ingested.info, ...identity(ingested.info) } };
  const entry = { mtimeMs: s.mtimeMs, size: s.size, dataset, sha256 };
  byPath.set(path, entry);
  return entry;
}

async function loadFile(dir: string, file: string, origin: DatasetOrigin, visited: Set<string>): Promise<Dataset | null> {
  const entry = await loadPath(
    join(dir, file),
    ({ format }) => ({
      id: datasetIdFromFile(file),
      name: BUNDLED_NAMES[file] ?? `${file.replace(/\.csv$/i, '')}${format ? ` (${FORMAT_LABELS[format]})` : ''}`,
      file,
      origin,
    }),
    visited,
  );
  return entry?.dataset ?? null;
}

/** Stored uploads whose content no longer matches their hash: reported, never served. */
export type CorruptUpload = { id: string; name: string; reason: string };
export function corruptUploads(): CorruptUpload[] {
  return files.corrupt;
}

async function loadUploaded(visited: Set<string>): Promise<Dataset[]> {
  const out: Dataset[] = [];
  const bad: CorruptUpload[] = [];
  for (const u of await listUploads()) {
    const entry = await loadPath(u.path, () => ({ id: u.meta.id, name: u.meta.name, file: u.meta.name, origin: 'uploaded' }), visited);
    if (!entry) continue;
    if (entry.sha256 !== u.meta.sha256 || uploadIdOf(entry.sha256) !== u.meta.id) {
      bad.push({
        id: u.meta.id,
        name: u.meta.name,
        reason: 'the stored bytes no longer match their content hash: the file was changed or damaged on disk',
      });
      continue;
    }
    out.push(entry.dataset);
  }
  files.corrupt = bad;
  return out;
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
  // Many requests a second would each stat every file: one scan serves all requests for a short
  // while. Uploads and deletions invalidate it at once, including a scan already under way (it may
  // have listed the folder before the new file was there).
  const { listing, scanning } = state;
  if (listing && listing.generation === state.generation && Date.now() - listing.at < scanIntervalMs()) return listing.datasets;
  if (scanning && scanning.generation === state.generation) return scanning.promise;
  const started = state.generation;
  const promise = scanDatasets().then((datasets) => {
    if (started === state.generation) state.listing = { at: Date.now(), datasets, generation: started };
    return datasets;
  });
  state.scanning = { generation: started, promise };
  const done = () => {
    if (state.scanning?.promise === promise) state.scanning = null;
  };
  promise.then(done, done);
  return promise;
}


/**
 * Next.js bundles pages and route handlers separately, each with its own copy of this module: the
 * listing's state lives on globalThis so that an upload handled by the API invalidates the listing
 * the pages use too (otherwise a page could miss a dataset just uploaded).
 */
type ListingState = {
  generation: number;
  listing: { at: number; datasets: Dataset[]; generation: number } | null;
  scanning: { generation: number; promise: Promise<Dataset[]> } | null;
};
const shared = globalThis as typeof globalThis & { __armsListing?: ListingState };
const state: ListingState = (shared.__armsListing ??= { generation: 0, listing: null, scanning: null });

/** Forget the listing, so that the next request scans again (after an upload or a deletion). */
export function invalidateDatasets(): void {
  state.generation++;
  state.listing = null;
  forgetUploadsStatus();
}

async function scanDatasets(): Promise<Dataset[]> {
  const started = state.generation;
  const visited = new Set<string>();
  const dirs = [BUNDLED_DIR, dataDir()];
  const out: Dataset[] = [];
  const seen = new Set<string>();
  for (const dir of [...new Set(dirs)]) {
    for (const file of await csvFiles(dir)) {
      const origin: DatasetOrigin = dir === BUNDLED_DIR && BUNDLED_REGISTERS.has(file) ? 'bundled' : 'dropped';
      const dataset = await loadFile(dir, file, origin, visited);
      if (!dataset || seen.has(dataset.info.id)) continue;
      seen.add(dataset.info.id);
      out.push(dataset);
    }
  }
  for (const d of await loadUploaded(visited)) {
    if (!seen.has(d.info.id)) {
      seen.add(d.info.id);
      out.push(d);
    }
  }
  // A scan no upload or deletion overtook has seen every file there is: forget the others (a deleted
  // upload, a file taken out of a folder), and their ingest unless another file has the same content.
  if (started === state.generation) forgetAllBut(visited);
  return sortDatasets(out);
}

/** An ingest no file holds (an upload that was not stored): let it go. */
export function forgetIngest(version: string): void {
  if (![...byPath.values()].some((e) => e.dataset.info.version === version)) byContent.delete(version);
}

function forgetAllBut(visited: Set<string>): void {
  for (const [path, entry] of byPath) {
    if (visited.has(path)) continue;
    byPath.delete(path);
    forgetIngest(entry.dataset.info.version);
  }
}

/** Bundled registers first, then by name. */
function sortDatasets(datasets: Dataset[]): Dataset[] {
  return datasets.sort(
    (a, b) => Number(b.info.origin === 'bundled') - Number(a.info.origin === 'bundled') || a.info.name.localeCompare(b.info.name),
  );
}

/**
 * After an upload: remember the stored file with the ingest already done, and add it to the current
 * listing instead of throwing the listing away. A rescan would read every stored upload's metadata
 * again (~0.5 ms each) before the new dataset could be listed. The listing keeps its age, so it is
 * rescanned when it would have been anyway; a scan already under way is superseded as by any upload.
 */
export async function primeUpload(path: string, meta: { id: string; name: string; sha256: string }): Promise<void> {
  const ingested = byContent.get(meta.sha256.slice(0, 16));
  const s = await stat(path).catch(() => null);
  const current = state.listing?.generation === state.generation ? state.listing : null;
  invalidateDatasets();
  if (!ingested || !s) return;
  const dataset: Dataset = { ...ingested, info: { ...ingested.info, id: meta.id, name: meta.name, file: meta.name, origin: 'uploaded' } };
  byPath.set(path, { mtimeMs: s.mtimeMs, size: s.size, dataset, sha256: meta.sha256 });
  if (current) {
    const datasets = sortDatasets([...current.datasets.filter((d) => d.info.id !== meta.id), dataset]);
    state.listing = { at: current.at, datasets, generation: state.generation };
  }
}
