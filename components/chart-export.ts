'use client';

/** Everything drawn into an exported image besides the chart itself. */
export type ExportFrame = {
  title: string;
  subtitle: string;
  /** Entries with `when` are drawn only if the chart has a mark matching that selector (known only once laid out). */
  legend: { label: string; colour: string; when?: string }[];
  source: string;
};

const PAD = 16;

function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Exports are for print and slides: always the light palette, whatever the page's theme. */
const LIGHT: Record<string, string> = {
  '--bg': '#ffffff',
  '--fg': '#1f2328',
  '--muted': '#59636e',
  '--line': '#d1d9e0',
  '--panel': '#f6f8fa',
  '--accent': '#0b62d6',
  '--other': '#9aa4ae',
  '--smaller': '#bcae97',
};

/** CSS variables do not survive outside the page: replace them by the light theme's values. */
function resolveVariables(markup: string): string {
  return markup.replace(/var\((--[a-z-]+)\)/g, (_, name: string) => LIGHT[name] ?? '#888888');
}

/**
 * A standalone SVG of a chart: title, filters, legend, the chart, and the source line. Text from
 * user data is escaped (names are never markup); page colours are inlined.
 */
export function chartSvg(chart: SVGSVGElement, exported: ExportFrame): { svg: string; width: number; height: number } {
  const frame = { ...exported, legend: exported.legend.filter((e) => e.when === undefined || chart.querySelector(e.when) !== null) };
  const width = Math.round(chart.width.baseVal.value);
  const chartHeight = Math.round(chart.height.baseVal.value);
  const perRow = Math.max(1, Math.floor((width - 2 * PAD) / 170));
  const legendRows = Math.ceil(frame.legend.length / perRow);
  const top = 58;
  const legendTop = top + chartHeight + 12;
  const height = legendTop + legendRows * 18 + 34;
  const legend = frame.legend
    .map((l, i) => {
      const x = PAD + (i % perRow) * 170;
      const y = legendTop + Math.floor(i / perRow) * 18;
      return `<rect x="${x}" y="${y}" width="10" height="10" fill="${escapeXml(l.colour)}"/><text x="${x + 14}" y="${y + 9}" font-size="11">${escapeXml(l.label.slice(0, 26))}</text>`;
    })
    .join('');
  // Marks coloured by a scale that follows the page's theme (the map) carry their light colour.
  const copy = chart.cloneNode(true) as SVGSVGElement;
  for (const m of copy.querySelectorAll('[data-export-fill]')) m.setAttribute('fill', m.getAttribute('data-export-fill')!);
  const inner = new XMLSerializer().serializeToString(copy);
  const body = [
    `<rect width="100%" height="100%" fill="var(--bg)"/>`,
    `<text x="${PAD}" y="24" font-size="16" font-weight="bold">${escapeXml(frame.title)}</text>`,
    `<text x="${PAD}" y="44" font-size="11" fill="var(--muted)">${escapeXml(frame.subtitle)}</text>`,
    `<g transform="translate(0 ${top})">${inner}</g>`,
    legend,
    `<text x="${PAD}" y="${height - 12}" font-size="10" fill="var(--muted)">${escapeXml(frame.source)}</text>`,
  ].join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, Arial, sans-serif" fill="var(--fg)">${body}</svg>`;
  return { svg: resolveVariables(svg).replace(/ (tabindex|role|class)="[^"]*"/g, ''), width, height };
}

/** Rasterise the standalone SVG at 2× (print) through an <img> on a canvas: no library needed. */
export async function chartPng(svg: string, width: number, height: number, scale = 2): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('the chart image could not be drawn'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = width * scale;
    canvas.height = height * scale;
    const ctx = canvas.getContext('2d')!;
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function saveBlob(blob: Blob, filename: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
