// Writes data/sipri-iran-iraq-deliveries-1950-1989.csv: the rows of SIPRI's 1950–1989 delivery-level
// export whose recipient is Iran or Iraq (4.5% of its rows), under a preamble crediting SIPRI.
// Deterministic: the same source gives the same bytes. Usage: npm run extract-bundled [-- SOURCE.csv]
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { BUNDLED_EXTRACT } from '../lib/domain/bundled-extract';
import { extractRecipients } from '../lib/sipri/extract';

const source = resolve(process.argv[2] ?? join(process.cwd(), '..', 'shared', 'data', 'sipri', BUNDLED_EXTRACT.source));
const target = join(process.cwd(), 'data', BUNDLED_EXTRACT.file);
try {
  // SIPRI's exports are ASCII or Latin-1: read and written byte for byte as Latin-1.
  const extract = extractRecipients(readFileSync(source, 'latin1'), {
    recipients: [...BUNDLED_EXTRACT.recipients],
    sourceName: basename(source),
    madeBy: BUNDLED_EXTRACT.madeBy,
  });
  writeFileSync(target, extract.text, 'latin1');
  console.log(`${target}: ${extract.kept} of ${extract.total} rows (data generated ${extract.generated})`);
} catch (e) {
  console.error(`extract-bundled: ${(e as Error).message}`);
  process.exit(1);
}
