import 'server-only';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { datasetIdFromFile, type Dataset, type DatasetInfo, type DatasetOrigin } from '../store/dataset';
import { FORMAT_LABELS } from '../domain/types';
import { BUNDLED_EXTRACT } from '../domain/bundled-extract';
import { BUNDLED_DIR, BUNDLED_REGISTERS, CONTEXT_FILES, dataDir, scanIntervalMs } from './data-dirs';
import { heldIngest, ingestFile, letGo, type Ingested } from './held-ingests';
import { accessLabel, accessOfMeta, isListed, type UploadAccess, type Viewer } from '../view/access';
import { contentMatches, forgetUploadsStatus, listUploads, sha256Of, type UploadMeta } from './uploads';

/** Human names of the bundled registers. */
const BUNDLED_NAMES: Record<string, string> = {
  [BUNDLED_EXTRACT.file]: BUNDLED_EXTRACT.name,
  'nk-iran-sipri-register-1982-1987.csv': 'North Korea → Iran, trade register 1982–1987',
  'timmerman-nk-iran-1980-1983.csv': 'North Korea → Iran, Timmerman’s account 1980–1983',
  'missiles-1985-1988.csv': 'Scud-B and other missiles, 1985–1988',
  'sni-1985-assessment.csv': 'North Korean arms in Iran, 1985 intelligence assessment',
};

/** What a scan keeps of a file: its description, not its rows (those are held in held-ingests.ts). */
type Cached = { mtimeMs: number; size: number; info: DatasetInfo; sha256: string };
/** A listed dataset, the file it is read from, and who may see it (null: not an upload, everyone). */
type Listed = { info: DatasetInfo; path: string; access: UploadAccess | null };

// Shared by every bundle of the server (pages and route handlers each load this module): one
// description per file, and the uploads found damaged at the last scan.
const caches = globalThis as typeof globalThis & { __armsFiles?: { byPath: Map<string, Cached>; corrupt: Corrupt[] } };
const files = (caches.__armsFiles ??= { byPath: new Map(), corrupt: [] });
const { byPath } = files;

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
  const entry = { mtimeMs: s.mtimeMs, size: s.size, info: { ...ingested.info, ...identity(ingested.info) }, sha256 };
  byPath.set(path, entry);
  return entry;
}

async function loadFile(dir: string, file: string, origin: DatasetOrigin, visited: Set<string>): Promise<Listed | null> {
  const path = join(dir, file);
  const entry = await loadPath(
    path,
    ({ format }) => ({
      id: datasetIdFromFile(file),
      name: BUNDLED_NAMES[file] ?? `${file.replace(/\.csv$/i, '')}${format ? ` (${FORMAT_LABELS[format]})` : ''}`,
      file,
      origin,
    }),
    visited,
  );
  return entry ? { info: entry.info, path, access: null } : null;
}

/** Stored uploads whose content no longer matches their hash: reported (to those they are listed for), never served. */
export type CorruptUpload = { id: string; name: string; reason: string };
type Corrupt = CorruptUpload & { access: UploadAccess };
export function corruptUploads(viewer: Viewer): CorruptUpload[] {
  return files.corrupt.filter((c) => isListed(c.access, viewer)).map(({ id, name, reason }) => ({ id, name, reason }));
}

async function loadUploaded(visited: Set<string>): Promise<Listed[]> {
  const out: Listed[] = [];
  const bad: Corrupt[] = [];
  for (const u of await listUploads()) {
    const entry = await loadPath(u.path, () => ({ id: u.meta.id, name: u.meta.name, file: u.meta.name, origin: 'uploaded' }), visited);
    if (!entry) continue;
    const access = accessOfMeta(u.meta);
    if (!contentMatches(u.meta, entry.sha256)) {
      bad.push({
        id: u.meta.id,
        name: u.meta.name,
        reason: 'the stored bytes no longer match their content hash: the file was changed or damaged on disk',
        access,
      });
      continue;
    }
    out.push({ info: entry.info, path: u.path, access });
  }
  files.corrupt = bad;
  return out;
}

async function csvFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[]);
  return names.filter((n) => n.toLowerCase().endsWith('.csv') && !CONTEXT_FILES.has(n)).sort();
}

/**
 * The registers in data/ (bundled and dropped), in DATA_DIR and among the uploads, described: those
 * listed for this viewer (uploads labelled with their access), or `'all'` of them, for the server's
 * own use (what a named id opens, what a deletion finds), never to be shown as such.
 */
export async function listDatasets(viewer: Viewer | 'all'): Promise<DatasetInfo[]> {
  const all = await listing();
  if (viewer === 'all') return all.map((l) => l.info);
  return all.filter((l) => isListed(l.access, viewer)).map(labelled(viewer));
}

const labelled = (viewer: Viewer) => (l: Listed) => (l.access ? { ...l.info, access: accessLabel(l.access, viewer) } : l.info);

