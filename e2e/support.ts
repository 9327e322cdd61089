import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const SHARED_SIPRI = resolve(__dirname, '..', '..', 'shared', 'data', 'sipri');

/** Skip reason for specs that need a real SIPRI export from ../shared, or false when it is there. */
export function needsShared(file: string): string | false {
  return existsSync(join(SHARED_SIPRI, file)) ? false : `needs ../shared/data/sipri/${file}, which is absent here`;
}
