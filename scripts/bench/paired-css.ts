// Paired runs of a page change, for trying browser-side ideas without a rebuild: each mode is a
// style sheet injected into the whole-register dashboard, and the modes alternate round by round in
// one page, so the machine's noise (±20 ms between runs here) hits them alike. Prints each mode's
// median filter change, unchanged re-render and their ratio, timed as `npm run bench` times them.
//
//   node --import tsx scripts/bench/paired-css.ts '{"base":"","no hatching":"[data-testid$=hatching]{display:none}"}' [rounds]
//
// Needs a build (`npx next build`) and ../shared/data/sipri.
import { changeFirstYear, launchChromium, reRenderUnchanged, splitAtAnswer, WHOLE_REGISTER, type Navigation } from './browser';
import { BenchServer, median, printTable } from './util';

async function main() {
  const modes: Record<string, string> = JSON.parse(process.argv[2] ?? '{"base":""}');
  const rounds = Number(process.argv[3] ?? 15);
  const server = new BenchServer(Number(process.env.BENCH_PORT ?? 3300));
  await server.start();
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(server.url + WHOLE_REGISTER, { waitUntil: 'networkidle' });
    const runs = Object.fromEntries(Object.keys(modes).map((m) => [m, { changed: [] as Navigation[], unchanged: [] as Navigation[] }]));
    let year = 1951;
    // Two untimed rounds per mode first (the client code compiles, the server warms up).
    for (let r = -2; r < rounds; r++)
      for (const [mode, css] of Object.entries(modes)) {
        await page.evaluate((text) => {
          let sheet = document.getElementById('paired-css');
          if (!sheet) document.head.append(Object.assign((sheet = document.createElement('style')), { id: 'paired-css' }));
          sheet.textContent = text;
        }, css);
        // A new first year each time (cycling back after 1995, when the models are cached).
        year = year >= 1995 ? 1951 : year + 1;
        const changed = await changeFirstYear(page, year);
        const unchanged = await reRenderUnchanged(page);
        if (r < 0) continue;
        runs[mode].changed.push(changed);
        runs[mode].unchanged.push(unchanged);
      }
    const ms = (xs: Navigation[]) => median(xs.map((x) => x.inPage));
    // The browser's share: from the end of the server's answer to the painted frame (less noisy).
    const after = (xs: Navigation[]) => splitAtAnswer(xs).after;
    printTable(
      `Paired runs, ${rounds} rounds per mode (event → painted frame, whole register)`,
      Object.entries(runs).map(([mode, { changed, unchanged }]) => [
        mode,
        `${ms(changed).toFixed(0)} / ${ms(unchanged).toFixed(0)}`,
        `${after(changed).toFixed(0)} / ${after(unchanged).toFixed(0)}`,
        `${(ms(changed) / ms(unchanged)).toFixed(2)}×`,
      ]),
      ['mode', 'change / unchanged, ms', 'after the answer', 'ratio'],
    );
  } finally {
    await browser.close();
    server.stop();
  }
}

void main();
