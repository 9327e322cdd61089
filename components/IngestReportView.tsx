import { FORMAT_LABELS, type RegisterFormat } from '@/lib/domain/types';
import { countOf } from '@/lib/domain/format';
import type { UploadReport } from '@/lib/ingest/upload-report';
import { ShareLink } from './ShareLink';

/** What an ingest read: counts, the lines to check and the names kept as written. */
export function IngestReportView({
  name,
  existing,
  report,
  share,
  testId = 'upload',
}: {
  name: string;
  existing: boolean;
  report: UploadReport;
  /** The stored upload: who sees it, and its link. */
  share?: { id: string; published: boolean };
  /** Prefix of the test ids (`upload-report`, `upload-counts`…). */
  testId?: string;
}) {
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
      {share && <ShareLink id={share.id} published={share.published} testId={testId} />}
    </div>
  );
}
