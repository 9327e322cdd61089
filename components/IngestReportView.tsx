import { FORMAT_LABELS, type RegisterFormat } from '@/lib/domain/types';
import { countOf } from '@/lib/domain/format';
import type { UploadReport } from '@/lib/ingest/upload-report';
import { ShareLink } from './ShareLink';

/** A stored register as an upload or a SIPRI fetch answers it: its id and name, whether it was there already, who sees it, what was read. */
export type StoredUpload = { id: string; name: string; existing: boolean; published: boolean; report: UploadReport };

/** The stored upload of a 200 or 201 answer's body. */
export function storedUpload(body: Record<string, unknown>, status: number): StoredUpload {
  return {
    id: String(body.id),
    name: String(body.name),
    existing: status === 200,
    published: body.published === true,
    report: body.report as UploadReport,
  };
}

/** What an ingest read: counts, the lines to check and the names kept as written; who sees it, and its link. */
export function IngestReportView({
  stored,
  testId = 'upload',
}: {
  stored: StoredUpload;
  /** Prefix of the test ids (`upload-report`, `upload-counts`…). */
  testId?: string;
}) {
  const { id, name, existing, published, report } = stored;
  return (
    <div className="mt-2 text-sm" data-testid={`${testId}-report`}>
      <p>
        <strong>{name}</strong>
        {existing ? ' was already loaded (same content): showing it.' : ' is loaded and shown below.'} Format:{' '}
        {report.format ? FORMAT_LABELS[report.format as RegisterFormat] : 'unknown'}
        {report.generated && `, data generated ${report.generated}`}; encoding {report.encoding}.
      </p>
      <p data-testid={`${testId}-counts`}>
        Records read: {report.recordsRead.toLocaleString('en-GB')}; deals: {report.dealsProduced.toLocaleString('en-GB')}; deliveries:{' '}
        {report.deliveriesProduced.toLocaleString('en-GB')}; records rejoined: {report.recordsRejoined}; orders not yet delivered:{' '}
        {report.undeliveredOrders.toLocaleString('en-GB')}; skipped: {report.skipped}; questionable: {report.warnings}.
      </p>
      {report.entriesTotal > 0 && (
        <details>
          <summary className="cursor-pointer">
            {countOf(report.entriesTotal, 'record')} to check
            {report.entriesTotal > report.entries.length && ` (first ${report.entries.length} listed)`}
          </summary>
          <ul className="max-h-60 overflow-auto pl-4" data-testid={`${testId}-entries`}>
            {report.entries.map((e, i) => (
              <li key={i}>
                Line {e.line} ({e.severity}): {e.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
      {report.unknownNames.length > 0 && (
        <p>Names not in SIPRI’s list, kept as written: {[...new Set(report.unknownNames.map((u) => u.name))].slice(0, 20).join(', ')}</p>
      )}
      <ShareLink id={id} published={published} testId={testId} />
    </div>
  );
}