/**
 * What a viewer may pick from: the datasets listed for it, and those it names by id that are not
 * (an upload's link is its share: whoever holds it may open it), in the listing's order.
 */
export async function datasetsFor(viewer: Viewer, named: string[]): Promise<DatasetInfo[]> {
  const wanted = new Set(named);
  return (await listing()).filter((l) => wanted.has(l.info.id) || isListed(l.access, viewer)).map(labelled(viewer));
}

/** Datasets that changed on disk, or went away, between their listing and the reading of their rows. */
export class DatasetsChanged extends Error {
  constructor(readonly ids: string[]) {
    super(`${ids.join(', ')} changed on disk while being read`);
    this.name = 'DatasetsChanged';
  }
}

/**
 * The rows of these listed datasets, in their order: from memory while held, else read again from
 * disk. One that changed since it was listed (or went away) throws DatasetsChanged, with the listing
 * renewed: a page or answer made without it would silently show less, and be cached so.
 */
export async function withData(infos: DatasetInfo[]): Promise<Dataset[]> {
  const byId = new Map((await listing()).map((l) => [l.info.id, l]));
  const out: Dataset[] = [];
  const changed: string[] = [];
  for (const info of infos) {
    const listed = byId.get(info.id);
    const held = listed && listed.info.version === info.version ? (heldIngest(info.version) ?? (await readAgain(listed))) : null;
    if (held) out.push({ ...held, info: listed!.info });
    else changed.push(info.id);
  }
  if (changed.length > 0) {
    invalidateDatasets();
    throw new DatasetsChanged(changed);
  }
  return out;
}

/** Run `make` again, once, if a dataset changed under it (the second run sees the renewed listing). */
export async function retryIfChanged<T>(make: () => Promise<T>): Promise<T> {
  try {
    return await make();
  } catch (e) {
    if ((e as Error).name !== 'DatasetsChanged') throw e;
    return make();
  }
}

async function readAgain(listed: Listed): Promise<Ingested | null> {
  const bytes = await readFile(listed.path).catch(() => null);
  const version = bytes && sha256Of(bytes).slice(0, 16);
  if (!bytes || version !== listed.info.version) return null;
  return ingestFile(bytes, version);
}

/**
 * Files are re-read only when their size or modification time changes, and ingested once per
 * distinct content while held.
 */
async function listing(): Promise<Listed[]> {
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
  listing: { at: number; datasets: Listed[]; generation: number } | null;
  scanning: { generation: number; promise: Promise<Listed[]> } | null;
};
const shared = globalThis as typeof globalThis & { __armsListing?: ListingState };
const state: ListingState = (shared.__armsListing ??= { generation: 0, listing: null, scanning: null });

/** Forget the listing, so that the next request scans again (after an upload or a deletion). */
export function invalidateDatasets(): void {
  state.generation++;
  state.listing = null;
  forgetUploadsStatus();
}

async function scanDatasets(): Promise<Listed[]> {
  const started = state.generation;
  const visited = new Set<string>();
  const dirs = [BUNDLED_DIR, dataDir()];
  const out: Listed[] = [];
  const seen = new Set<string>();
  for (const dir of [...new Set(dirs)]) {
    for (const file of await csvFiles(dir)) {
      const origin: DatasetOrigin = dir === BUNDLED_DIR && BUNDLED_REGISTERS.has(file) ? 'bundled' : 'dropped';
      const listed = await loadFile(dir, file, origin, visited);
      if (!listed || seen.has(listed.info.id)) continue;
      seen.add(listed.info.id);
      out.push(listed);
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
  if (![...byPath.values()].some((e) => e.info.version === version)) letGo(version);
}

function forgetAllBut(visited: Set<string>): void {
  for (const [path, entry] of byPath) {
    if (visited.has(path)) continue;
    byPath.delete(path);
    forgetIngest(entry.info.version);
  }
}

/** Bundled registers first, then by name. */
function sortDatasets(datasets: Listed[]): Listed[] {
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
export async function primeUpload(path: string, meta: UploadMeta, ingested: Pick<Ingested, 'info'>): Promise<void> {
  const s = await stat(path).catch(() => null);
  const current = state.listing?.generation === state.generation ? state.listing : null;
  invalidateDatasets();
  if (!s) return;
  const info: DatasetInfo = { ...ingested.info, id: meta.id, name: meta.name, file: meta.name, origin: 'uploaded' };
  byPath.set(path, { mtimeMs: s.mtimeMs, size: s.size, info, sha256: meta.sha256 });
  if (current) {
    const datasets = sortDatasets([...current.datasets.filter((d) => d.info.id !== meta.id), { info, path, access: accessOfMeta(meta) }]);
    state.listing = { at: current.at, datasets, generation: state.generation };
  }
}
