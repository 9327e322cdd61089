import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const SHARED_SIPRI = resolve(__dirname, '..', '..', 'shared', 'data', 'sipri');
export const E2E_DATA_DIR = resolve(__dirname, '..', process.env.E2E_DATA_DIR ?? '.ci-out/e2e-data');
export const SIPRI_FILES = ['register-all-2025-03.csv', 'deliveries-1950-1989-2024-04.csv'];

/** A temporary data folder holding links to the real SIPRI exports in ../shared (never copies). */
export default function globalSetup() {
  rmSync(E2E_DATA_DIR, { recursive: true, force: true });
  mkdirSync(E2E_DATA_DIR, { recursive: true });
  for (const f of SIPRI_FILES) {
    const source = join(SHARED_SIPRI, f);
    if (existsSync(source)) symlinkSync(source, join(E2E_DATA_DIR, f));
  }
}
