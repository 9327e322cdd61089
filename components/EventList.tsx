import type { TimelineEvent } from '@/lib/ingest/context-tables';

/** The numbered events marked on a chart's year axis, with their sources (the markers carry the numbers). */
export function EventList({ events }: { events: TimelineEvent[] }) {
  if (events.length === 0) return null;
  return (
    <ol className="mt-2 list-decimal pl-6 text-sm text-[var(--muted)]" aria-label="Events marked on the chart">
      {events.map((e, i) => (
        <li key={i}>
          {e.date}: {e.event} <span className="italic">({e.source})</span>
        </li>
      ))}
    </ol>
  );
}
