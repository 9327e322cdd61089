import assert from 'node:assert/strict';
import type { IngestResult } from '../ingest';

/** The ingest's promise, checked: every record read was produced or reported skipped. */
export function accounted(r: IngestResult): void {
  const skipped = r.report.entries.filter((e) => e.severity === 'skipped').length;
  assert.equal(r.report.recordsRead, r.report.recordsProduced + skipped, 'read = produced + skipped');
}
