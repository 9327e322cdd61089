import 'server-only';
import { join, resolve } from 'node:path';
import { BUNDLED_EXTRACT } from '../domain/bundled-extract';
import { uploadsSetting } from '../view/write-policy';

/** The project's bundled data folder. */
export const BUNDLED_DIR = resolve(process.cwd(), 'data');

/**
 * The data directory (DATA_DIR, default `.data/` in the project, git-ignored): registers dropped in
 * its root are read like those in data/; uploads are kept in its `uploads/` folder.
 */
export function dataDir(): string {
  return resolve(process.env.DATA_DIR || join(process.cwd(), '.data'));
}

export function uploadsDir(): string {
  return join(dataDir(), 'uploads');
}

/** A size setting given in megabytes, in bytes; the fallback when unset or not a positive number. */
function megabytesSetting(name: string, fallback: number): number {
  const mb = Number(process.env[name]);
  return Math.floor((Number.isFinite(mb) && mb > 0 ? mb : fallback) * 1024 * 1024);
}

/** Whether this server is read-only (UPLOADS=off, or a value that is not "on"), and why. */
export function uploadsOff(): { off: boolean; problem: string | null } {
  return uploadsSetting(process.env.UPLOADS);
}

/** Largest upload accepted, in bytes (UPLOAD_LIMIT_MB, default 50). */
export function uploadLimitBytes(): number {
  return megabytesSetting('UPLOAD_LIMIT_MB', 50);
}

/** Most that stored uploads may hold on disk in all, in bytes (UPLOAD_TOTAL_MB, default 500). */
export function uploadTotalLimitBytes(): number {
  return megabytesSetting('UPLOAD_TOTAL_MB', 500);
}

/**
 * Most registers kept ingested in memory at once, counted by their size on disk, in bytes
 * (DATASET_MEMORY_MB, default 150). An ingested register takes ~3× its size on disk (the whole SIPRI
 * register: 3.8 MB on disk, ~12 MB in memory); the least recently used are let go past this and read
 * again from disk when next shown (~60 ms for the whole register), so neither uploads nor files
 * dropped in the data folders can fill Node's heap. The one being read is always kept.
 */
export function datasetMemoryBytes(): number {
  return megabytesSetting('DATASET_MEMORY_MB', 150);
}

/** How long one scan of the data folders serves requests (DATA_SCAN_MS, default 1 s). */
export function scanIntervalMs(): number {
  const ms = Number(process.env.DATA_SCAN_MS);
  return Number.isFinite(ms) && ms >= 0 ? ms : 1000;
}

export const SIDES_FILE = join(BUNDLED_DIR, 'war-supplier-sides.csv');
export const TIMELINE_FILE = join(BUNDLED_DIR, 'timeline.csv');

/** Files in data/ that are tables of context, not registers. */
export const CONTEXT_FILES = new Set(['war-supplier-sides.csv', 'timeline.csv']);

/** The registers we ship; anything else found in data/ was dropped there by a user. */
export const BUNDLED_REGISTERS = new Set([
  BUNDLED_EXTRACT.file,
  'nk-iran-sipri-register-1982-1987.csv',
  'timmerman-nk-iran-1980-1983.csv',
  'missiles-1985-1988.csv',
  'sni-1985-assessment.csv',
]);
