export type TableDownloadsProps = {
  /** The API address of the table, without `format` (JSON); CSV adds `format=csv`. */
  href: string;
  /** File name of the JSON download (the CSV's comes from the server). */
  jsonName: string;
  /** Prefix of the test ids: `${testId}-csv`, `${testId}-json`. */
  testId: string;
};

/** "Download CSV JSON" for a table the API serves. */
export function TableDownloads({ href, jsonName, testId }: TableDownloadsProps) {
  const link = 'rounded border border-[var(--line)] px-2 py-0.5 no-underline';
  return (
    <p className="flex flex-wrap gap-2 text-sm">
      <span className="text-[var(--muted)]">Download</span>
      <a className={link} href={`${href}${href.includes('?') ? '&' : '?'}format=csv`} download data-testid={`${testId}-csv`}>
        CSV
      </a>
      <a className={link} href={href} download={jsonName} data-testid={`${testId}-json`}>
        JSON
      </a>
    </p>
  );
}
