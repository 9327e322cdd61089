import 'server-only';
import { join, resolve } from 'node:path';

/** The project's bundled data folder. */
export const BUNDLED_DIR = resolve(process.cwd(), 'data');

/** Extra folder of registers (e.g. a mounted volume, or the tests' temporary folder). */
export function extraDataDir(): string | null {
  const dir = process.env.DATA_DIR;
  return dir ? resolve(dir) : null;
}

export const SIDES_FILE = join(BUNDLED_DIR, 'war-supplier-sides.csv');
export const TIMELINE_FILE = join(BUNDLED_DIR, 'timeline.csv');

/** Files in data/ that are tables of context, not registers. */
export const CONTEXT_FILES = new Set(['war-supplier-sides.csv', 'timeline.csv']);

/** The registers we ship; anything else found in data/ was dropped there by a user. */
export const BUNDLED_REGISTERS = new Set([
  'nk-iran-sipri-register-1982-1987.csv',
  'timmerman-nk-iran-1980-1983.csv',
  'missiles-1985-1988.csv',
  'sni-1985-assessment.csv',
]);
