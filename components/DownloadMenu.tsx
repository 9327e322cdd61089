'use client';

import type { DownloadLinks } from '@/lib/export/download-links';
import { useState } from 'react';
import { chartPng, chartSvg, saveBlob, type ExportFrame } from './chart-export';

export type DownloadMenuProps = {
  /** API links for the chart's data and deals. */
  links: DownloadLinks;
  /** CSS selector of the chart's SVG (inside its root class). */
  chartSelector: string;
  /** Title, filters, legend and source drawn into the image. */
  frame: ExportFrame;
  /** Base file name for images, e.g. "deliveries-by-supplier-iran-1982-1987-units". */
  fileName: string;
  /** Test id prefix. */
  testId: string;
};

const linkClass = 'rounded border border-[var(--line)] px-2 py-0.5 text-sm no-underline';

/** CSV, JSON, deals, SVG, PNG and a zip bundle of a chart: data links go through the API. */
export function DownloadMenu({ links, chartSelector, frame, fileName, testId }: DownloadMenuProps) {
  const [error, setError] = useState<string | null>(null);
  const svgOf = () => {
    const chart = document.querySelector<SVGSVGElement>(chartSelector);
    if (!chart) throw new Error('the chart is not drawn (nothing to export)');
    return chartSvg(chart, frame);
  };
  const image = async (kind: 'svg' | 'png') => {
    setError(null);
    try {
      const { svg, width, height } = svgOf();
      const blob = kind === 'svg' ? new Blob([svg], { type: 'image/svg+xml' }) : await chartPng(svg, width, height);
      saveBlob(blob, `${fileName}.${kind}`);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Downloads" data-testid={testId}>
      <span className="text-sm text-[var(--muted)]">Download</span>
      <a className={linkClass} href={links.csv} download data-testid={`${testId}-csv`}>
        CSV
      </a>
      <a className={linkClass} href={links.json} download={`${fileName}.json`} data-testid={`${testId}-json`}>
        JSON
      </a>
      <a className={linkClass} href={links.dealsCsv} download data-testid={`${testId}-deals-csv`}>
        Deals CSV
      </a>
      <a className={linkClass} href={links.dealsJson} download={`${fileName}-deals.json`} data-testid={`${testId}-deals-json`}>
        Deals JSON
      </a>
      <button type="button" className={linkClass} onClick={() => image('svg')} data-testid={`${testId}-svg`}>
        SVG
      </button>
      <button type="button" className={linkClass} onClick={() => image('png')} data-testid={`${testId}-png`}>
        PNG
      </button>
      <a className={linkClass} href={links.bundle} download data-testid={`${testId}-zip`}>
        All (zip)
      </a>
      {error && (
        <span role="alert" className="text-sm text-red-600">
          {error}
        </span>
      )}
    </div>
  );
}
