/** Test-only IO: the real SIPRI exports live in ../shared (beside the clone), never in the project. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED_SIPRI_DIR = resolve(process.cwd(), '..', 'shared', 'data', 'sipri');

export const REGISTER_2025 = 'register-all-2025-03.csv';
export const DELIVERIES_1950_1989 = 'deliveries-1950-1989-2024-04.csv';
export const TIV_IMPORTERS = 'tiv-importers-1950-2024-2024-10.csv';

/** The reason to skip a test when ../shared is absent, or false when the file is there. */
export function skipUnlessShared(name: string): string | false {
  return existsSync(join(SHARED_SIPRI_DIR, name)) ? false : `skipped: needs ../shared/data/sipri/${name}, which is absent here`;
}

export function readShared(name: string): Buffer {
  return readFileSync(join(SHARED_SIPRI_DIR, name));
}

/**
 * Suppliers that delivered to both Iran and Iraq in 1980–1988 in SIPRI's delivery-level export (the
 * comparison's "● both" labels): one list for the unit and the end-to-end tests.
 */
export const SUPPLIED_BOTH_IRAN_IRAQ_1980_1988 = [
  'China',
  'Soviet Union',
  'France',
  'Italy',
  'United Kingdom',
  'United States',
  'Austria',
  'Switzerland',
  'Sweden',
  'Canada',
];
